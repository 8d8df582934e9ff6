// Quick fixes never lose text (issue 6, item 3). For every code action the server offers — for
// each diagnostic, at headings and a few other positions (refactorings), and the fix-all — on
// every fixture design, every example and generated designs (mutated fixtures, fixtures joined up
// to 100 KB, Markdown soup), the action's edit is applied and the original text must survive in
// it: every character kept, in order (a subsequence). The only actions allowed to replace text
// are "Rename heading to '…'" (only the text of one heading line changes) and the front-matter
// typo fix "Change '<key>' to '…'" (only one value on one front-matter line changes). Fix-all
// must converge in one round: after applying it, fix-all on the result changes nothing.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type {
  CodeAction,
  CodeActionParams,
  Diagnostic,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseDesign } from '../../server/src/analysis/analyse';
import type { Analysis } from '../../server/src/model/analysis';
import { applyEdits } from '../../server/src/core/applyEdits';
import { codeActions, FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { diagnosticsFor } from '../../server/src/features/diagnostics';
import { arbitraryText, largeDesign, mutatedDesign } from '../fuzz/arbitraries';
import { Lines, Problems } from '../fuzz/checks';

const ROOT = path.join(__dirname, '..', '..');
const URI = 'file:///quick-fix-safety/design.mlsd.md';
const SEED = Number(process.env.MLSD_FUZZ_SEED ?? 6_2024);
const RUNS = Number(process.env.MLSD_QUICKFIX_RUNS ?? 150);

type Rules = Record<string, unknown> | undefined;

interface Design {
  name: string;
  text: string;
  /** Rule settings a rule scenario asks for (`<!-- settings: {…} -->`). */
  rules?: Rules;
}

interface Position {
  line: number;
  character: number;
}

const counts = { designs: 0, offered: 0, applied: 0, replacements: 0, fixAllRounds: 0 };

/** Every fixture design (test/fixtures/**\/*.md) and every file in examples/. */
function designFiles(): Design[] {
  const files: string[] = [];
  const fixtures = path.join(ROOT, 'test', 'fixtures');
  for (const entry of fs.readdirSync(fixtures, { recursive: true, encoding: 'utf8' })) {
    if (entry.endsWith('.md')) files.push(path.join('test', 'fixtures', entry));
  }
  for (const entry of fs.readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })) {
    if (entry.isFile()) files.push(path.join('examples', entry.name));
  }
  const designs: Design[] = [];
  for (const file of files.sort()) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const name = file.split(path.sep).join('/');
    designs.push({ name, text });
    const settings = /<!--\s*settings:\s*(\{.*\})\s*-->/.exec(text);
    if (settings) {
      designs.push({
        name: `${name} (with its settings)`,
        text,
        rules: JSON.parse(settings[1]) as Rules,
      });
    }
  }
  return designs;
}

/** Line and column (1-based) of an offset, counting \r\n, \r and \n as line breaks. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < offset) i++;
    if (code === 10 || code === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * The offset of the first character of `original` that `result` does not keep (in order), or -1
 * when `original` is a subsequence of `result`. Two pointers, linear time: taking the earliest
 * match each time keeps the longest prefix, so the first unmatched character is the one lost.
 */
function firstLost(original: string, result: string): number {
  let at = 0;
  for (let i = 0; i < result.length && at < original.length; i++) {
    if (result.charCodeAt(i) === original.charCodeAt(at)) at++;
  }
  return at === original.length ? -1 : at;
}

function show(text: string, at: number): string {
  return JSON.stringify(text.slice(Math.max(0, at - 20), at + 20));
}

/** The edits of a WorkspaceEdit, after checking they all belong to this document. */
function editsOf(edit: WorkspaceEdit | undefined, where: string): TextEdit[] {
  if (!edit) return [];
  const edits: TextEdit[] = [];
  for (const [uri, list] of Object.entries(edit.changes ?? {})) {
    assert.equal(uri, URI, `${where}: edits another document ${uri}`);
    edits.push(...list);
  }
  for (const change of edit.documentChanges ?? []) {
    assert.ok('textDocument' in change, `${where}: creates, renames or deletes a file`);
    assert.equal(change.textDocument.uri, URI, `${where}: edits another document`);
    for (const one of change.edits) {
      assert.ok(!('snippet' in one), `${where}: a snippet edit`);
      edits.push(one);
    }
  }
  return edits;
}

/** What a text edit covers, as offsets into the original text. */
function span(lines: Lines, edit: TextEdit): { start: number; end: number } {
  return { start: lines.offset(edit.range.start), end: lines.offset(edit.range.end) };
}

/** Actions allowed to replace text: what they replace, and where that must lie. */
function replacement(title: string): 'heading' | 'front matter value' | undefined {
  if (/^Rename heading to '/.test(title)) return 'heading';
  if (/^Change '[^']+' to '/.test(title)) return 'front matter value';
  return undefined;
}

