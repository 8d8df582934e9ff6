// `npx tsx scripts/benchMemory.ts [--runs N] [--designs N] [--server A.js,B.js] [--flags "F|G"]
// [--snapshot DIR]`: the language server's memory with 50 designs of 20 KB open, as `npm run
// bench`'s memory section measures it (opened, code lenses and symbols asked for each, sampled
// 15 s later once idle), with the figures that are steadier than VmRSS on a shared machine:
// anonymous RSS and the V8 heap in use (read through scripts/memoryProbe.mjs). Several servers
// (or Node flags) are run interleaved (A/B), `--runs` times each; medians are printed. Not a test.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { SERVER_ENV } from '../common/src/serverProcess';
import { generateDesign } from './designGenerator';

const root = path.join(__dirname, '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 3);
const SERVERS = (arg('--server') ?? path.join(root, 'dist', 'server.js')).split(',');
/** Node/V8 flags to start the server with, variants separated by "|" (an empty one: none). */
const FLAGS = (arg('--flags') ?? '').split('|').map((f) => f.split(' ').filter(Boolean));
const VARIANTS = SERVERS.flatMap((server) => FLAGS.map((flags) => ({ server, flags })));
const SNAPSHOT = arg('--snapshot');
const OPEN_DESIGNS = Number(arg('--designs') ?? 50);
const IDLE_SECONDS = 15;
const MiB = 2 ** 20;

interface Sample {
  before: number;
  afterOpen: number;
  idle: number;
  anon: number;
  peak: number;
  heapUsed: number;
  spaces: Record<string, number>;
}

function status(pid: number): Record<string, number> {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const values: Record<string, number> = {};
  for (const m of text.matchAll(/^(\w+):\s*(\d+) kB$/gm)) values[m[1]] = Number(m[2]) * 1024;
  return values;
}

const sleep = (msec: number) => new Promise((resolve) => setTimeout(resolve, msec));

async function measure(server: string, flags: string[]): Promise<Sample> {
  const probeOut = path.join(os.tmpdir(), `mlsd-probe-${process.pid}-${Date.now()}.json`);
  const child = spawn(process.execPath, [...flags, server, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env,
      ...SERVER_ENV,
      NODE_OPTIONS: `--import ${pathToFileURL(path.join(__dirname, 'memoryProbe.mjs')).href}`,
      MLSD_PROBE_OUT: probeOut,
      ...(SNAPSHOT ? { MLSD_PROBE_SNAPSHOT: SNAPSHOT } : {}),
    },
  });
  const connection: ProtocolConnection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published = new Map<string, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
    published.get(params.uri)?.();
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
    params.items.map(() => ({ debounceMs: 0 })),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true } },
  });
  await connection.sendNotification('initialized', {});
  await sleep(2000);
  const pid = child.pid!;
  const before = status(pid).VmRSS;
  for (let i = 0; i < OPEN_DESIGNS; i++) {
    const uri = `file:///tmp/memory-${i}.mlsd.md`;
    const done = new Promise<void>((resolve) => published.set(uri, resolve));
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: 'markdown',
        version: 1,
        text: generateDesign(20_000, 100 + i),
      },
    });
    await done;
  }
  for (let i = 0; i < OPEN_DESIGNS; i++) {
    const textDocument = { uri: `file:///tmp/memory-${i}.mlsd.md` };
    await connection.sendRequest('textDocument/codeLens', { textDocument });
    await connection.sendRequest('textDocument/documentSymbol', { textDocument });
  }
  await sleep(1000);
  const afterOpen = status(pid).VmRSS;
  await sleep((IDLE_SECONDS - 1) * 1000);
  const idle = status(pid);
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100 && !fs.existsSync(probeOut); i++) await sleep(100);
  await sleep(SNAPSHOT ? 20_000 : 200);
  const probe = JSON.parse(fs.readFileSync(probeOut, 'utf8')) as {
    heap: { used_heap_size: number };
    spaces: Record<string, number>;
  };
  fs.rmSync(probeOut, { force: true });
  child.kill();
  connection.dispose();
  return {
    before,
    afterOpen,
    idle: idle.VmRSS,
    anon: idle.RssAnon,
    peak: idle.VmHWM,
    heapUsed: probe.heap.used_heap_size,
    spaces: probe.spaces,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mib = (bytes: number) => (bytes / MiB).toFixed(1);

async function main(): Promise<void> {
  const name = ({ server, flags }: (typeof VARIANTS)[number]) =>
    [path.relative(root, server), ...flags].join(' ');
  const samples = new Map<string, Sample[]>(VARIANTS.map((v) => [name(v), []]));
  for (let run = 0; run < RUNS; run++) {
    for (const variant of VARIANTS) {
      const sample = await measure(variant.server, variant.flags);
      samples.get(name(variant))!.push(sample);
      console.log(
        `run ${run + 1} ${name(variant)}: before ${mib(sample.before)}, 1 s after ${mib(sample.afterOpen)}, idle ${mib(sample.idle)} MiB (anonymous ${mib(sample.anon)}, peak ${mib(sample.peak)}), V8 heap used ${mib(sample.heapUsed)} MiB (code ${mib(sample.spaces.code_space ?? 0)}, old ${mib(sample.spaces.old_space ?? 0)}, large ${mib(sample.spaces.large_object_space ?? 0)})`,
      );
    }
  }
  console.log();
  console.log('| server | before | idle VmRSS | idle anonymous | V8 heap used | peak |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [server, list] of samples) {
    const m = (key: keyof Omit<Sample, 'spaces'>) => mib(median(list.map((s) => s[key])));
    console.log(
      `| ${server} | ${m('before')} | **${m('idle')}** (${(median(list.map((s) => s.idle)) / 1e6).toFixed(1)} MB) | ${m('anon')} | ${m('heapUsed')} | ${m('peak')} |`,
    );
  }
}

void main();
