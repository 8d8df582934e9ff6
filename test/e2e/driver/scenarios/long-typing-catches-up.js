// @ts-check
// Editor scenario `long-typing-catches-up` (see ../suite.js for the order they run in): after a
// minute of continuous typing, the code lenses and the problems match the checker's findings for
// the text as it stands within 1 s of the last keystroke; a closed design's problems are at once
// those of the file on disk (issue 18, point 7; the workspace is checked, issue 15).
'use strict';
const fs = require('node:fs');
const vscode = require('vscode');
const { NEWS, assert, waitFor } = require('../harness');
const {
  mlsdDiagnostics,
  fromCli,
  fromEditor,
  difference,
  describeDifference,
  askProblems,
  listedInProblems,
  openNewsChecked,
} = require('../findings');

const TYPING_MS = 60_000;
const CAUGHT_UP_MS = 1000;

/**
 * Sentences that name no loss, then one whose last keystroke completes "cross-entropy": the
 * step's loss-function topic is covered, and its finding goes, only with the last key. (The bare
 * word "loss" no longer covers the topic: it names it without choosing one.)
 */
const FILLER = [
  'We keep the first version small and look at what users do with it before adding more.',
  'The heads share most of their layers, so one network serves every reaction at once.',
  'Each week we compare the new model with the old one on the same day of traffic.',
  'Rare reactions get more weight so that the shared layers still learn something from them.',
];
const LAST = 'Each head is trained with binary cross-entropy';

