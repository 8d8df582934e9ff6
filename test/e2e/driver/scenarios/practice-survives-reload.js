// @ts-check
// Editor scenario `practice-survives-reload` (see ../suite.js for the order they run in): a
// practice interview goes on after a window reload. Before: start, ten minutes on the test clock
// in one step (its budget notice given), then a real reload (the extension hosts restart; the
// driver goes on with the second part). After: the status bar shows the same session with the
// clock continued and no second notice for that step; paused, and reloaded again: still paused at
// the same time; resume and stop work, and the report has the time from before the reloads.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { NEWS, assert, advancePracticeClock, startPracticeOn, waitFor } = require('../harness');

const CASE_STUDY = 'people-you-may-know';
const STEP = 'Data preparation';
const MINUTE = 60_000;
const NOTICE = 'minutes on data preparation: time to move to';

/**
 * What the status bar's practice item says, in seconds: "41:12 left · Data preparation 3:12 / 8:00".
 * @param {string} text
 */
function readStatus(text) {
  /** @param {string} clock "m:ss" */
  const seconds = (clock) => clock.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  const left = /(\d+:\d\d) left/.exec(text);
  const step = new RegExp(`${STEP} (\\d+:\\d\\d) / 8:00`).exec(text);
  return {
    left: left ? seconds(left[1]) : undefined,
    step: step ? seconds(step[1]) : undefined,
    paused: text.includes('Paused'),
  };
}

/**
 * @typedef {{ file: string, left: number, step: number }} BeforeReload
 * @typedef {BeforeReload & { paused: { left: number, step: number } }} PausedReload
 * @typedef {import('../harness').Context} Context
 * @typedef {import('vscode').TextEditor} TextEditor
 */

/**
 * Puts the cursor in the step's section and waits until the status bar shows its budget.
 * @param {Context} ctx
 * @param {TextEditor} editor
 * @param {string} contains what the status bar must show besides the step
 */
async function cursorInStep(ctx, editor, contains = '') {
  const line = editor.document
    .getText()
    .split('\n')
    .findIndex((l) => new RegExp(`^## \\d+\\. ${STEP}`).test(l));
  assert(line >= 0, `no ${STEP} heading in the practice design`);
  return waitFor(`the status bar to show the ${STEP} budget`, async () => {
    const position = new vscode.Position(line + 2, 0);
    editor.selection = new vscode.Selection(position, position);
    await advancePracticeClock(1000);
    const seen = await ctx.page.ask('statusBar', { id: 'mlsd.practice', contains: STEP }, 2000);
    if (seen.skipped) return seen;
    return seen.satisfied && seen.text.includes(contains) ? seen : undefined;
  });
}

/**
 * The status bar's practice item once `accept` holds for what it says.
 * @param {Context} ctx
 * @param {string} what
 * @param {(status: ReturnType<typeof readStatus>) => boolean} accept
 */
async function statusWhen(ctx, what, accept) {
  let last = '';
  const seen = await waitFor(
    what,
    async () => {
      const item = await ctx.page.ask('statusBar', { id: 'mlsd.practice', contains: 'left' }, 2000);
      if (item.skipped) return undefined;
      last = item.text;
      return item.satisfied && accept(readStatus(item.text)) ? item : undefined;
    },
    { describe: () => `"${last}"` },
  );
  return { text: seen.text, ...readStatus(seen.text) };
}

/** @param {Context} ctx */
async function beforeReload(ctx) {
  ctx.cleanup(() => vscode.commands.executeCommand('mlsd.stopPractice'));
  await ctx.open(ctx.file(NEWS));
  const { file, editor } = await startPracticeOn(ctx.workspace, CASE_STUDY, 45);
  const bar = await cursorInStep(ctx, editor);
  if (bar.skipped) {
    ctx.skip('the status bar and the reload (no page)');
    await vscode.commands.executeCommand('mlsd.stopPractice');
    return;
  }
  // Ten minutes in the step: past its 8-minute budget, so its notice has been given.
  await advancePracticeClock(10 * MINUTE);
  const before = await statusWhen(
    ctx,
    `${STEP} at 10 minutes`,
    (s) => s.step !== undefined && s.step >= 600,
  );
  await vscode.commands.executeCommand('notifications.showList');
  const notice = await ctx.page.ask('notifications', { contains: NOTICE, count: 1 });
  assert(notice.skipped || notice.satisfied, `${notice.skipped || notice.count} budget notices`);
  await vscode.commands.executeCommand('notifications.hideList');
  ctx.note(`before the reload: "${before.text}", one budget notice`);
  if (!ctx.reload) {
    ctx.skip('the window reload (this runner cannot reload the window)');
    await vscode.commands.executeCommand('mlsd.stopPractice');
    return;
  }
  assert(before.left !== undefined && before.step !== undefined, `"${before.text}"`);
  /** @type {BeforeReload} */
  const state = { file, left: before.left, step: before.step };
  await ctx.reload(state);
}

/**
 * The design's editor, shown (VS Code brings it back after the reload).
 * @param {string} file
 */
function designEditor(file) {
  return waitFor(`${path.basename(file)} in an editor`, async () => {
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === file);
    return shown ? vscode.window.showTextDocument(shown.document) : undefined;
  });
}

/**
 * The first reload, with the clock running.
 * @param {Context} ctx
 * @param {BeforeReload} before
 */
