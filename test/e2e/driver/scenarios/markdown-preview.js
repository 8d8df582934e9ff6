// @ts-check
// Editor scenario `markdown-preview` (see ../suite.js for the order they run in).
'use strict';
const vscode = require('vscode');
const { NEWS, WAIT_TIMEOUT_MS, assert, waitFor } = require('../harness');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'markdown-preview',
  title: 'the Markdown preview opens for a .mlsd.md file',
  async run(ctx) {
    const uri = ctx.file(NEWS);
    const { document } = await ctx.open(uri);
    assert(document.languageId === 'markdown', `${NEWS} is ${document.languageId}, not markdown`);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    const [tab, input] = await waitFor('a Markdown preview tab', () => {
      for (const t of vscode.window.tabGroups.all.flatMap((group) => group.tabs)) {
        if (t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType))
          return /** @type {const} */ ([t, t.input]);
      }
      return undefined;
    });
    ctx.note(`preview tab "${tab.label}" (${input.viewType})`);
    const heading = /^#\s+(.+)$/m.exec(document.getText());
    assert(heading, `${NEWS} has no title heading`);
    const title = heading[1].trim();
    const rendered = await ctx.page.ask('previewRendered', { text: title }, WAIT_TIMEOUT_MS);
    if (rendered.skipped) ctx.skip('preview content (no page)');
    else {
      assert(rendered.satisfied, `the preview does not show the heading "${title}"`);
      ctx.note(`the preview renders "${title}" as <${rendered.tag}>`);
    }
  },
};
