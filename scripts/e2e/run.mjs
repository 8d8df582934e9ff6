#!/usr/bin/env node
// @ts-check
// `npm run test:e2e`: the editor scenarios in a real VS Code (code-server) against the packaged
// mlsd.vsix. Installs what is missing (scripts/e2e/install.mjs), packages the extension, then for
// each session (a trusted folder; Restricted Mode) starts code-server with the .vsix and the test
// driver extension installed, opens a copy of examples/ in headless Chromium (Playwright) and
// answers the driver's page requests; prints each scenario and "N passed, N failed", and tears
// everything down, also on failure or Ctrl-C. What runner, driver and page exchange (files of the
// run folder, page requests) is declared in test/e2e/driver/protocol.js.
//
// Options: `--help` prints them (USAGE below) and the scenario names.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startCodeServer } from './codeServer.mjs';
import { writeExpectations } from './expectations.mjs';
import { ensureInstalled } from './install.mjs';
import { pageOps } from './pageOps.mjs';
import { CACHE, CHROMIUM, DRIVER_DIR, RESULTS_DIR, ROOT, VSIX } from './paths.mjs';
import {
  ENV,
  FILES,
  PAGE_OPS,
  REQUEST_FILE,
  readJson,
  responseFile,
  writeJsonAtomic,
} from '../../test/e2e/driver/protocol.js';

/**
 * @typedef {import('../../test/e2e/driver/protocol.js').Session} Session
 * @typedef {import('../../test/e2e/driver/protocol.js').PlanEntry} PlanEntry
 * @typedef {import('../../test/e2e/driver/protocol.js').ProgressEvent} ProgressEvent
 * @typedef {import('../../test/e2e/driver/protocol.js').PageRequest} PageRequest
 * @typedef {import('../../test/e2e/driver/protocol.js').PageResponse} PageResponse
 * @typedef {import('../../test/e2e/driver/protocol.js').PageOps} PageOps
 * @typedef {import('../../test/e2e/driver/protocol.js').PageOp} PageOp
 * @typedef {import('../../test/e2e/driver/protocol.js').ScenarioResult} ScenarioResult
 * @typedef {import('../../test/e2e/driver/protocol.js').SuiteResults} SuiteResults
 */

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// Generous: a busy machine (both cores taken by another program) is slow, not broken.
const SUITE_TIMEOUT_MS = 40 * 60_000;
const DRIVER_START_TIMEOUT_MS = 240_000;
// A scenario times out after 4 minutes in the driver (its pristine start after 2 more); silence
// for longer means the extension host is gone (crashed or hung).
const DRIVER_SILENCE_MS = 8 * 60_000;

/**
 * When the driver last wrote anything to its folder.
 * @param {string} io
 */
function lastActivity(io) {
  let latest = 0;
  for (const name of fs.readdirSync(io)) {
    try {
      latest = Math.max(latest, fs.statSync(path.join(io, name)).mtimeMs);
    } catch {
      // Renamed just now.
    }
  }
  return latest;
}

const USAGE = `usage: node scripts/e2e/run.mjs [--only NAMES] [--no-package] [--screenshot FILE] [--keep]
  --only NAMES       run only these scenarios (comma-separated names, or parts of names or titles)
  --no-package       use the existing mlsd.vsix
  --screenshot FILE  after a run where every scenario passed, copy the screenshot of the design
                     with its Problems panel to FILE (docs/screenshot.png)
  --keep             leave the last session's code-server running (Ctrl-C ends it)`;

