// @ts-check
// A pristine start: every scenario finds the workspace as the runner copied it (`pristine/` in the
// run folder), no editor open, nothing unsaved, the user's mlsd settings as the suite found them,
// and the documents VS Code still holds for the examples back to their pristine text. And how a
// scenario opens a file.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { sleep } = require('./page');
const { FILES } = require('./protocol');
const { NEWS, WAIT_TIMEOUT_MS, assert, waitFor } = require('./harness');
const { fromCli, waitForFindings } = require('./findings');

/** @typedef {import('./protocol').Expected} Expected */

/**
 * @param {vscode.Uri} uri
 * @param {vscode.TextDocumentShowOptions} [options]
 */
async function open(uri, options = {}) {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false, ...options });
  return { document, editor };
}

/**
 * The files under `root`, as paths relative to it with "/" between folders.
 * @param {string} root
 * @returns {string[]}
 */
function listFiles(root) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} relative */
  const walk = (relative) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else files.push(name);
    }
  };
  walk('');
  return files.sort();
}

/**
 * The pristine workspace: relative path -> text.
 * @param {string} dir the run folder
 * @returns {Map<string, string>}
 */
function readPristine(dir) {
  const root = path.join(dir, FILES.pristine);
  assert(fs.existsSync(root), `${root} is missing: the runner copies the workspace there`);
  return new Map(
    listFiles(root).map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]),
  );
}

/**
 * The user (global) values of every mlsd setting: what a scenario's `config.update` changes.
 * @returns {Record<string, unknown>}
 */
function userSettings() {
  const mlsd = vscode.extensions.getExtension('mlsd.mlsd');
  /** @type {Record<string, unknown>} */
  const properties = mlsd?.packageJSON?.contributes?.configuration?.properties ?? {};
  const config = vscode.workspace.getConfiguration('mlsd');
  return Object.fromEntries(
    Object.keys(properties)
      .map((key) => key.replace(/^mlsd\./, ''))
      .map((key) => [key, config.inspect(key)?.globalValue]),
  );
}

/** The tabs of every editor group. */
const openTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);

/**
 * Reverts a document's unsaved changes (an untitled one is closed): shows it and runs the revert
 * command, again if the editor was slow to take it, until the document is clean.
 * @param {vscode.TextDocument} document
 */
async function revert(document) {
  const untitled = document.uri.scheme === 'untitled';
  await waitFor(
    `${document.uri.toString()} to be reverted`,
    async () => {
      if (!document.isDirty || document.isClosed) return true;
      await vscode.window.showTextDocument(document, { preview: false });
      if (vscode.window.activeTextEditor?.document !== document) return false;
      await vscode.commands.executeCommand(
        untitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert',
      );
      const until = Date.now() + 5000;
      while (document.isDirty && !document.isClosed && Date.now() < until) await sleep(50);
      return !document.isDirty || document.isClosed;
    },
    { timeoutMs: WAIT_TIMEOUT_MS, intervalMs: 200 },
  );
}

/**
 * @typedef {object} Pristine
 * @property {string} workspace
 * @property {Map<string, string>} files relative path -> text
 * @property {Record<string, unknown>} settings the user's mlsd settings at the suite's start
 */

/**
 * What is not as a scenario must find it (empty when all is pristine).
 * @param {Pristine} pristine
 * @returns {string[]}
 */
function leftovers({ workspace, files, settings }) {
  const found = [];
  const tabs = openTabs();
  if (tabs.length) found.push(`open editors: ${tabs.map((tab) => tab.label).join(', ')}`);
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty) found.push(`unsaved changes in ${document.uri.toString()}`);
  }
  const onDisk = listFiles(workspace);
  const extra = onDisk.filter((file) => !files.has(file));
  if (extra.length) found.push(`files a scenario left: ${extra.join(', ')}`);
  for (const [file, text] of files) {
    const full = path.join(workspace, file);
    if (!onDisk.includes(file)) found.push(`${file} is gone`);
    else if (fs.readFileSync(full, 'utf8') !== text) found.push(`${file} on disk is changed`);
    const held = vscode.workspace.textDocuments.find(
      (d) => d.uri.scheme === 'file' && d.uri.fsPath === full,
    );
    if (held && held.getText() !== text) found.push(`the editor's text of ${file} is changed`);
  }
  const now = userSettings();
  for (const [key, value] of Object.entries(settings)) {
    if (JSON.stringify(now[key]) !== JSON.stringify(value)) {
      found.push(`the user setting mlsd.${key} is ${JSON.stringify(now[key])}`);
    }
  }
  return found;
}

/**
 * Brings the editor back to the pristine workspace, and waits until it is there (fails with what
 * is left over otherwise).
 * @param {Pristine} pristine
 */
async function startFromPristine(pristine) {
  const { workspace, files, settings } = pristine;
  // Nothing unsaved (closing an editor with unsaved changes would ask to save them).
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && !document.isClosed) await revert(document);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('every editor to close', () => openTabs().length === 0, {
    describe: () =>
      openTabs()
        .map((tab) => tab.label)
        .join(', '),
  });
  // A document VS Code still holds gets its pristine text through an edit it saves, rather than
  // through the file watcher: the editor and the language server see the change at once.
  for (const [file, text] of files) {
    const full = path.join(workspace, file);
    const held = vscode.workspace.textDocuments.find(
      (d) => d.uri.scheme === 'file' && d.uri.fsPath === full && !d.isClosed,
    );
    if (!held || held.getText() === text) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(held.uri, new vscode.Range(0, 0, held.lineCount, 0), text);
    assert(await vscode.workspace.applyEdit(edit), `restoring the text of ${file} failed`);
    assert(await held.save(), `saving the restored ${file} failed`);
  }
  // The files on disk: what a scenario wrote goes, what it changed comes back.
  for (const file of listFiles(workspace)) {
    if (!files.has(file)) fs.rmSync(path.join(workspace, file), { force: true });
  }
  for (const [file, text] of files) {
    const full = path.join(workspace, file);
    if (fs.existsSync(full) && fs.readFileSync(full, 'utf8') === text) continue;
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  const config = vscode.workspace.getConfiguration('mlsd');
  for (const [key, value] of Object.entries(settings)) {
    if (JSON.stringify(config.inspect(key)?.globalValue) !== JSON.stringify(value)) {
      await config.update(key, value, vscode.ConfigurationTarget.Global);
    }
  }
  await waitFor('the workspace to be pristine', () => leftovers(pristine).length === 0, {
    describe: () => leftovers(pristine).join('; '),
  });
}

/**
 * Waits until the language server has checked the pristine text of the example the scenarios
 * use, when VS Code still holds it: its findings are mlsd check's again.
 * @param {Expected} expected
 * @param {string} workspace
 */
async function waitForServerSettled(expected, workspace) {
  const uri = vscode.Uri.file(path.join(workspace, NEWS));
  const held = vscode.workspace.textDocuments.some(
    (d) => d.uri.scheme === 'file' && d.uri.fsPath === uri.fsPath && !d.isClosed,
  );
  // A design no tab shows has no problems listed (mlsd hides them when its last tab closes): the
  // server's late answer for it is kept for when a tab opens it again.
  const inTab = vscode.window.tabGroups.all.some((group) =>
    group.tabs.some(
      (tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.fsPath === uri.fsPath,
    ),
  );
  if (!held || !inTab) return;
  await waitForFindings(
    uri,
    expected.news.diagnostics.map(fromCli),
    `the server to check the pristine ${NEWS} again`,
  );
}

module.exports = {
  open,
  readPristine,
  userSettings,
  startFromPristine,
  waitForServerSettled,
};
