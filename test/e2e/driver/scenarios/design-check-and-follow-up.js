// @ts-check
// Editor scenario `design-check-and-follow-up` (see ../suite.js for the order they run in).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { assert, waitFor, removeFile } = require('../harness');
const { ruleOf, mlsdDiagnostics, askProblems } = require('../findings');

const FILE = 'fraud-detection.mlsd.md';

// Accuracy as the only metric on a rare class: the interviewer's first objection (MLSD100).
const DESIGN = [
  '# Fraud detection for card payments',
  '',
  '## 1. Clarifying requirements',
  '',
  'The business objective is to block fraudulent card payments before they settle. About 50',
  'million payments a day; a decision must come back within 100 ms. Fraud is rare: about 0.1% of',
  'payments, so the data is heavily imbalanced.',
  '',
  '## 2. Framing the problem as an ML task',
  '',
  'Binary classification: given a payment, predict the probability that it is fraudulent.',
  '',
  '## 3. Data preparation',
  '',
  'Payment logs, chargebacks as labels, merchant and card metadata. Features: amount, merchant',
  "category, time since the card's last payment, embeddings of the merchant.",
  '',
  '## 4. Model development',
  '',
  'A gradient-boosted tree model trained on the last 90 days of payments with a cross-entropy loss.',
  '',
  '## 5. Evaluation',
  '',
  'We measure accuracy on a held-out month of payments.',
  '',
  '## 6. Deployment and serving',
  '',
  'The model scores each payment online in the payment service; features come from a feature store.',
  '',
  '## 7. Monitoring and infrastructure',
  '',
  'Monitor the fraud rate, latency and drift in the feature distributions.',
  '',
].join('\n');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'design-check-and-follow-up',
  title:
    'accuracy on imbalanced data gets MLSD100 in Problems; the step hover asks follow-ups; the command inserts one',
  async run(ctx) {
    const file = path.join(ctx.workspace, FILE);
    fs.writeFileSync(file, DESIGN);
    ctx.cleanup(() => removeFile(file));
    const uri = vscode.Uri.file(file);
    const { document, editor } = await ctx.open(uri);

    // The design check, pointing at the sentence that says "accuracy".
    const accuracyLine = DESIGN.split('\n').findIndex((l) => l.includes('We measure accuracy'));
    const finding = await waitFor(
      'the MLSD100 finding',
      () => mlsdDiagnostics(uri).find((d) => ruleOf(d) === 'MLSD100'),
      {
        describe: () =>
          mlsdDiagnostics(uri)
            .map((d) => ruleOf(d))
            .join(', '),
      },
    );
    assert(
      finding.range.start.line === accuracyLine,
      `MLSD100 points at line ${finding.range.start.line + 1}, not ${accuracyLine + 1}`,
    );
    assert(
      finding.severity === vscode.DiagnosticSeverity.Information,
      `MLSD100 is severity ${finding.severity}, not information`,
    );
    assert(/Accuracy hides the rare class/.test(finding.message), finding.message);
    ctx.note(`MLSD100 on line ${accuracyLine + 1}: "${finding.message.slice(0, 60)}…"`);
    const panel = await askProblems(ctx, { file: FILE, present: [finding.message] });
    if (panel.skipped) ctx.skip('Problems panel (no page)');
    else {
      assert(panel.satisfied, `the Problems panel has no MLSD100 row for ${FILE}: ${panel.why}`);
      const row = panel.markers.find((m) => m.message === finding.message);
      assert(row && row.code === 'MLSD100', `the Problems row's code is ${row?.code}`);
      ctx.note('the Problems panel lists the MLSD100 row');
    }

    // The hover of the evaluation heading asks the interviewer's follow-up questions.
    const headingLine = DESIGN.split('\n').indexOf('## 5. Evaluation');
    const hovers = /** @type {vscode.Hover[]} */ (
      await vscode.commands.executeCommand(
        'vscode.executeHoverProvider',
        uri,
        new vscode.Position(headingLine, 6),
      )
    );
    const hoverText = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert(
      /An interviewer may ask/.test(hoverText),
      () => `the step hover shows no follow-up questions: ${hoverText.slice(0, 300)}`,
    );
    const asked = hoverText.split('\n').filter((l) => /^- .*\?/.test(l));
    assert(asked.length > 0, 'the hover lists no question');
    ctx.note(`the step hover asks ${asked.length} follow-up questions`);

    // "MLSD: Ask Me a Follow-up Question" with the cursor in step 5, then "Insert as a Question".
    const before = document.getText();
    const inStep = new vscode.Position(accuracyLine, 3);
    editor.selection = new vscode.Selection(inStep, inStep);
    const asking = vscode.commands.executeCommand('mlsd.askFollowUp');
    const clicked = await ctx.page.ask('clickNotificationButton', {
      contains: 'Step 5',
      button: 'Insert as a Question',
    });
    if (clicked.skipped) {
      ctx.skip('answering the follow-up notification (no page)');
      return;
    }
    await asking;
    const question = clicked.message.replace(/^Step 5 \([^)]*\):\s*/, '');
    const after = await waitFor('the question inserted as a "> Q:" line', () => {
      const text = document.getText();
      return text !== before && text.includes('> Q: ') ? text : undefined;
    });
    const inserted = after.split('\n').find((l) => l.startsWith('> Q: '));
    assert(inserted === `> Q: ${question}`, `inserted "${inserted}", asked "${question}"`);
    // Only inserted: the design's own text is all still there, in order.
    let at = 0;
    for (const line of before.split('\n')) {
      const found = after.indexOf(line, at);
      assert(found >= 0, `the line "${line}" is gone after the insert`);
      at = found + line.length;
    }
    const qLine = after.split('\n').indexOf(inserted);
    assert(
      qLine > accuracyLine &&
        qLine < DESIGN.split('\n').indexOf('## 6. Deployment and serving') + 4,
      `the question went to line ${qLine + 1}, not the end of step 5`,
    );
    ctx.note(`inserted "${inserted.slice(0, 60)}…" at the end of step 5`);
    await ctx.page.ask('snapshot', { name: 'design-check-follow-up' });
  },
};
