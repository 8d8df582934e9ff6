// @ts-check
// Editor scenario `practice-interview` (see ../suite.js for the order they run in): a practice
// interview on the test clock — status bar, one step-budget notice, stop, the report webview with
// both charts checked in its page, the report saved beside the design; screenshots of the report
// in a dark and a light theme (docs/ keeps copies of them).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const {
  NEWS,
  WAIT_TIMEOUT_MS,
  advancePracticeClock,
  assert,
  waitFor,
  removeFile,
  startPracticeOn,
} = require('../harness');

const CASE_STUDY = 'video-search';
const MINUTE = 60_000;

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'practice-interview',
  title:
    'a practice interview: the clock and the step budget in the status bar, one notice, and the report webview with its charts',
  async run(ctx) {
    const before = new Set(fs.readdirSync(ctx.workspace));
    ctx.cleanup(() => {
      for (const name of fs.readdirSync(ctx.workspace)) {
        if (!before.has(name)) removeFile(path.join(ctx.workspace, name));
      }
    });
    const theme = vscode.workspace.getConfiguration('workbench');
    const themeBefore = theme.inspect('colorTheme')?.globalValue;
    ctx.cleanup(() => theme.update('colorTheme', themeBefore, vscode.ConfigurationTarget.Global));
    await ctx.open(ctx.file(NEWS));
    const { file, editor } = await startPracticeOn(ctx.workspace, CASE_STUDY, 45);
    const text = editor.document.getText();
    assert(
      /^> \*\*Interviewer:\*\* .+ You have 45 minutes/m.test(text),
      'no opening prompt at the top',
    );
    ctx.note(`${path.basename(file)} created with the interviewer's prompt`);

    // The cursor in "Data preparation": that step is current.
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => /^## \d+\. Data preparation/.test(l));
    assert(line >= 0, 'no Data preparation heading in the practice design');
    const bar = await waitFor('the status bar to show the Data preparation budget', async () => {
      const position = new vscode.Position(line + 2, 0);
      editor.selection = new vscode.Selection(position, position);
      await advancePracticeClock(1000);
      const seen = await ctx.page.ask(
        'statusBar',
        { id: 'mlsd.practice', contains: 'Data preparation' },
        2000,
      );
      return seen.skipped || seen.satisfied ? seen : undefined;
    });
    if (bar.skipped) ctx.skip('status bar text (no page)');
    else ctx.note(`status bar: "${bar.text}"`);

    // Eight minutes on the test clock: the step's budget runs out, one notice.
    await advancePracticeClock(8 * MINUTE);
    const over = await ctx.page.ask('statusBar', {
      id: 'mlsd.practice',
      contains: 'Data preparation 8:0',
    });
    if (!over.skipped) {
      assert(over.satisfied && /3[67]:\d\d left/.test(over.text), `status bar: "${over.text}"`);
      ctx.note(`after 8 minutes: "${over.text}"`);
    }
    const notice = 'minutes on data preparation: time to move to';
    // The notification center lists every notice, also once its toast has gone.
    await vscode.commands.executeCommand('notifications.showList');
    const first = await ctx.page.ask('notifications', { contains: notice, count: 1 });
    if (first.skipped) ctx.skip('the notice (no page)');
    else
      assert(first.satisfied, `${first.count} notices "${notice}": ${first.messages.join(' | ')}`);
    await advancePracticeClock(2 * MINUTE);
    const again = await ctx.page.ask('notifications', { contains: notice, count: 1 }, 3000);
    if (!again.skipped) {
      assert(again.satisfied, `the budget notice came ${again.count} times, not once`);
      ctx.note(
        `one notice: "${first.skipped ? '' : first.messages.find((m) => m.includes(notice))}"`,
      );
    }

    await vscode.commands.executeCommand('notifications.hideList');
    // Some answer in two steps, for a report with something covered.
    const lines = editor.document.getText().split('\n');
    /** @param {string} heading */
    const after = (heading) => lines.findIndex((l) => l.startsWith(heading)) + 1;
    await editor.edit((edit) => {
      edit.insert(
        new vscode.Position(after('## 1.'), 0),
        '\nBusiness objective: more watch time from search. Scale: 1 billion videos, 100 ' +
          'million daily users; results within 200 ms. Features: text queries only.\n',
      );
      edit.insert(
        new vscode.Position(after('## 3.'), 0),
        '\nData sources: videos with titles, descriptions, tags and transcripts; labels from ' +
          'clicks and watch time on past searches; tokenization and text normalization.\n',
      );
    });
    await editor.document.save();
    // Stop: the report is saved beside the design and opens in a webview.
    await vscode.commands.executeCommand('mlsd.stopPractice');
    const report = path.join(ctx.workspace, `${CASE_STUDY}.mlsd.report.md`);
    await waitFor(`${path.basename(report)} to be written`, () => fs.existsSync(report));
    const markdown = fs.readFileSync(report, 'utf8');
    for (const chart of ['topics', 'minutes', 'progress']) {
      const svg = `${CASE_STUDY}.mlsd.report.${chart}.svg`;
      assert(markdown.includes(`](${svg})`), `the report does not link ${svg}`);
      assert(fs.existsSync(path.join(ctx.workspace, svg)), `${svg} was not written`);
    }
    ctx.note(`${path.basename(report)} and its 3 SVG charts written beside the design`);
    // The stylesheet may come a moment after the charts: wait until the bars have their colour.
    const page = await waitFor('the report webview with its charts in colour', async () => {
      const seen = await ctx.page.ask(
        'webviewContent',
        {
          selector: 'svg.mlsd-chart',
          ids: ['mlsd-topics-chart', 'mlsd-minutes-chart', 'mlsd-progress-chart'],
        },
        2000,
      );
      return seen.skipped || (seen.satisfied && seen.fill !== 'rgb(0, 0, 0)') ? seen : undefined;
    });
    if (page.skipped) {
      ctx.skip('the report webview page (no page)');
      return;
    }
    assert(page.satisfied, `the report webview shows the charts ${page.ids.join(', ') || 'none'}`);
    assert(
      page.bars['mlsd-topics-chart'] === 14,
      `topics chart bars: ${page.bars['mlsd-topics-chart']}`,
    );
    assert(
      page.bars['mlsd-minutes-chart'] === 14,
      `minutes chart bars: ${page.bars['mlsd-minutes-chart']}`,
    );
    assert(/default-src 'none'/.test(page.csp) && !/script-src/.test(page.csp), `CSP: ${page.csp}`);
    assert(page.scripts === 0, `${page.scripts} scripts in the report page`);
    assert(page.fill && page.fill !== 'rgb(0, 0, 0)', `the bars' fill is "${page.fill}"`);
    ctx.note(
      `webview: charts ${page.ids.join(', ')} (${JSON.stringify(page.bars)}), bar fill ${page.fill}`,
    );
    const dark = await ctx.page.ask('snapshot', { name: 'practice-report-dark' });

    await theme.update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    const light = await waitFor('the report to take the light theme colours', async () => {
      const seen = await ctx.page.ask('webviewContent', { selector: 'svg.mlsd-chart' }, 2000);
      return !seen.skipped && seen.fill && seen.fill !== page.fill ? seen : undefined;
    });
    ctx.note(`light theme: bar fill ${light.fill} (dark: ${page.fill})`);
    const shot = await ctx.page.ask('snapshot', { name: 'practice-report-light' });
    if (!dark.skipped && !shot.skipped) ctx.note(`screenshots: ${dark.file}, ${shot.file}`);

    // The saved report in the Markdown preview: its three charts load from the SVG files.
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(report));
    const names = ['topics', 'minutes', 'progress'].map(
      (chart) => `${CASE_STUDY}.mlsd.report.${chart}.svg`,
    );
    const preview = await ctx.page.ask('previewImages', { names }, WAIT_TIMEOUT_MS);
    if (preview.skipped) return; // there was a page a moment ago (the webview was checked)
    assert(
      preview.satisfied,
      `the Markdown preview did not load ${preview.missing.join(', ')}: ` +
        JSON.stringify(preview.images),
    );
    ctx.note(`Markdown preview of the report: ${names.length} SVG charts loaded`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // "My own prompt" with another framework, answered as a user does: the design is written to
    // nine-step, its budgets split by nine-step's minutes.
    const own = vscode.commands.executeCommand('mlsd.startPractice');
    const answer = await ctx.page.ask(
      'answerQuickPick',
      {
        title: 'Start Practice Interview',
        filter: 'nine-step',
        focused: 'My own prompt',
        input: 'Design a spam filter for email.',
      },
      WAIT_TIMEOUT_MS,
    );
    if (answer.skipped) return;
    await own;
    const ownFile = path.join(ctx.workspace, 'practice.mlsd.md');
    const ownEditor = await waitFor('practice.mlsd.md to be created and opened', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.fsPath === ownFile ? active : undefined;
    });
    const ownText = ownEditor.document.getText();
    assert(/^framework: nine-step$/m.test(ownText), 'the own-prompt design is not nine-step');
    assert(
      /^> \*\*Interviewer:\*\* Design a spam filter for email\. You have 45 minutes/m.test(ownText),
      'the own prompt is not quoted at the top',
    );
    const modelLine = ownText
      .split('\n')
      .findIndex((l) => /^## \d+\. Model development and offline evaluation/.test(l));
    assert(modelLine >= 0, 'no nine-step model heading in the own-prompt design');
    const ownBar = await waitFor('the status bar to show the nine-step model budget', async () => {
      const position = new vscode.Position(modelLine + 2, 0);
      ownEditor.selection = new vscode.Selection(position, position);
      await advancePracticeClock(1000);
      const seen = await ctx.page.ask(
        'statusBar',
        { id: 'mlsd.practice', contains: 'Model development and offline evaluation 0:0' },
        2000,
      );
      return !seen.skipped && seen.satisfied ? seen : undefined;
    });
    assert(/ \/ 8:00/.test(ownBar.text), `status bar: "${ownBar.text}"`);
    ctx.note(`own prompt (picked "${answer.picked.slice(0, 50)}…"): "${ownBar.text}"`);
    await vscode.commands.executeCommand('mlsd.stopPractice');
  },
};
