#!/usr/bin/env node
// @ts-check
// `npm run demo`: try mlsd in VS Code without installing VS Code. Builds mlsd.vsix, starts
// code-server on loopback with it installed and a copy of examples/ open, prints the URL and runs
// until Ctrl-C, which ends code-server and every process it started.
// Options: --port N (default 8080, or a free port when 8080 is taken), --folder DIR (open DIR
// itself instead of a fresh copy of examples/ in .cache/demo/examples).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startCodeServer } from './codeServer.mjs';
import { ensureInstalled } from './install.mjs';
import { ROOT, VSIX } from './paths.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    folder: { type: 'string' },
  },
});

/** @param {number} port @returns {Promise<boolean>} */
function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function main() {
  await ensureInstalled({ browser: false });
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
  /** @param {number} code */
  const stopAndExit = async (code) => {
    await server.stop();
    process.exit(code);
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stopAndExit(130));
  process.on('SIGTERM', () => void stopAndExit(143));
  // Keep running; end when code-server ends by itself.
  const timer = setInterval(() => {
    if (server.exited()) {
      console.error(`code-server stopped (${server.exited()}); its log: ${server.logFile}`);
      clearInterval(timer);
      void stopAndExit(1);
    }
  }, 1000);
}

main().catch((error) => {
  console.error(`npm run demo failed: ${error.message}`);
  process.exit(1);
});