async function afterFirstReload(ctx, before) {
  // Stopped by hand if the scenario fails half-way (the report goes with the pristine start).
  ctx.cleanup(() => vscode.commands.executeCommand('mlsd.stopPractice'));
  // The session as it was: the state saved at most a few ticks before the reload, plus the time
  // the reload took (a closed window counts at most a minute), and the seconds since. A new
  // session would have 45:00 left.
  const restored = await statusWhen(
    ctx,
    'the practice session back in the status bar after the reload',
    (s) => s.left !== undefined && s.left <= before.left + 10 && s.left >= before.left - 180,
  );
  ctx.note(`after the reload: "${restored.text}" (before: ${before.left} s left)`);

  await cursorInStep(ctx, await designEditor(before.file));
  await advancePracticeClock(MINUTE);
  const continued = await statusWhen(
    ctx,
    `${STEP} to go on from its ${before.step} s`,
    (s) => s.step !== undefined && s.step >= before.step + 50 && s.left !== undefined,
  );
  ctx.note(`the step's time went on: "${continued.text}"`);
  // Its notice was given before the reload: none again (the notification list starts empty).
  await vscode.commands.executeCommand('notifications.showList');
  const notices = await ctx.page.ask('notifications', { contains: NOTICE, count: 1 }, 3000);
  assert(
    notices.skipped || notices.count === 0,
    `the budget notice came again after the reload: ${notices.skipped || notices.messages.join(' | ')}`,
  );
  await vscode.commands.executeCommand('notifications.hideList');

  // Paused, and reloaded again: the pause is kept.
  await vscode.commands.executeCommand('mlsd.pausePractice');
  const paused = await statusWhen(ctx, 'the session to pause', (s) => s.paused);
  await advancePracticeClock(2 * MINUTE);
  const still = await statusWhen(ctx, 'the paused clock', (s) => s.paused);
  assert(still.left === paused.left, `paused, yet "${paused.text}" became "${still.text}"`);
  assert(paused.left !== undefined && paused.step !== undefined, `"${paused.text}"`);
  ctx.note(`paused: "${paused.text}"; reloading again`);
  /** @type {PausedReload} */
  const state = { ...before, paused: { left: paused.left, step: paused.step } };
  assert(ctx.reload, 'no reload after a reload');
  await ctx.reload(state);
}

/**
 * The second reload, paused.
 * @param {Context} ctx
 * @param {PausedReload} before
 */
async function afterPausedReload(ctx, before) {
  ctx.cleanup(() => vscode.commands.executeCommand('mlsd.stopPractice'));
  const { left } = before.paused;
  const restored = await statusWhen(
    ctx,
    'the paused session back after the second reload',
    (s) => s.paused && s.left !== undefined,
  );
  assert(restored.left === left, `paused at ${left} s left, after the reload "${restored.text}"`);
  await advancePracticeClock(2 * MINUTE);
  const still = await statusWhen(ctx, 'the paused clock', (s) => s.paused);
  assert(still.left === left, `paused, yet "${restored.text}" became "${still.text}"`);
  ctx.note(`after the second reload, still paused: "${still.text}"`);

  await cursorInStep(ctx, await designEditor(before.file));
  await vscode.commands.executeCommand('mlsd.resumePractice');
  await statusWhen(ctx, 'the session to resume', (s) => !s.paused);
  await advancePracticeClock(MINUTE);
  const resumed = await statusWhen(
    ctx,
    'the clock to run again',
    (s) => !s.paused && s.left !== undefined && s.left <= left - 60 && s.left >= left - 180,
  );
  ctx.note(`resumed, a minute later: "${resumed.text}"`);

  await vscode.commands.executeCommand('mlsd.stopPractice');
  const report = before.file.replace(/\.md$/, '.report.md');
  await waitFor(`${path.basename(report)} to be written`, () => fs.existsSync(report));
  const row = new RegExp(`^\\| \\d+\\. ${STEP} \\| ([\\d.]+) \\| 8 \\|$`, 'm').exec(
    fs.readFileSync(report, 'utf8'),
  );
  // 10 minutes before the first reload, 1 after it, 1 after the second.
  assert(row && Number(row[1]) >= 12, `the report's ${STEP} row: ${row?.[0] ?? 'none'}`);
  const page = await waitFor('the report webview with its charts', async () => {
    const seen = await ctx.page.ask(
      'webviewContent',
      { selector: 'svg.mlsd-chart', ids: ['mlsd-topics-chart', 'mlsd-minutes-chart'] },
      2000,
    );
    return seen.skipped || seen.satisfied ? seen : undefined;
  });
  ctx.note(
    `stopped: ${path.basename(report)} has "${row[0]}"` +
      (page.skipped ? '' : `; the webview shows ${page.ids.join(', ')}`),
  );
}

/** @type {import('../harness').Scenario} */
module.exports = {
  name: 'practice-survives-reload',
  title:
    'a practice interview survives window reloads: the clock and the step budget go on, a pause is kept, resume and stop work, the report has the time from before',
  async run(ctx) {
    const resumed = /** @type {BeforeReload | PausedReload | undefined} */ (ctx.resumed);
    if (!resumed) await beforeReload(ctx);
    else if ('paused' in resumed) await afterPausedReload(ctx, resumed);
    else await afterFirstReload(ctx, resumed);
  },
};
