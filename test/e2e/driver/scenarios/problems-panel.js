// @ts-check
// Editor scenario `problems-panel` (see ../suite.js for the order they run in).
'use strict';
const vscode = require('vscode');
const { NEWS, assert } = require('../harness');
const { fromCli, waitForFindings, checkProblemsPanel } = require('../findings');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'problems-panel',
  title: 'missing-step warnings in the Problems panel, where the server says',
  async run(ctx) {
    const uri = ctx.file(NEWS);
    const { editor } = await ctx.open(uri);
    const expected = ctx.expected.news.diagnostics.map(fromCli);
    const missing = expected.filter((d) => d.rule === 'MLSD001');
    assert(missing.length > 0, `mlsd check finds no missing step in ${NEWS}`);
    await waitForFindings(uri, expected, `the editor's findings to equal mlsd check's for ${NEWS}`);
    ctx.note(
      `${expected.length} findings equal to \`mlsd check\`'s (rule, severity, message, range), ` +
        `${missing.length} of them MLSD001`,
    );
    const panel = await checkProblemsPanel(ctx, NEWS, expected);
    if (!panel.skipped) {
      const warnings = expected.filter((d) => d.severity === 1).length;
      assert(
        panel.status.includes(`Warnings: ${warnings}`),
        `the status bar's problem count says "${panel.status}", not ${warnings} warnings`,
      );
      ctx.note(`Problems panel: ${panel.markers.length} rows, status bar "${panel.status}"`);
    }
    // The squiggle of the first missing step, on screen.
    const first = missing[0].range;
    const range = new vscode.Range(first[0], first[1], first[2], first[3]);
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    const squiggles = await ctx.page.ask('squiggles', {
      severity: 'warning',
      line: first[0] + 1,
    });
    if (squiggles.skipped) ctx.skip('squiggles (no page)');
    else {
      assert(
        squiggles.satisfied,
        `no warning squiggle is drawn on line ${first[0] + 1} (${squiggles.count} in view)`,
      );
      ctx.note(`warning squiggle drawn on line ${first[0] + 1}`);
    }
    await ctx.page.ask('snapshot', { name: 'design-with-problems' });
  },
};
