// @ts-check
// The editor scenarios, run inside a real VS Code's extension host (code-server, or desktop VS Code
// with @vscode/test-electron) against the installed mlsd extension. Each scenario is an assertion
// through the `vscode` API; what only the page shows is asked of the page runner (page.js).
// Expectations (the CLI's findings, the snippet's text, the templates) come from `expected.json`,
// written by the runner from `mlsd check` and the language server before the editor starts.
// Every scenario starts from the pristine workspace (`pristine/`, see workspace.js): no text,
// file or setting a scenario leaves behind reaches the next one.
// This file is the list of scenarios (one file each in scenarios/, run in this order; `--only N`
// counts in it) and the loop that runs them; the helpers they share are in harness.js,
// findings.js and workspace.js.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const {
  FILES,
  appendProgress,
  finishedScenarios,
  readJson,
  selectScenarios,
  writeJsonAtomic,
} = require('./protocol');
const {
  RESET_TIMEOUT_MS,
  SCENARIO_TIMEOUT_MS,
  Failure,
  advancePracticeClock,
  assert,
  messageOf,
  practiceClockOffset,
  withTimeout,
} = require('./harness');
const { sleep } = require('./page');
const {
  open,
  readPristine,
  startFromPristine,
  userSettings,
  waitForServerSettled,
} = require('./workspace');

/**
 * @typedef {import('./protocol').Expected} Expected
 * @typedef {import('./protocol').Resume} Resume
 * @typedef {import('./protocol').ScenarioResult} ScenarioResult
 * @typedef {import('./protocol').Session} Session
 * @typedef {import('./protocol').SuiteResults} SuiteResults
 * @typedef {import('./page').PageClient} PageClient
 * @typedef {import('./harness').Context} Context
 * @typedef {import('./harness').Scenario} Scenario
 * @typedef {import('./workspace').Pristine} Pristine
 */

/** @type {Scenario[]} */
const scenarios = [
  require('./scenarios/designs-view'),
  require('./scenarios/problems-panel'),
  require('./scenarios/quick-fix-inserts-step'),
  require('./scenarios/quick-fix-menu'),
  require('./scenarios/enter-after-heading'),
  require('./scenarios/long-typing-catches-up'),
  require('./scenarios/snippet-new-design'),
  require('./scenarios/status-bar-coverage'),
  require('./scenarios/new-design-command'),
  require('./scenarios/markdown-preview'),
  require('./scenarios/plain-notes-unchecked'),
  require('./scenarios/rule-setting-off'),
  require('./scenarios/project-config-file'),
  require('./scenarios/server-killed-restarted'),
  require('./scenarios/design-check-and-follow-up'),
  require('./scenarios/practice-interview'),
  require('./scenarios/practice-survives-reload'),
  require('./scenarios/restricted-mode'),
];

/** How long a scenario that asked for a reload waits for it before it fails. */
const RELOAD_TIMEOUT_MS = 120_000;

/**
 * Runs the scenarios of `session` (or those of them `only` selects), each from the pristine
 * workspace and with its clean-up, and returns their results. Writes `plan.json` first: the
 * selected scenarios of every session, so that the runner starts only the editors it needs.
 * After a window reload a scenario asked for (`resume`), goes on with that scenario's second part
 * (no pristine start: it continues where it was) and the scenarios after it; the results of those
 * before come from `progress.jsonl`.
 * @param {object} options
 * @param {string} options.dir the run folder
 * @param {PageClient} options.page
 * @param {(line: string) => void} [options.log]
 * @param {string[]} [options.only]
 * @param {() => number} [options.activations]
 * @param {Session} [options.session]
 * @param {boolean} [options.canReload] whether the runner survives a window reload (code-server)
 * @param {Resume} [options.resume] what the scenario that reloaded the window left
 * @returns {Promise<SuiteResults>}
 */