// Container markers (quotes, list items) and indentation (a list item's content) before a heading.
const CONTAINERS = String.raw`(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*[ \t]*`;
const ATX = new RegExp(`^${CONTAINERS}#{1,6}(?:[ \\t]|$)`);
const SETEXT_UNDERLINE = new RegExp(`^${CONTAINERS}(?:=+|-+)[ \\t]*$`);

/** A line that is an ATX heading, or the text line of a setext heading (checked on its own). */
function looksLikeHeading(lines: Lines, line: number): boolean {
  const lineText = (n: number) =>
    lines.text.slice(lines.starts[n], lines.starts[n] + lines.lengths[n]);
  if (ATX.test(lineText(line))) return true;
  return line + 1 < lines.count && SETEXT_UNDERLINE.test(lineText(line + 1));
}

/**
 * Applies one action and checks it kept the text. Returns the new text, or undefined when the
 * action has no edit.
 */
function checkAction(
  design: Design,
  analysis: Analysis,
  lines: Lines,
  action: CodeAction,
): string | undefined {
  const where = `${design.name}: action '${action.title}'`;
  const edits = editsOf(action.edit, where);
  if (edits.length === 0) return undefined;
  // Inside the document, not overlapping (core/applyEdits would silently drop an overlap).
  const problems = new Problems(lines);
  problems.edits(where, edits);
  assert.deepEqual(problems.list, [], problems.list.join('\n'));

  const { text } = design;
  const result = applyEdits(text, edits);
  // The LSP library's applier must agree: the edits mean one thing.
  const reference = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 0, text), edits);
  assert.ok(result === reference, `${where}: core/applyEdits and TextDocument.applyEdits differ`);
  counts.applied++;

  const replaces = replacement(action.title);
  if (!replaces) {
    const lost = firstLost(text, result);
    if (lost >= 0) {
      assert.fail(
        `${where} loses text: ${JSON.stringify(text[lost])} at ${lineColumn(text, lost)} ` +
          `(around ${show(text, lost)}) is not kept`,
      );
    }
    return result;
  }

  // A replacement: one edit, one line, no line break added; the rest kept byte for byte.
  counts.replacements++;
  assert.equal(edits.length, 1, `${where}: a ${replaces} replacement with ${edits.length} edits`);
  const [edit] = edits;
  const { start, end } = span(lines, edit);
  assert.ok(
    edit.range.start.line === edit.range.end.line,
    `${where}: replaces lines ${edit.range.start.line + 1}-${edit.range.end.line + 1} ` +
      `(${JSON.stringify(text.slice(start, end))} becomes ${JSON.stringify(edit.newText)})`,
  );
  assert.ok(!/[\r\n]/.test(edit.newText), `${where}: the ${replaces} gains a line break`);
  const before = text.slice(0, start);
  const after = text.slice(end);
  assert.ok(
    result.length === before.length + edit.newText.length + after.length &&
      result.startsWith(before) &&
      result.endsWith(after),
    `${where}: changes text outside the replaced range`,
  );
  const line = edit.range.start.line;
  if (replaces === 'heading') {
    const heading = analysis.document.headings.find(
      (h) => h.range.start.line <= line && line <= h.range.end.line,
    );
    assert.ok(heading, `${where}: line ${line + 1} is not a heading line`);
    assert.ok(
      looksLikeHeading(lines, line),
      `${where}: line ${line + 1} does not look like a heading: ${show(text, start)}`,
    );
    // The markers (# …) stay: the range is the heading's text.
    assert.ok(
      start >= heading.textStart && end <= heading.textEnd,
      `${where}: replaces more than the heading's text`,
    );
  } else {
    const frontMatter = analysis.document.frontMatter;
    assert.ok(frontMatter, `${where}: no front matter`);
    assert.ok(
      start >= frontMatter.contentStart && end <= frontMatter.contentEnd,
      `${where}: replaces text outside the front matter's YAML`,
    );
  }
  return result;
}