/** A seeded generator: the same keystroke intervals on every run. */
function intervals() {
  let seed = 18;
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

/**
 * Key by key, 50 to 170 ms apart (about 100 ms: a fast typist), a pause after each sentence,
 * for `TYPING_MS`; the covering sentence last.
 * @returns {{ steps: import('../protocol').TypeStep[], text: string, plannedMs: number }}
 */
function typing() {
  const random = intervals();
  /** @type {import('../protocol').TypeStep[]} */
  const steps = [];
  let text = '';
  let planned = 0;
  /** @param {string} sentence */
  const type = (sentence) => {
    for (const character of ` ${sentence}`) {
      const delayMs = Math.round(50 + random() * 120);
      steps.push({ text: character, delayMs });
      planned += delayMs;
    }
    text += ` ${sentence}`;
    const pauseMs = Math.round(200 + random() * 500);
    steps.push({ pauseMs });
    planned += pauseMs;
  };
  for (let i = 0; planned < TYPING_MS - 8000; i++) type(FILLER[i % FILLER.length]);
  type(LAST);
  steps.pop(); // the last key ends the typing
  return { steps, text, plannedMs: planned };
}

/** A lens as the page shows it: the `$(icon)` is drawn, not written. @param {string} title */
const lensText = (title) =>
  title
    .replace(/\$\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'long-typing-catches-up',
  title:
    'after a minute of typing, the lenses and Problems match the checker within 1 s of the last keystroke; closing the design leaves at once the problems of the file on disk',
  async run(ctx) {
    const { uri, document, editor } = await openNewsChecked(ctx);
    // At the end of the last paragraph of step 4, its heading (and lens) at the top of the view.
    const heading = ctx.expected.news.steps.find((s) => s.id === 'model');
    const next = ctx.expected.news.steps.find((s) => s.id === 'evaluation');
    assert(heading?.line && next?.line, `${NEWS} has no steps 4 and 5`);
    const headingLine = heading.line - 1; // 0-based
    let line = next.line - 2; // 0-based: the line before step 5's heading
    while (line > headingLine && document.lineAt(line).isEmptyOrWhitespace) line--;
    const end = document.lineAt(line).range.end;
    // Room for the step's heading and the paragraph as it grows (an earlier scenario may have left
    // the Problems panel open under the editor).
    await vscode.commands.executeCommand('workbench.action.closePanel');
    editor.selection = new vscode.Selection(end, end);
    editor.revealRange(
      new vscode.Range(headingLine, 0, headingLine, 0),
      vscode.TextEditorRevealType.AtTop,
    );
    // The keys go to the editor, with the cursor there.
    await vscode.window.showTextDocument(document, {
      selection: editor.selection,
      preserveFocus: false,
    });

    /** @type {{ at: number, findings: ReturnType<typeof fromEditor>[] }[]} */
    const problems = [{ at: Date.now(), findings: mlsdDiagnostics(uri).map(fromEditor) }];
    const listening = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      problems.push({ at: Date.now(), findings: mlsdDiagnostics(uri).map(fromEditor) });
    });
    ctx.cleanup(() => listening.dispose());

    const { steps, text, plannedMs } = typing();
    const before = document.getText();
    const typed = await ctx.page.ask('type', { steps, watchLensesMs: 4000 }, 240_000);
    if (typed.skipped) {
      ctx.skip('typing (no page)');
      return;
    }
    listening.dispose();
    const typingMs = typed.lastKeyAt - typed.firstKeyAt;
    const after = document.getText();
    const offset = document.offsetAt(end);
    assert(after === before.slice(0, offset) + text + before.slice(offset), () => {
      const expectedText = before.slice(0, offset) + text + before.slice(offset);
      let i = 0;
      while (after[i] === expectedText[i]) i++;
      return `the text is not what was typed: from offset ${i} it is ${JSON.stringify(after.slice(i, i + 40))}, not ${JSON.stringify(expectedText.slice(i, i + 40))}`;
    });

    // The checker's findings for the text as it stands, and its code lenses.
    const report = await ctx.page.ask('check', { name: NEWS, text: after }, 60_000);
    assert(!report.skipped, 'the runner went away');
    const expected = report.diagnostics.map(fromCli);
    assert(
      !difference(problems[0].findings, expected).same,
      'the typing did not change the findings: nothing to catch up with',
    );
    /** @type {vscode.CodeLens[]} */
    const lenses =
      (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri)) ?? [];
    const expectedLenses = new Set(
      lenses
        .filter((l) => l.command?.command.startsWith('mlsd.'))
        .map((l) => lensText(l.command?.title ?? '')),
    );
    const stepLens = lenses.find((l) => l.range.start.line === headingLine)?.command?.title;
    assert(stepLens, `no code lens on step 4's heading (line ${heading.line})`);

    // Problems: from the first change after which they stay the checker's.
    const last = problems[problems.length - 1];
    assert(
      difference(last.findings, expected).same,
      () =>
        `the problems never matched the checker's: ${describeDifference(difference(last.findings, expected))}`,
    );
    let settled = problems.length - 1;
    while (settled > 0 && difference(problems[settled - 1].findings, expected).same) settled--;
    const problemsMs = problems[settled].at - typed.lastKeyAt;

    // Lenses: from the first look after which each one shown is the checker's, step 4's among them.
    /** @param {string[]} shown */
    const good = (shown) => {
      const titles = shown.flatMap((s) => s.split(/\s*\|\s*/)).map(lensText);
      return titles.includes(lensText(stepLens)) && titles.every((t) => expectedLenses.has(t));
    };
    const seen = typed.lenses;
    assert(
      seen.length > 0 && good(seen[seen.length - 1].lenses),
      () =>
        `the lenses shown never matched the checker's (${lensText(stepLens)}); last seen: ` +
        (seen[seen.length - 1]?.lenses.join(' / ') ?? 'none'),
    );
    let from = seen.length - 1;
    while (from > 0 && good(seen[from - 1].lenses)) from--;
    const lensesMs = seen[from].at - typed.lastKeyAt;
    const detail =
      `${typed.keys} keys in ${(typingMs / 1000).toFixed(1)} s (${Math.round(plannedMs / 1000)} s ` +
      `planned); problems after ` +
      `${problemsMs} ms (${problems.length - 1} updates), lenses after ${lensesMs} ms ` +
      `("${lensText(stepLens)}"; ${seen.length} changes seen in 4 s)`;
    ctx.note(detail);
    assert(problemsMs <= CAUGHT_UP_MS, `the problems caught up too late: ${detail}`);
    assert(lensesMs <= CAUGHT_UP_MS, `the lenses caught up too late: ${detail}`);
    const panel = await askProblems(ctx, { file: NEWS, count: listedInProblems(expected).length });
    if (panel.skipped) ctx.skip('Problems panel (no page)');
    else assert(panel.satisfied, `the Problems panel: ${panel.why}`);

    // Closed (its changes dropped), the design's problems are at once those of the file on disk
    // (mlsd check's of the file as it is then): the workspace is checked, so a closed design
    // keeps the findings of its file.
    const diskReport = await ctx.page.ask('check', {
      name: NEWS,
      text: fs.readFileSync(uri.fsPath, 'utf8'),
    });
    const onDisk = diskReport.skipped
      ? ctx.expected.news.diagnostics.map(fromCli)
      : diskReport.diagnostics.map(fromCli);
    await vscode.window.showTextDocument(document, { preserveFocus: false });
    const closing = Date.now();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(
      `the problems of the closed ${NEWS} to be those of the file on disk`,
      () => difference(mlsdDiagnostics(uri).map(fromEditor), onDisk).same,
      {
        describe: () =>
          describeDifference(difference(mlsdDiagnostics(uri).map(fromEditor), onDisk)),
      },
    );
    const closedMs = Date.now() - closing;
    ctx.note(
      `closed: its problems were the ${onDisk.length} of the file on disk after ${closedMs} ms`,
    );
    assert(closedMs <= CAUGHT_UP_MS, `the closed design's typed problems stayed ${closedMs} ms`);
  },
};