/** The scenario names --only can pick from: the driver's scenario files. */
function scenarioNames() {
  return fs
    .readdirSync(path.join(DRIVER_DIR, 'scenarios'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => name.slice(0, -'.js'.length))
    .sort();
}

/** @returns {{ only?: string, 'no-package': boolean, screenshot?: string, keep: boolean }} */
function readOptions() {
  try {
    const { values } = parseArgs({
      options: {
        only: { type: 'string' },
        'no-package': { type: 'boolean', default: false },
        screenshot: { type: 'string' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(
        `${USAGE}\n\nscenarios:\n${scenarioNames()
          .map((n) => `  ${n}`)
          .join('\n')}`,
      );
      process.exit(0);
    }
    return values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    process.exit(2);
  }
}

const options = readOptions();

const t0 = Date.now();
/** @param {number} t */
const since = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
/** @param {string} line */
const log = (line) => console.log(`[e2e ${since(t0).padStart(7)}] ${line}`);

/** @param {string} file */
function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(none)';
  }
}

/** @param {string} userData */
function exthostLogs(userData) {
  const logs = path.join(userData, 'logs');
  /** @type {string[]} */
  const found = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/exthost\.log$|MLSD\.log$/.test(entry.name)) found.push(full);
    }
  };
  walk(logs);
  return found.map((file) => `--- ${path.relative(logs, file)}\n${tail(file, 20)}`).join('\n');
}

/** @param {ScenarioResult[]} scenarios */
function printResults(scenarios) {
  const lines = [];
  for (const s of scenarios) {
    const times = `${(s.ms / 1000).toFixed(1)} s, pristine start ${(s.startMs / 1000).toFixed(1)} s`;
    lines.push(`${s.passed ? '✔' : '✘'} ${s.name}: ${s.title} (${times})`);
    if (!s.passed) lines.push(`    FAILED: ${s.message}`);
    for (const note of s.notes) lines.push(`    - ${note}`);
    if (s.skipped.length) lines.push(`    - not checked: ${s.skipped.join(', ')}`);
  }
  console.log(lines.join('\n'));
}

/**
 * @typedef {object} SessionSetup
 * @property {Session} name
 * @property {string} what
 * @property {boolean} [workspaceTrust]
 * @property {Record<string, unknown>} [workspaceSettings] the folder's .vscode/settings.json
 */

/**
 * The editor sessions, each a code-server of its own with a fresh copy of examples/: the scenarios
 * say which session they belong to (test/e2e/driver/suite.js), and a session runs only when one of
 * its scenarios is selected (the first session's driver writes the plan).
 * @type {SessionSetup[]}
 */
const SESSIONS = [
  { name: 'trusted', what: 'a trusted folder' },
  {
    name: 'restricted',
    what: 'Restricted Mode (workspace trust on, the folder not trusted)',
    workspaceTrust: true,
    // A workspace's restricted setting (ignored in Restricted Mode) next to one that still applies.
    workspaceSettings: { 'mlsd.files': ['notes.md'], 'mlsd.rules': { 'thin-step': 'off' } },
  },
];

/**
 * Runs one session's scenarios in its own code-server and page; returns the driver's results.
 * @param {SessionSetup} session
 * @param {object} options
 * @param {import('playwright-core').Browser} options.browser
 * @param {(plan: PlanEntry[]) => boolean} options.keep whether to keep code-server running after
 * @param {Record<string, string>} options.timings
 * @returns {Promise<SuiteResults & { plan: PlanEntry[] }>}
 */
