// @ts-check
// Editor scenario `quick-fix-inserts-step` (see ../suite.js for the order they run in).
'use strict';
const vscode = require('vscode');
const { NEWS, assert, waitFor } = require('../harness');
const { ruleOf, mlsdDiagnostics, fromCli, waitForFindings, askProblems } = require('../findings');

/**
 * The case-study title of a missing-step message: "Step 6 'Deployment and serving' is missing…".
 * @param {string} message
 */
function stepOfMessage(message) {
  const match = /^Step (\d+) '([^']+)'/.exec(message);
  return match ? { number: Number(match[1]), title: match[2] } : undefined;
}

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'quick-fix-inserts-step',
  title: 'the quick fix inserts one missing step; its warning goes, the rest of the text stays',
  async run(ctx) {
    const uri = ctx.file(NEWS);
    const { document } = await ctx.open(uri);
    const expected = ctx.expected.news.diagnostics.map(fromCli);
    await waitForFindings(uri, expected, `the findings for ${NEWS}`);
    const original = document.getText();
    const target = mlsdDiagnostics(uri).find((d) => ruleOf(d) === 'MLSD001');
    assert(target, `no missing-step finding in ${NEWS}`);
    const others = mlsdDiagnostics(uri).filter(
      (d) => ruleOf(d) === 'MLSD001' && d.message !== target.message,
    );
    const step = stepOfMessage(target.message);
    assert(step, `cannot read the step of "${target.message}"`);
    // The fix the finding carries: a quick fix titled after the step, with an edit (resolved).
    // The first request after the editor opens can come back empty from every provider (not
    // only mlsd's): ask again until it is there.
    /** @type {vscode.CodeAction[]} */
    let actions = [];
    let attempts = 0;
    const askedAt = Date.now();
    const fix = await waitFor(
      `the quick fix "Insert step ${step.number} …"`,
      async () => {
        attempts++;
        /** @type {vscode.CodeAction[] | undefined} */
        const answer = await vscode.commands.executeCommand(
          'vscode.executeCodeActionProvider',
          uri,
          target.range,
          vscode.CodeActionKind.QuickFix.value,
          20,
        );
        actions = answer ?? [];
        return actions.find((a) => a.title.startsWith(`Insert step ${step.number} `));
      },
      { intervalMs: 200, describe: () => `actions: ${actions.map((a) => a.title).join(', ')}` },
    );
    if (attempts > 1) {
      ctx.note(`the quick fix came at request ${attempts}, after ${Date.now() - askedAt} ms`);
    }
    assert(
      fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind),
      `"${fix.title}" is a ${fix.kind?.value} action, not a quick fix`,
    );
    // The API command does not always carry the action's diagnostics back; when it does, the
    // fix must name this finding.
    const attached = fix.diagnostics ?? [];
    if (attached.length) {
      assert(
        attached.some((d) => d.message === target.message),
        () =>
          `"${fix.title}" is attached to other findings: ` +
          attached.map((d) => d.message).join(' | '),
      );
    }
    assert(fix.edit, `"${fix.title}" has no edit`);
    ctx.note(`quick fix "${fix.title}"`);
    assert(await vscode.workspace.applyEdit(fix.edit), 'the workspace edit was not applied');
    if (fix.command) {
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    }
    await waitFor(
      `the warning "${target.message}" to go`,
      () => !mlsdDiagnostics(uri).some((d) => d.message === target.message),
      {
        describe: () =>
          mlsdDiagnostics(uri)
            .map((d) => d.message.slice(0, 60))
            .join(' | '),
      },
    );
    // The other missing steps are still reported (their message may now name the new step).
    for (const other of others) {
      const { number } = stepOfMessage(other.message) ?? {};
      assert(
        mlsdDiagnostics(uri).some(
          (d) => ruleOf(d) === 'MLSD001' && d.message.startsWith(`Step ${number} '`),
        ),
        `the other missing-step warning "${other.message}" went too`,
      );
    }
    const after = document.getText();
    let prefix = 0;
    while (prefix < original.length && original[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (
      suffix < original.length - prefix &&
      original[original.length - 1 - suffix] === after[after.length - 1 - suffix]
    ) {
      suffix++;
    }
    assert(
      prefix + suffix === original.length,
      () =>
        `the fix changed more than it inserted: the original text is not kept around one block ` +
        `(kept ${prefix} characters before and ${suffix} after, of ${original.length})`,
    );
    const inserted = after.slice(prefix, after.length - suffix);
    assert(
      inserted.includes(step.title),
      `the inserted block does not name '${step.title}': ${JSON.stringify(inserted.slice(0, 200))}`,
    );
    const line = document.positionAt(prefix).line + 1;
    ctx.note(
      `inserted ${inserted.split('\n').length - 1} lines at line ${line}; the other ` +
        `${original.length} characters unchanged`,
    );
    const panel = await askProblems(ctx, { file: NEWS, absent: [target.message] });
    if (panel.skipped) ctx.skip('Problems panel (no page)');
    else
      assert(panel.satisfied, `the Problems panel still lists "${target.message}" (${panel.why})`);
  },
};
