// @ts-check
// Starts code-server (VS Code in a browser) for the editor tests and the demo, isolated from the
// user's own VS Code: its own user data, extensions, HOME, XDG folders and TMPDIR under a scratch
// folder, on loopback, in its own process group so that stop() ends it with every helper process
// it started (they outlive their parent otherwise). stop() also runs on failure, Ctrl-C and exit.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CODE_SERVER_ENTRY, NODE_BIN, withoutNpmRunEnv } from './paths.mjs';

/** Settings for a quiet, predictable editor: no welcome page, tips, chat, telemetry or updates. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'github.gitAuthentication': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

// Process groups started here and not yet ended: ended synchronously if this process exits.
/** @type {Set<number>} */
const liveGroups = new Set();
let handlersInstalled = false;

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => {
      for (const pgid of liveGroups) killGroup(pgid, 'SIGTERM');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/**
 * @param {number} pgid
 * @param {NodeJS.Signals} signal
 */
function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Whether any process of the group is still running (zombies do not count).
 * @param {number} pgid
 */
function groupAlive(pgid) {
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
  }
  return false;
}

/**
 * Ends a process group: SIGTERM, then SIGKILL for what is left after `graceMs`.
 * @param {number} pgid
 */
export async function endGroup(pgid, graceMs = 5000) {
  killGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
  const killDeadline = Date.now() + 3000;
  while (groupAlive(pgid) && Date.now() < killDeadline) await sleep(100);
  liveGroups.delete(pgid);
}

/**
 * The folders and environment of one isolated instance under `scratch`.
 * @param {string} scratch
 */
export function isolatedLayout(scratch) {
  const dirs = {
    scratch,
    home: path.join(scratch, 'home'),
    config: path.join(scratch, 'xdg-config'),
    data: path.join(scratch, 'xdg-data'),
    cache: path.join(scratch, 'xdg-cache'),
    state: path.join(scratch, 'xdg-state'),
    runtime: path.join(scratch, 'xdg-runtime'),
    tmp: path.join(scratch, 'tmp'),
    userData: path.join(scratch, 'user-data'),
    extensions: path.join(scratch, 'extensions'),
  };
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...withoutNpmRunEnv(),
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_STATE_HOME: dirs.state,
    XDG_RUNTIME_DIR: dirs.runtime,
    TMPDIR: dirs.tmp,
    // No password in the environment: authentication is off, and a stray one would turn it on.
    PASSWORD: undefined,
    HASHED_PASSWORD: undefined,
    // npm's variables from `npm run` would leak into the extension host's environment.
    NODE_OPTIONS: undefined,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return { dirs, env };
}

/**
 * Spawns a command in a new process group, output to `logFile`.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env: NodeJS.ProcessEnv, cwd: string, logFile: string }} options
 * @returns {import('node:child_process').ChildProcess & { pid: number }}
 */
function spawnGroup(command, args, { env, cwd, logFile }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, {
    env,
    cwd,
    detached: true, // setsid: a new session and process group, led by the child
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const { pid } = child;
  if (pid === undefined) {
    child.once('error', () => {}); // said here instead
    throw new Error(`${command} could not be started`);
  }
  liveGroups.add(pid);
  return Object.assign(child, { pid });
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 * @param {string} what
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null }>}
 */
function waitForExit(child, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) void endGroup(child.pid);
      reject(new Error(`${what} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/** @param {string} file */
function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Copies an unpacked extension folder into the extensions dir and lists it in extensions.json:
 * VS Code marks an unlisted folder there as removed.
 * @param {string} extensionsDir
 * @param {string} folder
 */
export function addUnpackedExtension(extensionsDir, folder) {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const relative = `${id}-${manifest.version}`;
  const target = path.join(extensionsDir, relative);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(folder, target, { recursive: true });
  const listFile = path.join(extensionsDir, 'extensions.json');
  /** @type {({ identifier?: { id?: string } } & Record<string, unknown>)[]} */
  let list = [];
  try {
    list = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  } catch {
    list = [];
  }
  list = list.filter((entry) => entry.identifier?.id?.toLowerCase() !== id.toLowerCase());
  list.push({
    identifier: { id },
    version: manifest.version,
    location: {
      $mid: 1,
      fsPath: target,
      external: `file://${target}`,
      path: target,
      scheme: 'file',
    },
    relativeLocation: relative,
    metadata: { installedTimestamp: Date.now(), source: 'vsix' },
  });
  fs.writeFileSync(listFile, JSON.stringify(list));
  return id;
}

