// @ts-check
// Editor scenario `new-design-command` (see ../suite.js for the order they run in).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { sleep } = require('../page');
const { NEWS, WAIT_TIMEOUT_MS, assert, waitFor, removeFile } = require('../harness');

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'new-design-command',
  title: '"MLSD: New Design…" with a case study creates the file from its template',
  async run(ctx) {
    const taken = new Set(fs.readdirSync(ctx.workspace));
    const template = ctx.expected.templates.find((t) => t.id !== 'blank' && !taken.has(t.fileName));
    assert(template, 'no case study whose file is not already in the workspace');
    const file = path.join(ctx.workspace, template.fileName);
    ctx.cleanup(() => removeFile(file));
    // An open design makes its folder the default place for the new file.
    await ctx.open(ctx.file(NEWS));
    const command = vscode.commands.executeCommand('mlsd.newDesign');
    const answer = await ctx.page.ask(
      'newDesign',
      { title: template.title, fileName: template.fileName },
      WAIT_TIMEOUT_MS,
    );
    if (answer.skipped) {
      // No page (desktop VS Code, npm run test:electron): answer the quick pick and the
      // (simple) save dialog with commands. The extension host cannot see when they are shown,
      // hence the pauses; the file's appearance below is polled.
      await sleep(1000);
      const index = ctx.expected.templates.indexOf(template);
      for (let i = 0; i < index; i++) {
        await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      }
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await sleep(1000);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      ctx.note('quick pick answered with commands (no page)');
    } else {
      ctx.note(
        `picked "${template.title}" with the keyboard (row "${answer.picked.slice(0, 60)}…"); ` +
          `saved as ${path.basename(answer.saved)}`,
      );
    }
    await command;
    await waitFor(
      `${template.fileName} to be created and opened`,
      () => vscode.window.activeTextEditor?.document.uri.fsPath === file,
      { describe: () => `active: ${vscode.window.activeTextEditor?.document.uri.toString()}` },
    );
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert(text === template.content, () => {
      const have = text.split('\n');
      const want = template.content.split('\n');
      const at = want.findIndex((line, i) => have[i] !== line);
      return `${template.fileName} is not the template: line ${at + 1} is ${JSON.stringify(have[at])}, expected ${JSON.stringify(want[at])}`;
    });
    assert(
      fs.readFileSync(file, 'utf8') === template.content,
      'the file on disk is not the template',
    );
    ctx.note(
      `${template.fileName} has the ${template.id} template (${text.split('\n').length} lines)`,
    );
  },
};
