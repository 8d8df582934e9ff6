// @ts-check
// The harness the editor scenarios share: assertions and their failure type, polling waits, time
// limits, the practice test clock, and the types of a scenario and of what it gets (its context).
// No editor state here: the pristine workspace is in workspace.js, the findings' comparison in
// findings.js.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { sleep } = require('./page');

/**
 * @typedef {import('./protocol').Expected} Expected
 * @typedef {import('./protocol').Session} Session
 * @typedef {import('./page').PageClient} PageClient
 * @typedef {import('vscode').Uri} Uri
 * @typedef {import('vscode').TextDocument} TextDocument
 * @typedef {import('vscode').TextEditor} TextEditor
 * @typedef {import('vscode').TextDocumentShowOptions} TextDocumentShowOptions
 *
 * What a scenario gets.
 * @typedef {object} Context
 * @property {Expected} expected
 * @property {PageClient} page
 * @property {string} workspace the workspace folder's path
 * @property {(name: string) => Uri} file a file of the workspace
 * @property {(uri: Uri, options?: TextDocumentShowOptions) =>
 *   Promise<{ document: TextDocument, editor: TextEditor }>} open
 *   opens a document in an editor (a pristine file must still have its pristine text)
 * @property {(text: string) => void} note what the scenario checked, for the report
 * @property {(what: string) => void} skip a check it could not make (no page)
 * @property {(fn: () => unknown) => void} cleanup runs after the scenario, pass or fail
 * @property {() => number} activations how many times the driver was activated (reloads)
 * @property {((state: unknown) => Promise<never>) | undefined} reload reloads the window (the
 *   extension host restarts): the scenario's `run` is called again after it, with `resumed` set
 *   to `state` (JSON); undefined where the runner cannot reload (desktop VS Code)
 * @property {unknown} resumed in the second part of a scenario that reloaded: what it gave reload
 *
 * @typedef {object} Scenario
 * @property {string} name stable, kebab-case: what `--only` and the report use
 * @property {string} title what it checks, in words
 * @property {Session} [session] the editor it needs ("trusted" when not said)
 * @property {(ctx: Context) => Promise<void>} run
 */

const NEWS = 'incomplete-news-feed.mlsd.md';
// Generous deadlines: every wait polls and ends as soon as its condition holds, so they cost
// nothing when the editor is quick, and a machine whose cores are busy still gets there.
const SCENARIO_TIMEOUT_MS = 240_000;
const WAIT_TIMEOUT_MS = 60_000;
const RESET_TIMEOUT_MS = 120_000;

class Failure extends Error {}

/**
 * @param {unknown} condition
 * @param {string | (() => string)} message
 * @returns {asserts condition}
 */
function assert(condition, message) {
  if (!condition) throw new Failure(typeof message === 'function' ? message() : message);
}

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/**
 * Polls `probe` (sync or async) until it returns a truthy value, and returns it. On time-out,
 * fails with `what` and, when given, `describe()` of the last state.
 * @template T
 * @param {string} what
 * @param {() => T | Promise<T>} probe
 * @param {{ timeoutMs?: number, intervalMs?: number, describe?: () => string }} [options]
 * @returns {Promise<NonNullable<T>>}
 */
async function waitFor(
  what,
  probe,
  { timeoutMs = WAIT_TIMEOUT_MS, intervalMs = 50, describe } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value;
    try {
      value = await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (value) return /** @type {NonNullable<T>} */ (value);
    if (Date.now() > deadline) {
      let state = '';
      try {
        state = describe ? `; last seen: ${describe()}` : '';
      } catch (error) {
        state = `; (describing the state failed: ${messageOf(error)})`;
      }
      throw new Failure(`timed out after ${timeoutMs / 1000} s waiting for ${what}${state}`);
    }
    await sleep(intervalMs);
  }
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return Promise.race([
    promise,
    /** @type {Promise<never>} */ (
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Failure(`${what} did not finish within ${ms / 1000} s`)),
          ms,
        );
      })
    ),
  ]).finally(() => clearTimeout(timer));
}

/**
 * How far the practice test clock has been moved in this extension host: mlsd's clock forgets it
 * when the window reloads, and the driver moves it as far again (practiceClockOffset).
 */
let practiceClockMs = 0;

/**
 * Moves mlsd's practice clock `ms` forward (the test-only command; the clock ticks as it goes).
 * @param {number} ms
 */
async function advancePracticeClock(ms) {
  await vscode.commands.executeCommand('mlsd.advancePracticeClock', ms);
  practiceClockMs += ms;
}

const practiceClockOffset = () => practiceClockMs;

/**
 * Starts a practice interview on a case study and waits for its design (`<case study>.mlsd.md` in
 * the workspace) to be created and shown in the active editor.
 * @param {string} workspace
 * @param {string} caseStudy
 * @param {number} minutes
 * @returns {Promise<{ file: string, editor: vscode.TextEditor }>}
 */
async function startPracticeOn(workspace, caseStudy, minutes) {
  await vscode.commands.executeCommand('mlsd.startPractice', { caseStudy, minutes });
  const file = path.join(workspace, `${caseStudy}.mlsd.md`);
  const editor = await waitFor(`${caseStudy}.mlsd.md to be created and opened`, () => {
    const active = vscode.window.activeTextEditor;
    return active?.document.uri.fsPath === file ? active : undefined;
  });
  return { file, editor };
}

/** @param {string} file */
function removeFile(file) {
  fs.rmSync(file, { force: true });
}

module.exports = {
  NEWS,
  SCENARIO_TIMEOUT_MS,
  WAIT_TIMEOUT_MS,
  RESET_TIMEOUT_MS,
  Failure,
  assert,
  messageOf,
  waitFor,
  withTimeout,
  removeFile,
  advancePracticeClock,
  practiceClockOffset,
  startPracticeOn,
};
