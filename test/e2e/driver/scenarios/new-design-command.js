// @ts-check
// Editor scenario `new-design-command` (see ../suite.js for the order they run in).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { sleep } = require('../page');
const { NEWS, WAIT_TIMEOUT_MS, assert, waitFor, removeFile } = require('../harness');
const { mlsdDiagnostics, askProblems } = require('../findings');

/** A fresh design shows what to do next, not a wall: one finding per empty step at most. */
const MAX_FRESH_PROBLEMS = 7;

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'new-design-command',
  title:
    '"MLSD: New Design…" with a case study creates the file from its template, with at most 7 problems',
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
    // Issue 18, point 4: placeholders are hints (not in Problems), one finding per empty step.
    const uri = vscode.Uri.file(file);
    const shown = await waitFor(`the findings for ${template.fileName}`, () => {
      const all = mlsdDiagnostics(uri);
      return all.length > 0 ? all : undefined;
    });
    const problems = shown.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
    assert(
      problems.length <= MAX_FRESH_PROBLEMS,
      () =>
        `a fresh ${template.id} design shows ${problems.length} problems: ` +
        problems.map((d) => d.message.slice(0, 50)).join(' | '),
    );
    const panel = await askProblems(ctx, { file: template.fileName, count: problems.length });
    if (panel.skipped) ctx.skip('Problems panel (no page)');
    else
      assert(
        panel.satisfied,
        `the Problems panel does not list ${problems.length} rows for ${template.fileName}: ${panel.why}`,
      );
    ctx.note(
      `a fresh design: ${problems.length} problems in the Problems panel ` +
        `(${shown.length - problems.length} placeholders as hints)`,
    );
  },
};
