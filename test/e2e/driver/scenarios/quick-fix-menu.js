// @ts-check
// Editor scenario `quick-fix-menu` (see ../suite.js for the order they run in): the Ctrl+. menu at
// a step heading with several findings offers fix-all once and each disable action once, and
// "Insert step …" leaves the cursor in the inserted section (issue 18, point 5).
'use strict';
const vscode = require('vscode');
const { NEWS, assert, waitFor } = require('../harness');
const { ruleOf, mlsdDiagnostics, openNewsChecked } = require('../findings');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'quick-fix-menu',
  title:
    'Ctrl+. at a step heading offers fix-all once and each disable action once; "Insert step" moves the cursor into the new step',
  async run(ctx) {
    const { uri, document, editor } = await openNewsChecked(ctx);
    // The line with the most findings: a step heading that missing steps point at, among others.
    const byLine = new Map();
    for (const d of mlsdDiagnostics(uri)) {
      const list = byLine.get(d.range.start.line) ?? [];
      list.push(d);
      byLine.set(d.range.start.line, list);
    }
    /** @type {vscode.Diagnostic[]} */
    const here = [...byLine.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    assert(here.length > 1, `no line of ${NEWS} has several findings`);
    const rules = [...new Set(here.map(ruleOf))];
    const at = here[0].range.start;
    assert(
      here.every((d) => d.range.contains(at)),
      'the findings of the line do not all start at one place',
    );
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(here[0].range, vscode.TextEditorRevealType.InCenter);
    ctx.note(`line ${at.line + 1}: ${here.length} findings (${here.map(ruleOf).join(', ')})`);
    const menu = await ctx.page.ask('quickFixMenu', {}, 60_000);
    if (menu.skipped) {
      ctx.skip('the quick-fix menu (no page)');
      return;
    }
    /** @param {string} title */
    const count = (title) => menu.entries.filter((e) => e === title).length;
    assert(
      count('Fix all mlsd problems') === 1,
      () =>
        `"Fix all mlsd problems" is offered ${count('Fix all mlsd problems')} times: ${menu.entries.join(' | ')}`,
    );
    for (const rule of rules) {
      for (const title of [`Disable ${rule} for this line`, `Disable ${rule} for this file`]) {
        assert(
          count(title) === 1,
          () => `"${title}" is offered ${count(title)} times: ${menu.entries.join(' | ')}`,
        );
      }
    }
    const repeated = menu.entries.filter((e, i) => menu.entries.indexOf(e) !== i);
    assert(repeated.length === 0, `entries offered twice: ${repeated.join(' | ')}`);
    ctx.note(`Ctrl+. menu: ${menu.entries.length} entries, each once: ${menu.entries.join(' | ')}`);

    // "Insert step N …" from the menu: the step goes in, the cursor into it.
    const missing = here.find((d) => ruleOf(d) === 'MLSD001');
    const step = missing && /^Step (\d+) '([^']+)'/.exec(missing.message);
    assert(step, `no missing-step finding on line ${at.line + 1}`);
    const before = editor.selection.active;
    const picked = await ctx.page.ask('quickFixMenu', { pick: `Insert step ${step[1]} ` }, 60_000);
    assert(!picked.skipped, 'the page went away');
    const title = step[2];
    const headingLine = await waitFor(`the step '${title}' to be inserted`, () => {
      for (let line = 0; line < document.lineCount; line++) {
        const text = document.lineAt(line).text;
        if (/^#{1,6}\s/.test(text) && text.includes(title)) return line + 1;
      }
      return undefined;
    });
    const inserted = headingLine - 1;
    const cursor = await waitFor(
      'the cursor to move into the inserted step',
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document === document && active.selection.active.line === inserted
          ? active.selection.active
          : undefined;
      },
      {
        timeoutMs: 10_000,
        describe: () =>
          `cursor at ${(vscode.window.activeTextEditor?.selection.active.line ?? -1) + 1}:` +
          `${(vscode.window.activeTextEditor?.selection.active.character ?? -1) + 1}, the heading on line ${headingLine}`,
      },
    );
    assert(
      cursor.character === document.lineAt(inserted).text.length,
      `the cursor is at column ${cursor.character + 1} of the heading, not at its end`,
    );
    ctx.note(
      `"${picked.picked}" inserted '${title}' at line ${headingLine}; the cursor went from line ` +
        `${before.line + 1} to the end of the new heading`,
    );
  },
};
