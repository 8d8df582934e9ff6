// @ts-check
// Editor scenario `status-bar-coverage` (see ../suite.js for the order they run in).
'use strict';
const { NEWS, assert, waitFor } = require('../harness');
const { ruleOf, mlsdDiagnostics, fromCli, waitForFindings } = require('../findings');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'status-bar-coverage',
  title: 'the status bar shows the coverage and updates after an edit',
  async run(ctx) {
    const uri = ctx.file(NEWS);
    const { document, editor } = await ctx.open(uri);
    const expected = ctx.expected.news;
    await waitForFindings(uri, expected.diagnostics.map(fromCli), `the findings for ${NEWS}`);
    const present = expected.steps.filter((s) => s.line !== null).length;
    const total = expected.steps.length;
    const before = `MLSD ${present}/${total}`;
    const first = await ctx.page.ask('statusBar', { id: 'mlsd.coverage', contains: before });
    if (first.skipped) ctx.skip('status bar text (no page)');
    else {
      assert(first.satisfied, `the status bar item says "${first.text}", not "${before} …"`);
      ctx.note(`status bar: "${first.text}"`);
    }
    const missing = expected.steps.find((s) => s.line === null);
    assert(missing, 'the example has no missing step');
    const number = expected.steps.indexOf(missing) + 1;
    const heading = `## ${number}. ${missing.title}`;
    const end = document.lineAt(document.lineCount - 1).range.end;
    const added = await editor.edit((edit) =>
      edit.insert(
        end,
        `\n\n${heading}\n\nPrediction pipeline: a batch job precomputes candidate posts; an ` +
          `online service scores them with the multi-task model within 200 ms and caches the ` +
          `ranked feed per user.\n`,
      ),
    );
    assert(added, 'the edit was not applied');
    await waitFor(`the missing-step warning for '${missing.title}' to go`, () =>
      mlsdDiagnostics(uri).every(
        (d) => ruleOf(d) !== 'MLSD001' || !d.message.startsWith(`Step ${number} '`),
      ),
    );
    const after = `MLSD ${present + 1}/${total}`;
    const second = await ctx.page.ask('statusBar', { id: 'mlsd.coverage', contains: after });
    if (!second.skipped) {
      assert(
        second.satisfied,
        `after adding '${heading}' the status bar says "${second.text}", not "${after} …"`,
      );
      ctx.note(`after adding '${heading}': "${second.text}"`);
    }
  },
};
