// @ts-check
// What the editor-test runner (scripts/e2e/run.mjs, Node), the driver (this folder, in VS Code's
// extension host) and the page ops (scripts/e2e/pageOps.mjs, Playwright) exchange: the files of a
// run's folder, the environment that points the driver at it, and the page requests with their
// answers. Every side reads and writes these files through this module, so their names and shapes
// are declared once. CommonJS, so that the driver (copied as it is into the editor) can require
// it; the runner imports it from ESM.
//
// The run folder (MLSD_E2E_DIR), who writes what:
//   expected.json    runner -> driver  before the editor starts: what the scenarios expect
//   pristine/        runner -> driver  the workspace as every scenario must find it
//   activations      driver            how many times the driver was activated (reloads)
//   resume.json      driver            written just before a scenario reloads the window: the
//                                      driver's next activation goes on with that scenario
//   started.json     driver -> runner  the driver is running
//   plan.json        driver -> runner  the selected scenarios of every session
//   progress.jsonl   driver -> runner  one line as each scenario starts and ends
//   req-NNNN.json    driver -> runner  a page request (PageRequest)
//   res-NNNN.json    runner -> driver  its answer (PageResponse)
//   results.json     driver -> runner  the session's results, last
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const FILES = /** @type {const} */ ({
  expected: 'expected.json',
  pristine: 'pristine',
  activations: 'activations',
  resume: 'resume.json',
  started: 'started.json',
  plan: 'plan.json',
  progress: 'progress.jsonl',
  results: 'results.json',
});

/** The environment the runner gives the editor (and so the driver). */
const ENV = /** @type {const} */ ({
  /** The run folder. */
  dir: 'MLSD_E2E_DIR',
  /** "1" when a runner answers page requests; "0" or unset (desktop VS Code) skips them. */
  page: 'MLSD_E2E_PAGE',
  /** The session this editor runs (Session). */
  session: 'MLSD_E2E_SESSION',
  /** Comma-separated scenario names, parts of names, or (old style) numbers. */
  only: 'MLSD_E2E_ONLY',
  /** "electron" when @vscode/test-electron runs the suite through electron.js. */
  mode: 'MLSD_E2E_MODE',
});

/** The editors a run starts, each a code-server of its own. */
const SESSIONS = /** @type {const} */ (['trusted', 'restricted']);

/**
 * @typedef {typeof SESSIONS[number]} Session
 *
 * @typedef {'error' | 'warning' | 'info' | 'hint'} SeverityName
 *
 * A finding of `mlsd check --format json` (1-based lines and columns, end exclusive).
 * @typedef {object} CliDiagnostic
 * @property {string} ruleId e.g. "MLSD001"
 * @property {string} rule e.g. "missing-step"
 * @property {SeverityName} severity
 * @property {string} message
 * @property {number} line
 * @property {number} column
 * @property {number} endLine
 * @property {number} endColumn
 *
 * One file's report of `mlsd check --format json` (the parts the scenarios read).
 * @typedef {object} CliReport
 * @property {string} file
 * @property {{ id: string, title: string, line: number | null }[]} steps
 * @property {CliDiagnostic[]} diagnostics
 *
 * A New Design template, as the language server's `mlsd/templates` gives it.
 * @typedef {object} Template
 * @property {string} id case-study id, or "blank"
 * @property {string} title
 * @property {string} description
 * @property {string} fileName
 * @property {string} content
 *
 * `expected.json`.
 * @typedef {object} Expected
 * @property {CliReport} news `mlsd check` of incomplete-news-feed.mlsd.md
 * @property {{ name: string, prefix: string, text: string, diagnostics: CliDiagnostic[] }} snippet
 *   the `mlsd` snippet as VS Code inserts it, and its findings
 * @property {Template[]} templates
 *
 * `started.json`.
 * @typedef {{ pid: number, vscode: string }} Started
 *
 * `resume.json`: what a scenario that reloads the window leaves for the driver's next activation.
 * @typedef {object} Resume
 * @property {string} scenario its name
 * @property {Session} session
 * @property {unknown} state what the scenario's second part gets (`ctx.resumed`)
 * @property {number} clockOffsetMs how far the practice test clock had been moved forward (it
 *   starts again from the system clock in the new extension host)
 * @property {Record<string, unknown>} settings the user's mlsd settings at the suite's start
 * @property {number} startedAt when the scenario started (after its pristine start; epoch ms):
 *   its time counts the reloads too
 * @property {number} startMs its pristine start
 * @property {string[]} notes what it had checked
 * @property {string[]} skipped
 *
 * One entry of `plan.json`.
 * @typedef {{ name: string, title: string, session: Session }} PlanEntry
 *
 * One scenario's result.
 * @typedef {object} ScenarioResult
 * @property {string} name stable kebab-case name
 * @property {string} title what it checks, in words
 * @property {Session} session
 * @property {boolean} passed
 * @property {string} message why it failed ("" when it passed)
 * @property {string[]} notes what it checked
 * @property {string[]} skipped checks it could not make (no page)
 * @property {number} ms how long it ran
 * @property {number} startMs how long its pristine start took (before `ms`)
 *
 * A line of `progress.jsonl`.
 * @typedef {({ event: 'start' } & PlanEntry) | ({ event: 'end' } & ScenarioResult)} ProgressEvent
 *
 * `results.json`.
 * @typedef {object} SuiteResults
 * @property {string} [vscodeVersion]
 * @property {ScenarioResult[]} scenarios
 * @property {number} [ms]
 * @property {string} [fatal] why the driver could not run the suite at all
 */