async function runSession(session, { browser, keep, timings }) {
  const tag = session.name === SESSIONS[0].name ? '' : `-${session.name}`;
  /** @type {import('./codeServer.mjs').CodeServer | undefined} */
  let server;
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let context;
  /** @type {fs.WriteStream | undefined} */
  let browserLog;
  try {
    const run = path.join(CACHE, 'run', session.name);
    fs.rmSync(run, { recursive: true, force: true });
    const io = path.join(run, 'io');
    const workspace = path.join(run, 'workspace');
    fs.mkdirSync(io, { recursive: true });
    fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    if (session.workspaceSettings) {
      fs.mkdirSync(path.join(workspace, '.vscode'));
      fs.writeFileSync(
        path.join(workspace, '.vscode', 'settings.json'),
        JSON.stringify(session.workspaceSettings, null, 2),
      );
    }
    await writeExpectations(io, workspace);
    // What every scenario starts from: the driver restores the workspace from this copy.
    fs.cpSync(workspace, path.join(io, FILES.pristine), { recursive: true });

    let t = Date.now();
    server = await startCodeServer({
      scratch: path.join(run, 'code-server'),
      vsix: VSIX,
      extensionFolders: [DRIVER_DIR],
      workspaceTrust: session.workspaceTrust === true,
      settings: {
        'mlsd.debounceMs': 50,
        'mlsdE2E.dir': io,
        'files.simpleDialog.enable': true,
        'editor.accessibilitySupport': 'off',
        'editor.stickyScroll.enabled': false,
        ...(session.workspaceTrust
          ? {
              'security.workspace.trust.enabled': true,
              'security.workspace.trust.startupPrompt': 'never',
            }
          : {}),
      },
      env: {
        [ENV.dir]: io,
        [ENV.page]: '1',
        [ENV.session]: session.name,
        ...(options.only ? { [ENV.only]: options.only } : {}),
      },
      log,
    });
    timings[`codeServer${tag}`] = since(t);

    t = Date.now();
    // A context of its own: no trust decision or editor state carried over from another session.
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    browserLog = fs.createWriteStream(path.join(RESULTS_DIR, `browser-console${tag}.log`));
    const pageLog = browserLog;
    page.on('console', (m) => pageLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => pageLog.write(`[pageerror] ${e.message}\n`));
    await page.goto(server.folderUrl(workspace), { timeout: 180_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 180_000 });
    log(`workbench loaded in Chromium (${since(t)}): ${session.what}`);
    // A scenario may reload the window: the same page loads again, its driver goes on.
    page.on('load', () => log('the page loaded again (a window reload)'));

    const ops = pageOps({ page, resultsDir: RESULTS_DIR, log });
    /** @type {Set<string>} */
    const handled = new Set();
    let progressRead = 0;
    const loaded = Date.now();
    t = Date.now();
    for (;;) {
      if (server.exited())
        throw new Error(`code-server exited (${server.exited()}) during the run`);
      if (Date.now() - t > SUITE_TIMEOUT_MS) {
        throw new Error(`the suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes`);
      }
      if (
        !fs.existsSync(path.join(io, FILES.started)) &&
        Date.now() - loaded > DRIVER_START_TIMEOUT_MS
      ) {
        throw new Error(
          `the driver extension did not start within ${DRIVER_START_TIMEOUT_MS / 1000} s\n` +
            exthostLogs(server.dirs.userData),
        );
      }
      const silent = Date.now() - Math.max(lastActivity(io), loaded);
      if (silent > DRIVER_SILENCE_MS) {
        throw new Error(
          `the driver wrote nothing for ${Math.round(silent / 1000)} s: is the extension host alive?\n` +
            exthostLogs(server.dirs.userData),
        );
      }
      // Progress lines, as scenarios start.
      const progressFile = path.join(io, FILES.progress);
      if (fs.existsSync(progressFile)) {
        const lines = fs.readFileSync(progressFile, 'utf8').split('\n');
        for (; progressRead < lines.length - 1; progressRead++) {
          /** @type {ProgressEvent} */
          const event = JSON.parse(lines[progressRead]);
          if (event.event === 'start') log(`scenario ${event.name}: ${event.title}`);
          else {
            const times = `${(event.ms / 1000).toFixed(1)} s after a ${(event.startMs / 1000).toFixed(1)} s pristine start`;
            log(`  ${event.passed ? 'passed' : 'FAILED'} (${times})`);
          }
        }
      }
      const requests = fs
        .readdirSync(io)
        .filter((name) => REQUEST_FILE.test(name) && !handled.has(name))
        .sort();
      for (const name of requests) {
        handled.add(name);
        /** @type {PageRequest} */
        const request = readJson(io, name);
        /** @type {PageResponse} */
        let answer;
        try {
          if (!PAGE_OPS.includes(request.op)) throw new Error(`no page op "${request.op}"`);
          // One op's handler for its own arguments (the request file pairs them).
          const op =
            /** @type {(args: unknown, timeoutMs: number) => Promise<PageOps[PageOp]['result']>} */ (
              ops[request.op]
            );
          answer = { ok: true, value: await op(request.args, request.timeoutMs) };
        } catch (error) {
          answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
        }
        writeJsonAtomic(path.join(io, responseFile(name)), answer);
      }
      if (fs.existsSync(path.join(io, FILES.results))) break;
      await sleep(50);
    }
    timings[`suite${tag}`] = since(t);
    /** @type {SuiteResults} */
    const results = readJson(io, FILES.results);
    fs.copyFileSync(path.join(io, FILES.results), path.join(RESULTS_DIR, `results${tag}.json`));
    if (results.fatal) throw new Error(`the driver failed: ${results.fatal}`);
    log(
      `${session.name} session done in VS Code ${results.vscodeVersion} (${timings[`suite${tag}`]})`,
    );
    /** @type {PlanEntry[]} */
    const plan = fs.existsSync(path.join(io, FILES.plan)) ? readJson(io, FILES.plan) : [];
    if (keep(plan)) {
      log(`--keep: code-server stays at ${server.folderUrl(workspace)}; Ctrl-C ends it`);
      await new Promise(() => {});
    }
    return { ...results, plan };
  } catch (error) {
    try {
      const [page] = context?.pages() ?? [];
      if (page) await page.screenshot({ path: path.join(RESULTS_DIR, `fatal${tag}.png`) });
    } catch {
      // No page to show.
    }
    throw error;
  } finally {
    await context?.close().catch(() => {});
    browserLog?.end();
    await server?.stop();
    if (server) {
      fs.copyFileSync(server.logFile, path.join(RESULTS_DIR, `code-server${tag}.log`));
    }
  }
}

