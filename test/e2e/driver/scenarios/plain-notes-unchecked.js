// @ts-check
// Editor scenario `plain-notes-unchecked` (see ../suite.js for the order they run in).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { assert, waitFor, removeFile } = require('../harness');
const { ruleOf, mlsdDiagnostics, askProblems, openNewsChecked } = require('../findings');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'plain-notes-unchecked',
  title: 'a plain notes.md gets no mlsd diagnostics',
  async run(ctx) {
    const notes = path.join(ctx.workspace, 'notes.md');
    fs.writeFileSync(
      notes,
      '# Interview notes\n\n## 1. Clarifying requirements\n\nTODO: ask about the scale.\n\n' +
        '## 4. Model development\n\nTBD\n',
    );
    ctx.cleanup(() => removeFile(notes));
    const notesUri = vscode.Uri.file(notes);
    const { document: notesDocument } = await ctx.open(notesUri);
    assert(notesDocument.languageId === 'markdown', `notes.md is ${notesDocument.languageId}`);
    // Then a design, changed after notes.md was opened: once the change's finding is in, the
    // server has seen everything before it.
    const { uri, document, editor } = await openNewsChecked(ctx);
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\n\nTODO: check the numbers.\n'));
    const line = document.lineCount - 2;
    await waitFor(`the new placeholder finding on line ${line + 1} of the design`, () =>
      mlsdDiagnostics(uri).some((d) => ruleOf(d) === 'MLSD007' && d.range.start.line === line),
    );
    const found = vscode.languages.getDiagnostics(notesUri).filter((d) => d.source === 'mlsd');
    assert(
      found.length === 0,
      () => `notes.md has mlsd findings: ${found.map((d) => d.message).join(' | ')}`,
    );
    ctx.note("notes.md: no mlsd diagnostics, after the design's newer finding arrived");
    const panel = await askProblems(ctx, { file: 'notes.md', count: 0 });
    if (panel.skipped) ctx.skip('Problems panel (no page)');
    else
      assert(panel.satisfied, `Problems panel: ${panel.why}; files ${JSON.stringify(panel.files)}`);
    await vscode.window.showTextDocument(notesDocument);
    const bar = await ctx.page.ask('statusBar', { id: 'mlsd.coverage', hidden: true });
    if (!bar.skipped) {
      assert(bar.satisfied, `the coverage item shows "${bar.text}" for notes.md`);
      ctx.note('no coverage item in the status bar for notes.md');
    }
  },
};