/** Applies every action and checks each; dedupes identical actions (same title, same edits). */
function checkAll(
  design: Design,
  analysis: Analysis,
  lines: Lines,
  actions: CodeAction[],
  seen: Set<string>,
): void {
  for (const action of actions) {
    counts.offered++;
    const key = `${action.title}\u0000${JSON.stringify(action.edit ?? null)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    checkAction(design, analysis, lines, action);
  }
}

function ask(
  analysis: Analysis,
  range: { start: Position; end: Position },
  context: CodeActionParams['context'],
): CodeAction[] {
  return codeActions(analysis, URI, { textDocument: { uri: URI }, range, context });
}

function fixAll(analysis: Analysis, diagnostics: Diagnostic[]): CodeAction[] {
  const origin = { line: 0, character: 0 };
  return ask(analysis, { start: origin, end: origin }, { diagnostics, only: [FIX_ALL_KIND] });
}

/** Every action on one design, then fix-all twice (the second must change nothing). */
function checkDesign(design: Design): void {
  counts.designs++;
  const { text, rules } = design;
  const analysis = analyseDesign(text, { rules });
  const lines = new Lines(text);
  const diagnostics = diagnosticsFor(analysis);
  const seen = new Set<string>();

  // As a client asks: one diagnostic under the cursor at a time.
  for (const diagnostic of diagnostics) {
    checkAll(
      design,
      analysis,
      lines,
      ask(analysis, diagnostic.range, { diagnostics: [diagnostic] }),
      seen,
    );
  }
  // Refactorings: at every heading line and a few other places, with no diagnostics.
  const positions: Position[] = [
    { line: 0, character: 0 },
    { line: lines.count - 1, character: lines.lengths[lines.count - 1] },
    { line: lines.count + 3, character: 1_000 },
  ];
  for (const heading of analysis.document.headings) {
    positions.push(heading.range.start, heading.textRange.end);
  }
  for (const position of positions) {
    checkAll(
      design,
      analysis,
      lines,
      ask(analysis, { start: position, end: position }, { diagnostics: [] }),
      seen,
    );
  }

  // Fix-all: safe, and done in one round.
  const first = fixAll(analysis, diagnostics);
  assert.ok(first.length <= 1, `${design.name}: ${first.length} fix-all actions`);
  if (first.length === 0) return;
  counts.offered++;
  const fixed = checkAction(design, analysis, lines, first[0]);
  counts.fixAllRounds++;
  if (fixed === undefined) return;
  const again = analyseDesign(fixed, { rules });
  const second = fixAll(again, diagnosticsFor(again));
  counts.fixAllRounds++;
  const fixedDesign = { name: `${design.name} after fix-all`, text: fixed, rules };
  for (const action of second) {
    counts.offered++;
    const twice: string = checkAction(fixedDesign, again, new Lines(fixed), action) ?? fixed;
    assert.ok(
      twice === fixed,
      `${design.name}: fix-all is not idempotent: after '${first[0].title}', fix-all offers ` +
        `'${action.title}' (missing after the first round: ` +
        `${again.steps
          .filter((s) => !s.section)
          .map((s) => s.step.id)
          .join(', ')})`,
    );
  }
}

describe('quick fixes never lose text', function () {
  this.timeout(120_000);
  let stackTraceLimit: number;
  before(() => {
    // As in fuzz.test.ts: mocha's unlimited stack traces make hostile YAML very slow.
    stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 10;
  });
  after(() => {
    Error.stackTraceLimit = stackTraceLimit;
    console.log(
      `      quick-fix safety: ${counts.designs} designs checked, ${counts.applied} actions ` +
        `applied (${counts.offered} offered, ${counts.replacements} of them replacing a heading ` +
        `or a front-matter value), ${counts.fixAllRounds} fix-all rounds (seed ${SEED})`,
    );
  });

  it('the subsequence check finds the first lost character', () => {
    assert.equal(firstLost('abc', 'xaybzc'), -1);
    assert.equal(firstLost('', ''), -1);
    assert.equal(firstLost('abc', 'acb'), 2);
    assert.equal(firstLost('aab', 'ab'), 1);
    assert.equal(lineColumn('a\r\nb\rc\nd', 7), 'line 4, column 1');
  });

  it('every fixture design and example', () => {
    const designs = designFiles();
    assert.ok(designs.length >= 70, `only ${designs.length} designs found`);
    const before = counts.replacements;
    for (const design of designs) checkDesign(design);
    assert.ok(counts.replacements > before, 'no heading rename or front-matter fix was checked');
  });

  it(`mutated fixture designs (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(mutatedDesign(), (design) => checkDesign(design)),
      { seed: SEED + 31, numRuns: RUNS },
    );
  });

  it(`Markdown soup and arbitrary text (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(arbitraryText, (text) => checkDesign({ name: 'arbitrary text', text })),
      { seed: SEED + 32, numRuns: RUNS },
    );
  });

  it('large designs: fixtures joined up to 100 KB, mutated (10 cases)', () => {
    fc.assert(
      fc.property(largeDesign(), (design) => checkDesign(design)),
      { seed: SEED + 33, numRuns: 10 },
    );
  });

  // The smallest inputs the properties above have found breaking a rule: kept as named cases.
  const reproductions: [string, string][] = [
    [
      'renaming a setext heading whose text spans two lines',
      'Notes\nClarifying requirements\n---\n',
    ],
    [
      'changing a front-matter value written over two lines',
      '---\nlevel: senior\n  or staff\n---\n',
    ],
    ['fix-all on a document of blank lines', '\n'],
    ['fix-all after an unclosed code fence', '```\n'],
    ['fix-all after an unclosed HTML comment', '<!--\n'],
    [
      'fix-all before a setext step heading with no blank line above it',
      '## 5. Evaluation\nFraming the problem\n---\n',
    ],
  ];
  for (const [name, text] of reproductions) {
    it(`reproduction: ${name}`, () => checkDesign({ name: JSON.stringify(text), text }));
  }
});