async function main() {
  /** @type {Error | undefined} */
  let failedFatal;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {ScenarioResult[]} */
  const scenarios = [];
  /** @type {Record<string, string>} */
  const timings = {};
  fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  try {
    let t = Date.now();
    await ensureInstalled({ log });
    timings.install = since(t);

    if (!options['no-package']) {
      t = Date.now();
      const packaged = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
      if (packaged.status !== 0) {
        throw new Error(`npm run package failed:\n${packaged.stdout}\n${packaged.stderr}`);
      }
      timings.package = since(t);
      log(`packaged ${path.relative(ROOT, VSIX)} (${timings.package})`);
    }
    if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run package`);
    fs.rmSync(path.join(CACHE, 'run'), { recursive: true, force: true });

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    // The first session's driver writes the plan: which scenarios of which sessions are selected.
    /** @type {PlanEntry[] | undefined} */
    let plan;
    for (const [index, session] of SESSIONS.entries()) {
      if (plan && !plan.some((p) => p.session === session.name)) continue;
      /** @param {PlanEntry[]} currentPlan */
      const last = (currentPlan) =>
        SESSIONS.slice(index + 1).every((s) => !currentPlan.some((p) => p.session === s.name));
      const results = await runSession(session, {
        browser,
        timings,
        keep: (currentPlan) => options.keep && last(currentPlan),
      });
      plan ??= results.plan;
      scenarios.push(...results.scenarios);
    }
  } catch (error) {
    failedFatal = error instanceof Error ? error : new Error(String(error));
  } finally {
    await browser?.close().catch(() => {});
  }

  console.log('');
  printResults(scenarios);
  const passed = scenarios.filter((s) => s.passed).length;
  let failed = scenarios.length - passed;
  if (!failedFatal && scenarios.length === 0) {
    failedFatal = new Error(`no scenario ran${options.only ? ` (--only ${options.only})` : ''}`);
  }
  if (failedFatal) {
    console.error(`\nThe editor tests could not run to the end: ${failedFatal.message}`);
    failed = Math.max(failed, 1);
  }
  if (failed > 0) {
    console.log(
      `Screenshots and logs: ${path.relative(process.cwd(), RESULTS_DIR) || RESULTS_DIR}/`,
    );
  }
  if (!failed && options.screenshot) {
    const shot = path.join(RESULTS_DIR, 'design-with-problems.png');
    if (fs.existsSync(shot)) {
      fs.copyFileSync(shot, path.resolve(options.screenshot));
      console.log(`Screenshot copied to ${options.screenshot}`);
    }
  }
  console.log(
    `Timings: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}, total ${since(t0)}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