// ---------------------------------------------------------------------------------------------
// Page requests: what only the page shows, or what a user does with the keyboard. Each op polls
// until its condition holds or its time is up, and answers with what it saw.

/**
 * A row of the Problems panel.
 * @typedef {{ file: string | undefined, severity: SeverityName, message: string, source: string,
 *   code: string, line: string }} ProblemRow
 *
 * @typedef {object} ProblemsSeen
 * @property {{ file: string | null, count: number }[]} files
 * @property {ProblemRow[]} markers
 * @property {string} status the status bar's problem count (its label)
 * @property {boolean} visible
 *
 * @typedef {{ satisfied: boolean }} Polled
 *
 * @typedef {object} StatusItem
 * @property {string} text
 * @property {string | null} [label]
 * @property {boolean} shown
 *
 * The ops: for each, its arguments and its answer's value.
 * @typedef {object} PageOps
 * @property {{ args: { file: string, count?: number, present?: string[], absent?: string[] },
 *   result: ProblemsSeen & Polled & { why: string } }} problems
 *   the Problems panel lists `count` rows for `file`, with `present` and without `absent`
 * @property {{ args: { severity?: SeverityName, line: number },
 *   result: Polled & { count: number, lines: (number | null)[] } }} squiggles
 *   the active editor draws a squiggle of `severity` on `line` (1-based)
 * @property {{ args: { id: string, contains?: string, hidden?: boolean },
 *   result: Polled & StatusItem }} statusBar
 *   the status bar item `id` shows `contains`, or is hidden
 * @property {{ args: { file: string, fileName: string },
 *   result: { accepted: boolean, value?: string } }} acceptSaveDialog
 *   accepts a save dialog for `fileName` if one opens; done when `file` exists
 * @property {{ args: { prefix: string, name: string }, result: { label: string } }} typeSnippet
 *   types `prefix` in the editor and accepts the suggestion `name`
 * @property {{ args: { title: string, fileName: string },
 *   result: { picked: string, saved: string } }} newDesign
 *   answers "MLSD: New Design…": picks `title`, saves as `fileName`
 * @property {{ args: { title: string, filter: string, focused: string, input?: string },
 *   result: { picked: string } }} answerQuickPick
 *   answers the quick pick titled `title`: types `filter`, Enter on the row containing `focused`,
 *   then types `input` in the input box that follows
 * @property {{ args: { names: string[] },
 *   result: Polled & { images: { src: string, loaded: boolean }[], missing: string[] } }}
 *   previewImages
 *   the images of the Markdown preview: one whose path ends with each of `names` has loaded
 * @property {{ args: { text: string },
 *   result: Polled & { tag?: string, frame?: string, frames?: number } }} previewRendered
 *   the Markdown preview shows `text` as a heading
 * @property {{ args: { selector: string, ids?: string[] },
 *   result: Polled & { ids: string[], bars: Record<string, number>, titles: string[], fill: string,
 *     csp: string, scripts: number } }} webviewContent
 *   the webview page with elements matching `selector` (every id of `ids` among them)
 * @property {{ args: { contains: string, count: number },
 *   result: Polled & { messages: string[], count: number } }} notifications
 *   exactly `count` notifications contain `contains`
 * @property {{ args: { contains: string, button: string },
 *   result: { clicked: boolean, message: string } }} clickNotificationButton
 *   clicks `button` on the notification toast that contains `contains`
 * @property {{ args: { title: string, labels: string[], click?: string },
 *   result: Polled & { found: boolean, rows: { label: string, description: string }[], why: string } }}
 *   viewRows
 *   the rows of the side bar view titled `title`, top to bottom; a row's label contains each of
 *   `labels`; then clicks the row whose label contains `click`
 * @property {{ args: { name: string, waitFor?: string }, result: { file: string } }} snapshot
 *   a screenshot `name`.png in the results folder
 * @property {{ args: { name: string, passed: boolean }, result: { file?: string } }} scenarioEnd
 *   keeps a screenshot of the page as a failing scenario left it
 * @property {{ args: { steps: TypeStep[], watchLensesMs?: number },
 *   result: { keys: number, firstKeyAt: number, lastKeyAt: number, lenses: { at: number, lenses: string[] }[],
 *     suggestOpen: boolean, suggestions: string[] } }} type
 *   types `steps` in the focused editor with the keyboard (`lastKeyAt`: the runner's clock when
 *   the last key was pressed), then keeps each change of the code lenses in view for
 *   `watchLensesMs` (times on the same clock); `suggestions`: the suggestion list's focused row
 *   when one was open as a key was pressed
 * @property {{ args: { pick?: string }, result: { entries: string[], picked?: string } }}
 *   quickFixMenu
 *   the entries of the quick-fix menu (Ctrl+.) at the cursor; picks the one containing `pick`
 *
 * @property {{ args: { name: string, text: string }, result: CliReport }} check
 *   not the page's: `mlsd check --format json` of `text` as a file `name`, in the runner
 *
 * A step of typing: text key by key (`delayMs` after each), a key (`press`, e.g. "Enter"), or a
 * pause.
 * @typedef {{ text: string, delayMs?: number } | { press: string } | { pauseMs: number }} TypeStep
 *
 * @typedef {keyof PageOps} PageOp
 */
