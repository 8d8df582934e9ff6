// Test-only extension: when the editor tests start this editor (MLSD_E2E_DIR in the environment,
// or the setting "mlsdE2E.dir"), it runs the scenario suite once and writes `results.json` there.
// In a normal editor it does nothing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { PageClient, writeJsonAtomic } = require('./page');
const { runSuite } = require('./suite');

function activate() {
  const dir =
    process.env.MLSD_E2E_DIR || vscode.workspace.getConfiguration('mlsdE2E').get('dir', '');
  if (!dir || process.env.MLSD_E2E_MODE === 'electron') return;
  // Count activations: a second one means the window was reloaded during the run.
  const activationsFile = path.join(dir, 'activations');
  const count = Number(
    fs.existsSync(activationsFile) ? fs.readFileSync(activationsFile, 'utf8') : 0,
  );
  fs.writeFileSync(activationsFile, String(count + 1));
  if (count > 0) return; // Run once per test run, whatever reloads.
  const output = vscode.window.createOutputChannel('MLSD editor tests');
  const log = (line) => output.appendLine(`${new Date().toISOString()} ${line}`);
  const only = process.env.MLSD_E2E_ONLY ? process.env.MLSD_E2E_ONLY.split(',') : undefined;
  const page = new PageClient(dir, process.env.MLSD_E2E_PAGE !== '0');
  writeJsonAtomic(path.join(dir, 'started.json'), { pid: process.pid, vscode: vscode.version });
  runSuite({
    dir,
    page,
    log,
    only,
    session: process.env.MLSD_E2E_SESSION || 'trusted',
    activations: () => Number(fs.readFileSync(activationsFile, 'utf8')),
  })
    .then((results) => writeJsonAtomic(path.join(dir, 'results.json'), results))
    .catch((error) =>
      writeJsonAtomic(path.join(dir, 'results.json'), {
        fatal: String(error?.stack ?? error),
        scenarios: [],
      }),
    );
}

function deactivate() {}

module.exports = { activate, deactivate };
