// @ts-check
// Editor scenario `designs-view` (see ../suite.js for the order they run in): workspace-wide
// checking and the Designs view. A design no editor ever opened has its findings in the Problems
// panel (the server's scan), and the Explorer's Designs view lists every example with its steps,
// topics and last practice, what needs work first; clicking a row opens the design.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { NEWS, assert, waitFor, removeFile } = require('../harness');
const {
  askProblems,
  fromCli,
  listedInProblems,
  mlsdDiagnostics,
  waitForFindings,
} = require('../findings');

const EXAMPLES = [
  'ad-click-prediction.mlsd.md',
  'harmful-content-detection.mlsd.md',
  'incomplete-news-feed.mlsd.md',
  'video-recommendation.mlsd.md',
  'visual-search.mlsd.md',
];
/** A design written to disk by another program while the editor runs: the watcher finds it. */
const WRITTEN = 'written-elsewhere.mlsd.md';

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'designs-view',
  title:
    'a design never opened has its findings in Problems, one written to disk too (gone when deleted); the Designs view lists the examples, what needs work first, and opens one',
  async run(ctx) {
    // The first scenario: no editor has opened the news-feed example yet.
    const uri = ctx.file(NEWS);
    const held = () =>
      vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    assert(!held(), `${NEWS} is open: this scenario needs a design no editor has opened`);
    const expected = ctx.expected.news.diagnostics.map(fromCli);
    await waitForFindings(uri, expected, `the findings of the never-opened ${NEWS}`);
    assert(!held(), `${NEWS} was opened along the way`);
    ctx.note(`${NEWS}, never opened: its ${expected.length} findings equal mlsd check's`);
    const panel = await askProblems(ctx, { file: NEWS, count: listedInProblems(expected).length });
    if (panel.skipped) ctx.skip('Problems panel (no page)');
    else {
      assert(panel.satisfied, `the Problems panel: ${panel.why}`);
      ctx.note(`the Problems panel lists its ${listedInProblems(expected).length} rows`);
    }

    // Written to disk by something else, then deleted: the file watcher keeps up.
    const written = path.join(ctx.workspace, WRITTEN);
    const writtenUri = vscode.Uri.file(written);
    fs.writeFileSync(written, fs.readFileSync(uri.fsPath, 'utf8'));
    ctx.cleanup(() => removeFile(written));
    await waitForFindings(writtenUri, expected, `the findings of ${WRITTEN}, written to disk`);
    fs.rmSync(written);
    await waitFor(`the findings of the deleted ${WRITTEN} to go`, () =>
      vscode.languages.getDiagnostics(writtenUri).every((d) => d.source !== 'mlsd'),
    );
    ctx.note(`${WRITTEN}, written to disk: its findings came, and went when it was deleted`);

    // The Designs view in the Explorer.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('mlsd.designs.focus');
    const view = await ctx.page.ask('viewRows', {
      title: 'Designs',
      labels: EXAMPLES,
      click: 'incomplete-news-feed',
    });
    if (view.skipped) {
      ctx.skip('the Designs view (no page)');
      return;
    }
    assert(
      view.satisfied,
      () => `the Designs view: ${view.why}; rows ${JSON.stringify(view.rows)}`,
    );
    const shares = view.rows.map((row) => {
      const match = /(\d+)\/(\d+) topics/.exec(row.description);
      assert(match, `row ${row.label} has no "n/m topics": "${row.description}"`);
      assert(/\d+\/7 steps/.test(row.description), `row ${row.label}: "${row.description}"`);
      assert(/practised never/.test(row.description), `row ${row.label}: "${row.description}"`);
      return Number(match[1]) / Number(match[2]);
    });
    for (let i = 1; i < shares.length; i++)
      assert(
        shares[i - 1] <= shares[i],
        () => `not what needs work first: ${view.rows.map((r) => r.description).join(' | ')}`,
      );
    ctx.note(
      `Designs view: ${view.rows.length} rows, fewest topics first: ` +
        view.rows
          .map((r) => `${r.label} (${/\d+\/\d+ topics/.exec(r.description)?.[0]})`)
          .join(', '),
    );
    const news = view.rows.find((r) => r.label.includes('incomplete-news-feed'));
    assert(
      news && /News feed|news/i.test(news.description),
      `the news-feed row: ${news?.description}`,
    );
    await waitFor('the clicked design to open', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith('/incomplete-news-feed.mlsd.md'),
    );
    ctx.note('clicking the incomplete-news-feed row opened it');

    // Changed in the editor, then closed without saving: the findings are the file's again.
    const editor = /** @type {vscode.TextEditor} */ (vscode.window.activeTextEditor);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) =>
      edit.insert(end, '\n## 6. Deployment and serving\n\nOnline prediction behind a REST API.\n'),
    );
    await waitFor('the edited text to be checked', () =>
      mlsdDiagnostics(uri).every((d) => !/^Step 6 .* is missing/.test(d.message)),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForFindings(uri, expected, `the findings of the file on disk once ${NEWS} closed`);
    ctx.note('edited, then closed without saving: the findings are those of the file on disk');
    await ctx.page.ask('snapshot', { name: 'designs-view' });
  },
};
