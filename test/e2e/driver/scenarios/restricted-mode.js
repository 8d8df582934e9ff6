// @ts-check
// Editor scenario `restricted-mode` (see ../suite.js for the order they run in).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { NEWS, assert, waitFor, removeFile } = require('../harness');
const { ruleOf, mlsdDiagnostics, fromCli, waitForFindings } = require('../findings');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'restricted-mode',
  title: 'Restricted Mode: designs are still checked; the folder cannot widen mlsd.files',
  // Its own editor: workspace trust on, this folder untrusted, and a .vscode/settings.json (written
  // by the runner) with a restricted setting (mlsd.files) and one that still applies (mlsd.rules).
  session: 'restricted',
  async run(ctx) {
    assert(
      !vscode.workspace.isTrusted,
      'the folder is trusted: this editor is not in Restricted Mode',
    );
    const mlsd = vscode.extensions.getExtension('mlsd.mlsd');
    assert(mlsd?.isActive, 'the mlsd extension is not active in Restricted Mode');
    const settingsFile = path.join(ctx.workspace, '.vscode', 'settings.json');
    const folderSettings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    const widened = folderSettings['mlsd.files'];
    const rulesOff = Object.entries(folderSettings['mlsd.rules'] ?? {})
      .filter(([, level]) => level === 'off')
      .map(([rule]) => rule);
    assert(
      Array.isArray(widened) && widened.includes('notes.md') && rulesOff.length === 1,
      `${settingsFile} should set mlsd.files to include notes.md and turn one rule off`,
    );
    ctx.note(`untrusted folder; its settings: ${JSON.stringify(folderSettings)}`);

    // The design is checked, with the folder's (unrestricted) rule setting applied.
    const uri = ctx.file(NEWS);
    const { document } = await ctx.open(uri);
    // mlsd check's findings (which name each rule by id and by name) without the rule turned off.
    const all = ctx.expected.news.diagnostics;
    const expected = all
      .filter((d) => !rulesOff.includes(d.rule) && !rulesOff.includes(d.ruleId))
      .map(fromCli);
    assert(
      expected.length > 0 && expected.length < all.length,
      `turning ${rulesOff[0]} off should remove some but not all of the ${all.length} findings`,
    );
    await waitForFindings(
      uri,
      expected,
      `the design's findings in Restricted Mode (mlsd check's, without ${rulesOff[0]})`,
    );
    ctx.note(
      `${NEWS}: ${expected.length} findings equal to mlsd check's; the folder's ` +
        `"${rulesOff[0]}": "off" applied (${all.length - expected.length} fewer)`,
    );

    // notes.md matches the folder's mlsd.files, which Restricted Mode ignores: not a design.
    const notes = path.join(ctx.workspace, 'notes.md');
    fs.writeFileSync(
      notes,
      '# Interview notes\n\n## 1. Clarifying requirements\n\nTODO: ask about the scale.\n',
    );
    ctx.cleanup(() => removeFile(notes));
    const notesUri = vscode.Uri.file(notes);
    await ctx.open(notesUri);
    // A design edit made after notes.md was opened: once its finding is in, the server has
    // seen everything before it.
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\n\nTODO: check the numbers.\n'));
    const line = document.lineCount - 2;
    await waitFor(`the new placeholder finding on line ${line + 1} of the design`, () =>
      mlsdDiagnostics(uri).some((d) => ruleOf(d) === 'MLSD007' && d.range.start.line === line),
    );
    const found = mlsdDiagnostics(notesUri);
    assert(
      found.length === 0,
      () =>
        `notes.md is checked although only the untrusted folder's mlsd.files names it: ` +
        found.map((d) => d.message).join(' | '),
    );
    ctx.note("notes.md (named only by the folder's mlsd.files): not checked");

    // The same pattern as a user setting applies: the restriction is the folder's, not mlsd's.
    ctx.cleanup(async () => {
      await vscode.workspace
        .getConfiguration('mlsd')
        .update('files', undefined, vscode.ConfigurationTarget.Global);
    });
    await vscode.workspace
      .getConfiguration('mlsd')
      .update('files', widened, vscode.ConfigurationTarget.Global);
    await vscode.window.showTextDocument(notesUri);
    await waitFor('notes.md to be checked once the user setting mlsd.files names it', () =>
      mlsdDiagnostics(notesUri).some((d) => ruleOf(d) === 'MLSD007'),
    );
    ctx.note('the same mlsd.files as a user setting: notes.md checked');
    await ctx.page.ask('snapshot', { name: 'restricted-mode' });
  },
};
