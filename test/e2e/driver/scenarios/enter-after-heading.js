// @ts-check
// Editor scenario `enter-after-heading` (see ../suite.js for the order they run in): completion
// never changes what a person types on Enter (issue 18, point 1).
'use strict';
const vscode = require('vscode');
const { NEWS, assert } = require('../harness');
const { openNewsChecked } = require('../findings');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'enter-after-heading',
  title: 'typing "## Model", Enter, "We use a two-tower model." leaves exactly that text',
  async run(ctx) {
    // The server is up and has checked the design: its completion provider is there to ask.
    const { document, editor } = await openNewsChecked(ctx);
    const original = document.getText();
    assert(original.endsWith('\n'), `${NEWS} does not end with a line break`);
    // The cursor on the last, empty line.
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    editor.revealRange(new vscode.Range(end, end));
    // The keys go to the editor, with the cursor there.
    await vscode.window.showTextDocument(document, {
      selection: editor.selection,
      preserveFocus: false,
    });
    const typed = await ctx.page.ask(
      'type',
      {
        steps: [
          { text: '## Model', delayMs: 60 },
          // Long enough for a list that opens by itself to be there when Enter comes.
          { pauseMs: 1500 },
          { press: 'Enter' },
          { text: 'We use a two-tower model.', delayMs: 40 },
          { pauseMs: 500 },
        ],
      },
      60_000,
    );
    if (typed.skipped) {
      ctx.skip('typing (no page)');
      return;
    }
    const expected = `${original}## Model\nWe use a two-tower model.`;
    assert(
      document.getText() === expected,
      () =>
        `the text is not what was typed; its end is ${JSON.stringify(document.getText().slice(original.length - 20))}` +
        (typed.suggestions.length ? ` (suggestions open: ${typed.suggestions.join('; ')})` : ''),
    );
    assert(
      typed.suggestions.length === 0,
      `a suggestion list was open as Enter was pressed: ${typed.suggestions.join('; ')}`,
    );
    ctx.note(
      `typed ${typed.keys} keys; the text ends "## Model⏎We use a two-tower model." exactly`,
    );
  },
};
