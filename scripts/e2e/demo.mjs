#!/usr/bin/env node
// @ts-check
// `npm run demo`: try mlsd in VS Code without installing VS Code. Builds mlsd.vsix, starts
// code-server on loopback with it installed and a copy of examples/ open, prints the URL and runs
// until Ctrl-C, which ends code-server and every process it started. The first run installs Node and
// code-server (about 3 minutes) and says so, with a line every 20 seconds on what it is doing.
// Options: --port N (default 8080, or a free port when 8080 is taken), --folder DIR (open DIR
// itself instead of a fresh copy of examples/ in .cache/demo/examples).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startCodeServer } from './codeServer.mjs';
import {
  CACHE,
  CODE_SERVER_ENTRY,
  CODE_SERVER_MARKER,
  CODE_SERVER_VERSION,
  NODE_BIN,
  NODE_MAJOR,
  ROOT,
  VSIX,
} from './paths.mjs';

/** @param {number} port @returns {Promise<boolean>} */
function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** @param {number} since */
const elapsed = (since) => {
  const seconds = Math.round((Date.now() - since) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** What the installer will have to do (it checks again itself); empty when all is installed. */
function missingTools() {
  const missing = [];
  if (!fs.existsSync(NODE_BIN)) missing.push(`Node ${NODE_MAJOR}`);
  if (!fs.existsSync(CODE_SERVER_MARKER) || !fs.existsSync(CODE_SERVER_ENTRY)) {
    missing.push(`code-server ${CODE_SERVER_VERSION}`);
  }
  return missing;
}

/**
 * What the demo says before installing `missing` (from missingTools()).
 * @param {string[]} missing @param {string} logFile
 */
export function installNotice(missing, logFile) {
  if (missing.length === 0) return 'Checking the installed Node and code-server …';
  return [
    `First run: installing ${missing.join(' and ')} into ${path.relative(ROOT, CACHE) || CACHE}.`,
    'This takes about 3 minutes (code-server is large and builds native modules); later runs',
    `skip it. A line every 20 seconds says what it is doing; the install's log: ${logFile}`,
  ].join('\n');
}

/**
 * The command the installer runs now, from the last "$ …" line of its log.
 * @param {string} logFile
 */
export function currentStep(logFile) {
  try {
    const lines = fs.readFileSync(logFile, 'utf8').split('\n');
    const last = [...lines].reverse().find((line) => line.startsWith('$ '));
    return last ? last.slice(2) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the installer (scripts/e2e/install.mjs, without the browser the tests need) in a child
 * process, so that this one can say what it is doing while the install's npm runs block it.
 */
async function install() {
  const missing = missingTools();
  const logFile = path.join(CACHE, 'install.log');
  const started = Date.now();
  console.log(installNotice(missing, logFile));
  const script = [
    `import { ensureInstalled } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts', 'e2e', 'install.mjs')).href)};`,
    'await ensureInstalled({ browser: false });',
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  const progress =
    missing.length > 0
      ? setInterval(() => {
          const step = currentStep(logFile);
          console.log(`  … ${elapsed(started)} so far${step ? `, running: ${step}` : ''}`);
        }, 20_000)
      : undefined;
  const interrupted = () => {
    // The installer (same process group) gets the Ctrl-C too; the next run starts it again.
    clearInterval(progress);
    console.log(`\nStopped during the install (${elapsed(started)}); run npm run demo to go on.`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  const code = await new Promise((resolve) => child.once('exit', (status) => resolve(status)));
  clearInterval(progress);
  process.removeListener('SIGINT', interrupted);
  if (code !== 0) throw new Error(`the install failed:\n${stderr.trim()}`);
}

async function main() {
  const { values: options } = parseArgs({
    options: {
      port: { type: 'string' },
      folder: { type: 'string' },
    },
  });
  await install();
  console.log('Building mlsd.vsix …');
  const packaged = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (packaged.status !== 0) {
    throw new Error(`npm run package failed:\n${packaged.stdout}\n${packaged.stderr}`);
  }
  const demo = path.join(ROOT, '.cache', 'demo');
  const folder = options.folder ? path.resolve(options.folder) : path.join(demo, 'examples');
  if (!options.folder) {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.cpSync(path.join(ROOT, 'examples'), folder, { recursive: true });
  }
  const wanted = Number(options.port ?? process.env.MLSD_DEMO_PORT ?? 8080);
  const port = (await portFree(wanted)) ? wanted : 0;
  const server = await startCodeServer({
    scratch: path.join(demo, 'code-server'),
    vsix: VSIX,
    port,
    settings: { 'workbench.startupEditor': 'none' },
  });
  const url = server.folderUrl(folder);
  console.log(
    [
      '',
      'mlsd is running in VS Code (code-server) with the example designs open:',
      '',
      `    ${url}`,
      '',
      `Open it in a browser on this machine. Open incomplete-news-feed.mlsd.md to see the`,
      'missing steps in the Problems panel; try "MLSD: New Design…" from the command palette.',
      options.folder ? '' : `(The folder is a fresh copy of examples/: ${folder})`,
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  superviseServer(server);
}

/**
 * Runs until Ctrl-C (the way the demo ends: it says so, stops code-server and exits 0, so npm adds
 * nothing) or SIGTERM, or until code-server ends by itself (then its log is named). code-server
 * ending because it was stopped here is not news. `proc` and `log` are for the tests.
 * @param {Pick<import('./codeServer.mjs').CodeServer, 'stop' | 'exited' | 'logFile'>} server
 * @param {{ proc?: Pick<NodeJS.Process, 'removeAllListeners' | 'on' | 'exit'>, log?: (line: string) => void, error?: (line: string) => void, pollMs?: number }} [options]
 */
export function superviseServer(
  server,
  { proc = process, log = console.log, error = console.error, pollMs = 1000 } = {},
) {
  let stopping = false;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @param {number} code @param {string} [saying] */
  const stopAndExit = async (code, saying) => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    if (saying) log(`\n${saying}`);
    await server.stop();
    if (saying) log('Stopped.');
    proc.exit(code);
  };
  proc.removeAllListeners('SIGINT');
  proc.removeAllListeners('SIGTERM');
  proc.on('SIGINT', () => void stopAndExit(0, 'Stopping code-server …'));
  proc.on('SIGTERM', () => void stopAndExit(143));
  timer = setInterval(() => {
    if (server.exited() && !stopping) {
      error(`code-server ended by itself (${server.exited()}); its log: ${server.logFile}`);
      void stopAndExit(1);
    }
  }, pollMs);
  return { stopping: () => stopping };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`npm run demo failed: ${error.message}`);
    process.exit(1);
  });
}
