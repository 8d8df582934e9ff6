// @ts-check
// Editor scenario `snippet-new-design` (see ../suite.js for the order they run in).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { WAIT_TIMEOUT_MS, assert, waitFor, removeFile } = require('../harness');
const { ruleOf, mlsdDiagnostics, fromCli, waitForFindings } = require('../findings');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'snippet-new-design',
  title: 'the mlsd snippet in a new design inserts the 7-step template; empty-step findings',
  async run(ctx) {
    const file = path.join(ctx.workspace, 'x.mlsd.md');
    removeFile(file);
    ctx.cleanup(() => removeFile(file));
    const fileUri = vscode.Uri.file(file);
    // A new untitled design with its future name, saved (empty) to x.mlsd.md.
    const untitled = fileUri.with({ scheme: 'untitled' });
    const { document: draft } = await ctx.open(untitled);
    assert(draft.languageId === 'markdown', `the new design is ${draft.languageId}, not markdown`);
    const saving = draft.save();
    const dialog = await ctx.page.ask(
      'acceptSaveDialog',
      { file, fileName: 'x.mlsd.md' },
      WAIT_TIMEOUT_MS,
    );
    if (!dialog.skipped && dialog.accepted) ctx.note(`save dialog accepted: ${dialog.value}`);
    assert(await saving, 'the untitled design was not saved');
    await waitFor('x.mlsd.md on disk', () => fs.existsSync(file));
    ctx.note('untitled design saved as x.mlsd.md');
    await ctx.open(fileUri);
    const document = vscode.window.activeTextEditor?.document;
    assert(
      document?.uri.fsPath === file,
      `the active editor is ${document?.uri.toString() ?? 'none'}`,
    );
    const snippet = ctx.expected.snippet;
    const typed = await ctx.page.ask('typeSnippet', {
      prefix: snippet.prefix,
      name: snippet.name,
    });
    if (typed.skipped) {
      await vscode.commands.executeCommand('editor.action.insertSnippet', {
        langId: 'markdown',
        name: snippet.name,
      });
      ctx.note(`inserted with editor.action.insertSnippet "${snippet.name}"`);
    } else {
      ctx.note(`typed "${snippet.prefix}", accepted the suggestion "${typed.label}"`);
    }
    await vscode.commands.executeCommand('leaveSnippet');
    await waitFor('the template text', () => document.getText() === snippet.text, {
      describe: () => {
        const have = document.getText().split('\n');
        const want = snippet.text.split('\n');
        const at = want.findIndex((line, i) => have[i] !== line);
        return at < 0
          ? `${have.length} lines where ${want.length} were expected`
          : `line ${at + 1} is ${JSON.stringify(have[at])}, expected ${JSON.stringify(want[at])}`;
      },
    });
    const headings = document.getText().match(/^## [1-7]\. .+$/gm) ?? [];
    assert(headings.length === 7, `the template has ${headings.length} step headings, not 7`);
    await document.save();
    const expected = snippet.diagnostics.map(fromCli);
    await waitForFindings(fileUri, expected, `the findings of the template to equal mlsd check's`);
    const rules = mlsdDiagnostics(fileUri).map(ruleOf);
    const empty = rules.filter((r) => r === 'MLSD004').length;
    assert(empty === 7, `${empty} empty-step findings (MLSD004), not 7`);
    const others = [...new Set(rules.filter((r) => r !== 'MLSD004' && r !== 'MLSD007'))];
    assert(others.length === 0, `findings other than MLSD004/MLSD007: ${others.join(', ')}`);
    ctx.note(
      `7 headings; findings: 7 × MLSD004, ${rules.length - 7} × MLSD007 (as \`mlsd check\`)`,
    );
  },
};
