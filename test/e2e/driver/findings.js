// @ts-check
// The editor's mlsd findings against the CLI's (`mlsd check --format json`): both in one shape,
// compared as multisets, waited for, and looked for in the page's Problems panel.
'use strict';
const vscode = require('vscode');
const { NEWS, WAIT_TIMEOUT_MS, assert, waitFor } = require('./harness');

/**
 * @typedef {import('./protocol').CliDiagnostic} CliDiagnostic
 * @typedef {import('./harness').Context} Context
 *
 * A finding in one shape for the CLI's and the editor's: rule id, severity (VS Code's number),
 * message, and range as [start line, start character, end line, end character], 0-based.
 * @typedef {{ rule: string, severity: number, message: string,
 *   range: [number, number, number, number] }} Finding
 */

/** @param {vscode.Diagnostic} d */
const ruleOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
/** @param {vscode.Uri} uri */
const mlsdDiagnostics = (uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlsd');

/** @type {Record<CliDiagnostic['severity'], number>} */
const SEVERITY = { error: 0, warning: 1, info: 2, hint: 3 };
/** @type {readonly import('./protocol').SeverityName[]} */
const SEVERITY_NAME = ['error', 'warning', 'info', 'hint'];

/**
 * A finding of `mlsd check --format json` (1-based, end exclusive) in VS Code's terms.
 * @param {CliDiagnostic} d
 * @returns {Finding}
 */
function fromCli(d) {
  return {
    rule: d.ruleId,
    severity: SEVERITY[d.severity],
    message: d.message,
    range: [d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1],
  };
}

/**
 * @param {vscode.Diagnostic} d
 * @returns {Finding}
 */
function fromEditor(d) {
  return {
    rule: ruleOf(d),
    severity: d.severity,
    message: d.message,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  };
}

/** @param {Finding} d */
const show = (d) =>
  `${d.rule} ${SEVERITY_NAME[d.severity]} [${d.range[0] + 1}:${d.range[1] + 1}-${d.range[2] + 1}:${d.range[3] + 1}] ${d.message.slice(0, 70)}`;

/**
 * What is in one list of findings and not in the other (as multisets).
 * @param {Finding[]} actual
 * @param {Finding[]} expected
 */
function difference(actual, expected) {
  /** @param {Finding} d */
  const key = (d) => JSON.stringify([d.rule, d.severity, d.message, d.range]);
  const left = actual.map(key);
  const missing = [];
  for (const d of expected) {
    const at = left.indexOf(key(d));
    if (at >= 0) left.splice(at, 1);
    else missing.push(d);
  }
  const extra = left.map((k) => {
    const [rule, severity, message, range] = JSON.parse(k);
    return /** @type {Finding} */ ({ rule, severity, message, range });
  });
  return { missing, extra, same: missing.length === 0 && extra.length === 0 };
}

/** @param {{ missing: Finding[], extra: Finding[] }} difference */
function describeDifference({ missing, extra }) {
  const parts = [];
  if (missing.length) parts.push(`missing: ${missing.map(show).join(' | ')}`);
  if (extra.length) parts.push(`unexpected: ${extra.map(show).join(' | ')}`);
  return parts.join('; ') || 'none';
}

/**
 * Waits until the editor's mlsd findings for `uri` equal `expected` (CLI findings).
 * @param {vscode.Uri} uri
 * @param {Finding[]} expected
 * @param {string} what
 */
async function waitForFindings(uri, expected, what, timeoutMs = WAIT_TIMEOUT_MS) {
  await waitFor(what, () => difference(mlsdDiagnostics(uri).map(fromEditor), expected).same, {
    timeoutMs,
    describe: () => describeDifference(difference(mlsdDiagnostics(uri).map(fromEditor), expected)),
  });
}

/**
 * Opens the news-feed example and waits until the server's findings for it equal `mlsd check`'s:
 * the server is up and has checked it.
 * @param {Context} ctx
 */
async function openNewsChecked(ctx) {
  const uri = ctx.file(NEWS);
  const opened = await ctx.open(uri);
  await waitForFindings(
    uri,
    ctx.expected.news.diagnostics.map(fromCli),
    `the findings for ${NEWS}`,
  );
  return { uri, ...opened };
}

/**
 * The findings the Problems panel lists: VS Code leaves hints out of it (placeholders are hints).
 * @template {{ severity: number }} F
 * @param {F[]} findings
 * @returns {F[]}
 */
function listedInProblems(findings) {
  return findings.filter((d) => d.severity !== 3);
}

/**
 * Shows the Problems panel and asks the page what it lists for `file` (see pageOps.problems).
 * @param {Context} ctx
 * @param {import('./protocol').PageOps['problems']['args']} args
 */
async function askProblems(ctx, args) {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  return ctx.page.ask('problems', args);
}

/**
 * The page's Problems panel must list `findings` for `file` (when there is a page), but for the
 * hints, which it never lists.
 * @param {Context} ctx
 * @param {string} file
 * @param {Finding[]} findings
 */
async function checkProblemsPanel(ctx, file, findings) {
  const expected = listedInProblems(findings);
  const messages = expected.map((d) => d.message);
  const answer = await askProblems(ctx, { file, count: expected.length, present: messages });
  if (answer.skipped) {
    ctx.skip('Problems panel (no page)');
    return answer;
  }
  assert(
    answer.satisfied,
    () =>
      `the Problems panel does not show the ${expected.length} findings for ${file}: it shows ` +
      `${JSON.stringify(answer.files)} with ${answer.markers.length} rows` +
      (answer.why ? ` (${answer.why})` : ''),
  );
  for (const d of expected) {
    const row = answer.markers.find((m) => m.file === file && m.message === d.message);
    assert(row, `the Problems panel has no row "${d.message}"`);
    assert(
      row.code === d.rule,
      `the Problems row "${d.message}" has code ${row.code}, not ${d.rule}`,
    );
    const where = `[Ln ${d.range[0] + 1}, Col ${d.range[1] + 1}]`;
    assert(row.line === where, `the Problems row "${d.message}" is at ${row.line}, not ${where}`);
    assert(
      row.severity === SEVERITY_NAME[d.severity],
      `the Problems row "${d.message}" is ${row.severity}, not ${SEVERITY_NAME[d.severity]}`,
    );
  }
  return answer;
}

module.exports = {
  SEVERITY_NAME,
  ruleOf,
  mlsdDiagnostics,
  fromCli,
  fromEditor,
  difference,
  describeDifference,
  waitForFindings,
  askProblems,
  checkProblemsPanel,
  openNewsChecked,
  listedInProblems,
};