async function runSuite({
  dir,
  page,
  log = () => {},
  only,
  activations = () => 0,
  session = 'trusted',
  canReload = false,
  resume,
}) {
  const started = Date.now();
  /** @type {Expected} */
  const expected = readJson(dir, FILES.expected);
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  /** @type {ScenarioResult[]} */
  const results = resume ? finishedScenarios(dir, session) : [];
  const mlsd = vscode.extensions.getExtension('mlsd.mlsd');
  /** @type {string | undefined} */
  let fatal;
  /** @type {Pristine | undefined} */
  let pristine;
  if (!workspace) fatal = 'no workspace folder is open';
  else if (!mlsd) fatal = 'the mlsd extension (mlsd.mlsd) is not installed in this editor';
  else {
    try {
      await withTimeout(Promise.resolve(mlsd.activate()), 120_000, 'activating mlsd');
      // The settings as the suite first found them (a reload finds a scenario's changes).
      pristine = {
        workspace,
        files: readPristine(dir),
        settings: resume?.settings ?? userSettings(),
      };
      // The practice test clock as far as it had been moved before the reload.
      if (resume?.clockOffsetMs) await advancePracticeClock(resume.clockOffsetMs);
    } catch (error) {
      fatal = `the mlsd extension did not activate: ${messageOf(error)}`;
    }
  }
  const planned = selectScenarios(
    only,
    scenarios.map((scenario) => ({ ...scenario, session: scenario.session ?? 'trusted' })),
  );
  /** @type {import('./protocol').PlanEntry[]} */
  const plan = planned.map(({ name, title, session }) => ({ name, title, session }));
  writeJsonAtomic(path.join(dir, FILES.plan), plan);
  let selected = planned.filter((s) => s.session === session);
  if (resume) {
    const at = selected.findIndex((s) => s.name === resume.scenario);
    if (at < 0) fatal = `the window reloaded for ${resume.scenario}, not a scenario of this run`;
    selected = selected.slice(Math.max(0, at));
  }
  /** Set when the window reloaded: this extension host is on its way out and does nothing more. */
  let superseded = false;
  for (const scenario of selected) {
    const resumed = resume?.scenario === scenario.name ? resume : undefined;
    /** @type {ScenarioResult} */
    const result = {
      name: scenario.name,
      title: scenario.title,
      session,
      passed: false,
      message: '',
      notes: [...(resumed?.notes ?? [])],
      skipped: [...(resumed?.skipped ?? [])],
      ms: 0,
      startMs: resumed?.startMs ?? 0,
    };
    let t0 = resumed?.startedAt ?? Date.now();
    /** @type {(() => unknown)[]} */
    const cleanups = [];
    /** @type {Set<string>} */
    const opened = new Set();
    /** @type {Context} */
    const ctx = {
      expected,
      page,
      workspace,
      file: (name) => vscode.Uri.file(path.join(workspace, name)),
      async open(uri, options) {
        const shown = await open(uri, options);
        // A pristine file opened for the first time in this scenario has its pristine text.
        const relative = path.relative(workspace, uri.fsPath).split(path.sep).join('/');
        const text = uri.scheme === 'file' ? pristine?.files.get(relative) : undefined;
        if (text !== undefined && !opened.has(relative)) {
          opened.add(relative);
          assert(
            shown.document.getText() === text,
            `${relative} is not pristine when the scenario opens it (an earlier scenario's leftovers)`,
          );
        }
        return shown;
      },
      note: (text) => result.notes.push(text),
      skip: (what) => result.skipped.push(what),
      cleanup: (fn) => cleanups.push(fn),
      activations,
      reload: canReload
        ? async (state) => {
            const before = activations();
            /** @type {Resume} */
            const record = {
              scenario: scenario.name,
              session,
              state,
              clockOffsetMs: practiceClockOffset(),
              settings: pristine?.settings ?? {},
              startedAt: t0,
              startMs: result.startMs,
              notes: result.notes,
              skipped: result.skipped,
            };
            writeJsonAtomic(path.join(dir, FILES.resume), record);
            log(`scenario ${scenario.name}: reloading the window`);
            // From here this extension host reports nothing more: the next one goes on.
            superseded = true;
            // The command's answer may never come: the extension host goes with the window.
            vscode.commands
              .executeCommand('workbench.action.reloadWindow')
              .then(undefined, (error) => log(`the reload command: ${messageOf(error)}`));
            const deadline = Date.now() + RELOAD_TIMEOUT_MS;
            while (Date.now() < deadline) {
              if (activations() > before) return new Promise(() => {});
              await sleep(200);
            }
            superseded = false;
            fs.rmSync(path.join(dir, FILES.resume), { force: true });
            throw new Failure(`the window did not reload within ${RELOAD_TIMEOUT_MS / 1000} s`);
          }
        : undefined,
      resumed: resumed?.state,
    };
    log(`scenario ${scenario.name}: ${scenario.title}${resumed ? ' (after the reload)' : ''}`);
    if (!resumed) {
      appendProgress(dir, { event: 'start', name: scenario.name, title: scenario.title, session });
    }
    try {
      if (fatal || !pristine) throw new Failure(fatal ?? 'no pristine workspace');
      const ready = pristine;
      if (!resumed) {
        try {
          await withTimeout(
            (async () => {
              await startFromPristine(ready);
              if (session === 'trusted') await waitForServerSettled(expected, workspace);
            })(),
            RESET_TIMEOUT_MS,
            'the pristine start',
          );
        } catch (error) {
          throw new Failure(`could not start from the pristine workspace: ${messageOf(error)}`);
        }
        result.startMs = Date.now() - t0;
        t0 = Date.now();
      }
      await withTimeout(scenario.run(ctx), SCENARIO_TIMEOUT_MS, `scenario ${scenario.name}`);
      result.passed = true;
    } catch (error) {
      result.message =
        error instanceof Failure
          ? error.message
          : `${error instanceof Error ? error.stack : error}`.slice(0, 2000);
    }
    if (superseded) return new Promise(() => {});
    result.ms = Date.now() - t0;
    try {
      // The page as it is now, kept when the scenario failed.
      await page.ask('scenarioEnd', { name: scenario.name, passed: result.passed });
    } catch (error) {
      result.notes.push(`screenshot: ${messageOf(error)}`);
    }
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        result.notes.push(`clean-up: ${messageOf(error)}`);
      }
    }
    results.push(result);
    appendProgress(dir, { event: 'end', ...result });
  }
  return { vscodeVersion: vscode.version, scenarios: results, ms: Date.now() - started };
}

module.exports = { runSuite, scenarios };