/**
 * @typedef {object} CodeServer
 * @property {string} url
 * @property {(folder: string) => string} folderUrl the URL that opens `folder`
 * @property {ReturnType<typeof isolatedLayout>['dirs']} dirs
 * @property {string} logFile
 * @property {number} pid its process group
 * @property {() => string | undefined} exited how it exited, if it did
 * @property {() => Promise<void>} stop ends it with every process it started
 */

/**
 * Starts code-server. Returns { url, folderUrl(folder), dirs, logFile, stop }.
 * - scratch: a folder for this instance (emptied first);
 * - vsix: installed with --install-extension before the start (what users get);
 * - extensionFolders: unpacked extensions copied in (the test driver);
 * - settings: user settings, over QUIET_SETTINGS;
 * - env: more environment for the server (and so for the extension host);
 * - workspaceTrust: leave workspace trust on (with the trust settings, opens folders in Restricted
 *   Mode); off by default, so that a test folder is trusted without a prompt.
 * @param {object} options
 * @param {string} options.scratch
 * @param {string} [options.vsix]
 * @param {string[]} [options.extensionFolders]
 * @param {Record<string, unknown>} [options.settings]
 * @param {Record<string, string>} [options.env]
 * @param {boolean} [options.workspaceTrust]
 * @param {string} [options.host]
 * @param {number} [options.port]
 * @param {(line: string) => void} [options.log]
 * @param {number} [options.startTimeoutMs]
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer({
  scratch,
  vsix,
  extensionFolders = [],
  settings = {},
  env: extraEnv = {},
  workspaceTrust = false,
  host = '127.0.0.1',
  port = 0,
  log = () => {},
  startTimeoutMs = 120_000,
}) {
  installExitHandlers();
  fs.rmSync(scratch, { recursive: true, force: true });
  const { dirs, env: baseEnv } = isolatedLayout(scratch);
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const env = { ...baseEnv, ...extraEnv };
  const logFile = path.join(scratch, 'code-server.log');
  const configFile = path.join(scratch, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2),
  );
  const common = [
    '--config',
    configFile,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
  ];

  if (vsix) {
    const started = Date.now();
    const installer = spawnGroup(
      NODE_BIN,
      [CODE_SERVER_ENTRY, ...common, '--force', '--install-extension', vsix],
      { env, cwd: scratch, logFile },
    );
    const { code, signal } = await waitForExit(
      installer,
      120_000,
      'code-server --install-extension',
    );
    await endGroup(installer.pid, 1000);
    if (code !== 0) {
      throw new Error(
        `code-server --install-extension ${vsix} failed (${signal ?? `exit ${code}`}):\n${tail(logFile)}`,
      );
    }
    log(`installed ${path.basename(vsix)} into code-server (${Date.now() - started} ms)`);
  }
  for (const folder of extensionFolders) {
    log(`added extension ${addUnpackedExtension(dirs.extensions, folder)}`);
  }

  const started = Date.now();
  const server = spawnGroup(
    NODE_BIN,
    [
      CODE_SERVER_ENTRY,
      ...common,
      '--bind-addr',
      `${host}:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    { env, cwd: scratch, logFile },
  );
  const pgid = server.pid;
  /** @type {string | undefined} */
  let exited;
  server.once('exit', (code, signal) => {
    exited = signal ?? `exit code ${code}`;
  });
  /** @type {Promise<void> | undefined} */
  let stopped;
  const stop = () => {
    stopped ??= endGroup(pgid);
    return stopped;
  };

  try {
    // The port it bound (port 0 picks a free one), from its log line.
    let url;
    const deadline = Date.now() + startTimeoutMs;
    while (!url) {
      if (exited)
        throw new Error(`code-server exited (${exited}) while starting:\n${tail(logFile)}`);
      if (Date.now() > deadline) {
        throw new Error(
          `code-server did not start within ${startTimeoutMs / 1000} s:\n${tail(logFile)}`,
        );
      }
      const match = /HTTP server listening on (http:\/\/\S+?)\/?\s/.exec(
        fs.readFileSync(logFile, 'utf8'),
      );
      if (match) url = `${match[1]}/`;
      else await sleep(100);
    }
    // Then its health endpoint answers.
    for (;;) {
      if (exited)
        throw new Error(`code-server exited (${exited}) while starting:\n${tail(logFile)}`);
      try {
        const response = await fetch(new URL('healthz', url), {
          signal: AbortSignal.timeout(2000),
        });
        if (response.ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        throw new Error(
          `code-server's ${url}healthz did not answer within ${startTimeoutMs / 1000} s`,
        );
      }
      await sleep(200);
    }
    log(`code-server listening on ${url} (${Date.now() - started} ms)`);
    return {
      url,
      folderUrl: (folder) => `${url}?folder=${encodeURIComponent(folder)}`,
      dirs,
      logFile,
      pid: pgid,
      exited: () => exited,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
