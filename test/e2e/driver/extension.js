// @ts-check
// Test-only extension: when the editor tests start this editor (MLSD_E2E_DIR in the environment,
// or the setting "mlsdE2E.dir"), it runs the scenario suite once and writes `results.json` there.
// In a normal editor it does nothing. A scenario may reload the window (the extension host
// restarts): it leaves `resume.json`, and the next activation goes on with it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { PageClient } = require('./page');
const {
  ENV,
  FILES,
  SESSIONS,
  finishedScenarios,
  readJson,
  writeJsonAtomic,
} = require('./protocol');
const { runSuite } = require('./suite');

/** @typedef {import('./protocol').Session} Session */

function activate() {
  const dir = process.env[ENV.dir] || vscode.workspace.getConfiguration('mlsdE2E').get('dir', '');
  if (!dir || process.env[ENV.mode] === 'electron') return;
  // Count activations: a second one means the window was reloaded during the run.
  const activationsFile = path.join(dir, FILES.activations);
  const count = Number(
    fs.existsSync(activationsFile) ? fs.readFileSync(activationsFile, 'utf8') : 0,
  );
  fs.writeFileSync(activationsFile, String(count + 1));
  // After the first activation, only a reload a scenario asked for goes on (once).
  const resumeFile = path.join(dir, FILES.resume);
  /** @type {import('./protocol').Resume | undefined} */
  const resume = count > 0 && fs.existsSync(resumeFile) ? readJson(dir, FILES.resume) : undefined;
  fs.rmSync(resumeFile, { force: true });
  const output = vscode.window.createOutputChannel('MLSD editor tests');
  /** @param {string} line */
  const log = (line) => output.appendLine(`${new Date().toISOString()} ${line}`);
  const only = process.env[ENV.only]?.split(',');
  const page = new PageClient(dir, process.env[ENV.page] !== '0');
  /** @type {import('./protocol').Started} */
  const started = { pid: process.pid, vscode: vscode.version };
  writeJsonAtomic(path.join(dir, FILES.started), started);
  const session = /** @type {Session} */ (process.env[ENV.session] || 'trusted');
  /** @param {import('./protocol').SuiteResults} results */
  const finish = (results) => writeJsonAtomic(path.join(dir, FILES.results), results);
  if (count > 0 && !resume) {
    // The scenario that was running has gone with the old extension host: say so now.
    finish({
      fatal: 'the window reloaded during the run, and no scenario asked for it',
      scenarios: finishedScenarios(dir, session),
    });
    return;
  }
  if (!SESSIONS.includes(session)) {
    finish({
      fatal: `${ENV.session}=${session} is not one of ${SESSIONS.join(', ')}`,
      scenarios: [],
    });
    return;
  }
  runSuite({
    dir,
    page,
    log,
    only,
    session,
    canReload: true,
    ...(resume ? { resume } : {}),
    activations: () => Number(fs.readFileSync(activationsFile, 'utf8')),
  })
    .then(finish)
    .catch((error) => finish({ fatal: String(error?.stack ?? error), scenarios: [] }));
}

function deactivate() {}

module.exports = { activate, deactivate };
