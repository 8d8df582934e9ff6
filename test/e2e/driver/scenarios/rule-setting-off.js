// @ts-check
// Editor scenario `rule-setting-off` (see ../suite.js for the order they run in).
'use strict';
const vscode = require('vscode');
const { NEWS, assert } = require('../harness');
const { fromCli, waitForFindings, askProblems, listedInProblems } = require('../findings');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'rule-setting-off',
  title: 'mlsd.rules {"missing-step": "off"} removes those warnings without a reload',
  async run(ctx) {
    const uri = ctx.file(NEWS);
    await ctx.open(uri);
    const expected = ctx.expected.news.diagnostics.map(fromCli);
    await waitForFindings(uri, expected, `the findings for ${NEWS}`);
    const config = vscode.workspace.getConfiguration('mlsd');
    const reloads = ctx.activations();
    ctx.cleanup(async () => {
      await vscode.workspace
        .getConfiguration('mlsd')
        .update('rules', undefined, vscode.ConfigurationTarget.Global);
    });
    await config.update('rules', { 'missing-step': 'off' }, vscode.ConfigurationTarget.Global);
    const rest = expected.filter((d) => d.rule !== 'MLSD001');
    await waitForFindings(uri, rest, 'the missing-step warnings to go and the rest to stay');
    assert(ctx.activations() === reloads, 'the window was reloaded');
    ctx.note(`MLSD001 gone, the other ${rest.length} findings unchanged, no reload`);
    const gone = expected.filter((d) => d.rule === 'MLSD001').map((d) => d.message);
    const panel = await askProblems(ctx, {
      file: NEWS,
      count: listedInProblems(rest).length,
      absent: gone,
    });
    if (panel.skipped) ctx.skip('Problems panel (no page)');
    else
      assert(panel.satisfied, `Problems panel: ${panel.why}; files ${JSON.stringify(panel.files)}`);
    await vscode.workspace
      .getConfiguration('mlsd')
      .update('rules', undefined, vscode.ConfigurationTarget.Global);
    await waitForFindings(
      uri,
      expected,
      'the missing-step warnings to come back with the setting reset',
    );
    ctx.note('reset: the warnings came back');
  },
};