/**
 * `req-NNNN.json`.
 * @template {PageOp} [K=PageOp]
 * @typedef {{ id: string, op: K, args: PageOps[K]['args'], timeoutMs: number }} PageRequest
 */
/**
 * `res-NNNN.json`.
 * @template {PageOp} [K=PageOp]
 * @typedef {{ ok: true, value: PageOps[K]['result'] } | { ok: false, error: string }} PageResponse
 */

/** @type {readonly PageOp[]} */
const PAGE_OPS = [
  'problems',
  'squiggles',
  'statusBar',
  'acceptSaveDialog',
  'typeSnippet',
  'newDesign',
  'answerQuickPick',
  'previewRendered',
  'previewImages',
  'webviewContent',
  'notifications',
  'clickNotificationButton',
  'snapshot',
  'scenarioEnd',
  'type',
  'quickFixMenu',
  'viewRows',
  'check',
];

const REQUEST_FILE = /^req-(\d+)\.json$/;

/** @param {number} seq */
const requestFile = (seq) => `req-${String(seq).padStart(4, '0')}.json`;
/** @param {string} request the name of a request file */
const responseFile = (request) => request.replace(/^req-/, 'res-');

/**
 * Writes JSON so that a reader never sees half of it (write, then rename).
 * @param {string} file
 * @param {unknown} value
 */
function writeJsonAtomic(file, value) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(value, null, 2));
  fs.renameSync(temporary, file);
}

/**
 * Reads a file of the run folder (its type is the caller's: this module's typedefs).
 * @template T
 * @param {string} dir
 * @param {string} name
 * @returns {T}
 */
function readJson(dir, name) {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
}

/**
 * Appends one event to `progress.jsonl`.
 * @param {string} dir
 * @param {ProgressEvent} event
 */
function appendProgress(dir, event) {
  fs.appendFileSync(path.join(dir, FILES.progress), `${JSON.stringify(event)}\n`);
}

/**
 * The results of the scenarios of `session` that ended so far (from `progress.jsonl`): what a
 * driver that starts again after a window reload reports for the scenarios before it.
 * @param {string} dir
 * @param {Session} session
 * @returns {ScenarioResult[]}
 */
function finishedScenarios(dir, session) {
  const file = path.join(dir, FILES.progress);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => /** @type {ProgressEvent} */ (JSON.parse(line)))
    .flatMap(({ event, ...result }) =>
      event === 'end' && result.session === session ? [/** @type {ScenarioResult} */ (result)] : [],
    );
}

/**
 * The scenarios `--only` selects (comma-separated parts, in the suite's order): a part that is a
 * scenario's name picks that one; other words pick every scenario whose name or title contains
 * them; a number N (the old style) picks the Nth scenario of the suite.
 * @template {{ name: string, title: string }} S
 * @param {readonly string[] | undefined} only
 * @param {readonly S[]} scenarios
 * @returns {S[]}
 */
function selectScenarios(only, scenarios) {
  if (!only) return [...scenarios];
  const parts = only.map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  return scenarios.filter((scenario, index) =>
    parts.some((part) => {
      // A number picks that scenario ("7" is not the "7-step template" one).
      if (/^\d+$/.test(part)) return Number(part) === index + 1;
      if (scenarios.some((s) => s.name === part)) return scenario.name === part;
      return scenario.name.includes(part) || scenario.title.toLowerCase().includes(part);
    }),
  );
}

module.exports = {
  FILES,
  ENV,
  SESSIONS,
  PAGE_OPS,
  REQUEST_FILE,
  requestFile,
  responseFile,
  writeJsonAtomic,
  readJson,
  appendProgress,
  finishedScenarios,
  selectScenarios,
};
