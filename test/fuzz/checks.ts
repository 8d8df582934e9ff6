// What must hold for any input, shared by the property tests (test/unit/fuzz.test.ts) and
// `npm run fuzz` (scripts/fuzz.ts): the analysis never throws and stays within its time budget,
// and every range the checker or an editor feature returns lies inside the document. Lines are
// counted here independently of the checker's own LineIndex (split on \r\n, \r and \n, as LSP
// says), so a bug there cannot hide itself.
import type { CodeActionParams, Diagnostic, DocumentSymbol } from 'vscode-languageserver';
import { Analyzer } from '../../server/src/analysis/analyse';
import type { Analysis } from '../../server/src/model/analysis';
import { documentBlocks } from '../helpers/analyse';
import { applyEdits } from '../../server/src/core/applyEdits';
import { builtInRegistry } from '../../server/src/framework/registry';
import { codeActions, FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { codeLenses } from '../../server/src/features/codeLens';
import { completions } from '../../server/src/features/completion';
import { coverageOf } from '../../server/src/features/coverageSummary';
import { diagnosticsFor } from '../../server/src/features/diagnostics';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { insertMissingStepsEdits } from '../../server/src/features/insertMissingSteps';

/** Inputs up to this size must be analysed within `BUDGET_MS`. */
export const BUDGET_BYTES = 100 * 1024;
export const BUDGET_MS = 1000;
/**
 * A case over `BUDGET_MS` is a hang only if it also takes this many times as long as a reference
 * text of the same length analysed at the same moment (`referenceText`): one paragraph of short
 * lines, the slowest shape whose cost is known to grow linearly (it never leaves remark). A busy machine slows both
 * alike; a super-linear case outgrows the reference, the more so the longer it is.
 */
export const HANG_RATIO = 4;

export const URI = 'file:///fuzz/case.mlsd.md';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Edit {
  range: Range;
  newText: string;
}

/** The document's lines as LSP counts them. */
export class Lines {
  readonly lengths: number[];
  readonly starts: number[];

  constructor(readonly text: string) {
    this.lengths = [];
    this.starts = [0];
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      this.lengths.push(i - lineStart);
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
      this.starts.push(lineStart);
    }
    this.lengths.push(text.length - lineStart);
  }

  get count(): number {
    return this.lengths.length;
  }

  offset(position: Position): number {
    return this.starts[position.line] + position.character;
  }
}

/** Collects every way a result breaks the rules, with where it came from. */
export class Problems {
  readonly list: string[] = [];

  constructor(readonly lines: Lines) {}

  add(message: string): void {
    if (this.list.length < 50) this.list.push(message);
  }

  position(where: string, position: Position | undefined): boolean {
    const ok =
      position !== undefined &&
      Number.isInteger(position.line) &&
      Number.isInteger(position.character) &&
      position.line >= 0 &&
      position.line < this.lines.count &&
      position.character >= 0 &&
      position.character <= this.lines.lengths[position.line];
    if (!ok) {
      this.add(
        `${where}: position ${JSON.stringify(position)} is outside the document (${this.lines.count} lines${
          position && position.line >= 0 && position.line < this.lines.count
            ? `, line ${position.line} has ${this.lines.lengths[position.line]} characters`
            : ''
        })`,
      );
    }
    return ok;
  }

  range(where: string, range: Range | undefined): boolean {
    if (!range) {
      this.add(`${where}: no range`);
      return false;
    }
    const ok =
      this.position(`${where} start`, range.start) && this.position(`${where} end`, range.end);
    if (ok && this.lines.offset(range.start) > this.lines.offset(range.end)) {
      this.add(`${where}: range ${JSON.stringify(range)} ends before it starts`);
      return false;
    }
    return ok;
  }

  offsets(where: string, start: number, end: number): void {
    if (!(
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      0 <= start &&
      start <= end &&
      end <= this.lines.text.length
    )) {
      this.add(`${where}: offsets ${start}..${end} outside 0..${this.lines.text.length}`);
    }
  }

  /** Edits of one change: inside the document and not overlapping (VS Code rejects overlaps). */
  edits(where: string, edits: readonly Edit[] | undefined): void {
    if (!edits) return;
    const spans: [number, number][] = [];
    edits.forEach((edit, i) => {
      if (this.range(`${where} edit ${i}`, edit.range)) {
        spans.push([this.lines.offset(edit.range.start), this.lines.offset(edit.range.end)]);
      }
      if (typeof edit.newText !== 'string') this.add(`${where} edit ${i}: newText is not text`);
    });
    spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i][0] < spans[i - 1][1]) this.add(`${where}: edits overlap`);
    }
  }
}

/**
 * Analyses with an empty cache (the cold, worst case) and says how long it took: the smaller of
 * the wall-clock time and the process's CPU time, since a machine busy with other work stretches
 * the first and not the second, while a hang drives both up.
 */
export function timedAnalysis(text: string): { analysis: Analysis; ms: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const analysis = new Analyzer().analyse(text);
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  return { analysis, ms: Math.min(wall, (used.user + used.system) / 1000) };
}

/**
 * Times an analysis; when a case within the size budget takes longer than the time budget it is
 * measured once more and the faster run counts (a garbage collection or a busy machine is not a
 * hang; a hang is slow both times).
 */
export function measuredAnalysis(text: string): {
  analysis: Analysis;
  ms: number;
  referenceMs?: number;
} {
  const first = timedAnalysis(text);
  if (first.ms <= BUDGET_MS || text.length > BUDGET_BYTES) return first;
  const second = timedAnalysis(text);
  const slower = second.ms < first.ms ? second : first;
  return { ...slower, referenceMs: timedAnalysis(referenceText(text.length)).ms };
}

/**
 * One paragraph of three-character lines, `length` characters long: the reference a slow case is
 * held to. micromark's cost follows the line count as much as the characters, so the reference
 * packs in as many lines as a paragraph of words can hold.
 */
export function referenceText(length: number): string {
  const line = 'a b\n';
  return line.repeat(Math.ceil(length / line.length)).slice(0, length);
}

/** Every range the analysis holds lies inside the document; every offset inside the text. */
export function checkAnalysis(analysis: Analysis, problems: Problems): void {
  const { document } = analysis;
  const text = problems.lines.text;
  if (document.text !== text) problems.add('document.text is not the analysed text');
  if (document.lines.lineCount !== problems.lines.count) {
    problems.add(`LineIndex counts ${document.lines.lineCount} lines, LSP ${problems.lines.count}`);
  }
  analysis.findings.forEach((finding, i) => {
    const where = `finding ${i} ${finding.rule.id}`;
    problems.range(where, finding.range);
    if (typeof finding.message !== 'string' || finding.message === '') {
      problems.add(`${where}: empty message`);
    }
    for (const fix of finding.fixes ?? []) problems.edits(`${where} fix '${fix.title}'`, fix.edits);
  });
  for (const failure of analysis.ruleFailures) problems.add(`rule failed: ${failure}`);
  document.headings.forEach((heading, i) => {
    problems.range(`heading ${i} range`, heading.range);
    problems.range(`heading ${i} textRange`, heading.textRange);
    problems.offsets(`heading ${i}`, heading.start, heading.end);
    problems.offsets(`heading ${i} text`, heading.textStart, heading.textEnd);
  });
  for (const section of document.steps) {
    problems.range(`section ${section.stepId}`, section.range);
    for (const span of section.spans)
      problems.offsets(`section ${section.stepId} span`, span.start, span.end);
  }
  for (const extra of document.extraSections)
    problems.offsets('extra section', extra.start, extra.end);
  if (document.frontMatter) problems.range('front matter', document.frontMatter.range);
  for (const block of documentBlocks(analysis))
    problems.offsets(`${block.kind} block`, block.start, block.end);
  for (const comment of document.comments) problems.offsets('comment', comment.start, comment.end);
  for (const report of analysis.steps) {
    for (const topic of report.topics) {
      if (topic.evidence) {
        problems.offsets(`evidence of ${topic.topic.id}`, topic.evidence.start, topic.evidence.end);
      }
    }
  }
  for (const p of analysis.settingsProblems)
    problems.add(`settings problem with no settings: ${p}`);
}

/** Positions to probe: in the document, at line ends, and past the end (clients send those too). */
export function probePositions(lines: Lines, seeds: readonly [number, number][]): Position[] {
  const positions: Position[] = [{ line: 0, character: 0 }];
  const last = lines.count - 1;
  positions.push({ line: last, character: lines.lengths[last] });
  for (const [a, b] of seeds) {
    const line = a % lines.count;
    positions.push({ line, character: b % (lines.lengths[line] + 1) });
  }
  return positions;
}

function symbolRanges(symbols: DocumentSymbol[], problems: Problems, path: string): void {
  symbols.forEach((symbol, i) => {
    const where = `${path}/${i} '${symbol.name.slice(0, 40)}'`;
    const range = problems.range(`symbol ${where} range`, symbol.range);
    const selection = problems.range(`symbol ${where} selectionRange`, symbol.selectionRange);
    if (range && selection) {
      const lines = problems.lines;
      const contains =
        lines.offset(symbol.range.start) <= lines.offset(symbol.selectionRange.start) &&
        lines.offset(symbol.selectionRange.end) <= lines.offset(symbol.range.end);
      // VS Code throws "selectionRange must be contained in fullRange" and drops the outline.
      if (!contains) problems.add(`symbol ${where}: selectionRange is not inside range`);
    }
    if (typeof symbol.name !== 'string' || symbol.name.trim() === '') {
      problems.add(`symbol ${where}: empty name (VS Code rejects it)`);
    }
    symbolRanges(symbol.children ?? [], problems, where);
  });
}

/**
 * Runs every editor feature over the analysis and checks what it returns: code actions for every
 * finding (and the refactorings and fix-all), completion and hover at the given positions, the
 * outline, folding, lenses, coverage and insert-missing-steps.
 */
export function checkProviders(
  analysis: Analysis,
  problems: Problems,
  positions: readonly Position[],
): void {
  const registry = builtInRegistry();
  const diagnostics: Diagnostic[] = diagnosticsFor(analysis);
  diagnostics.forEach((d, i) => problems.range(`diagnostic ${i}`, d.range));
  const ask = (range: Range, context: CodeActionParams['context']) =>
    codeActions(analysis, URI, { textDocument: { uri: URI }, range, context });
  const checkActions = (where: string, actions: ReturnType<typeof codeActions>) => {
    for (const action of actions) {
      const changes = action.edit?.changes ?? {};
      for (const [uri, edits] of Object.entries(changes)) {
        if (uri !== URI) problems.add(`${where} '${action.title}': edits another document ${uri}`);
        problems.edits(`${where} '${action.title}'`, edits);
      }
    }
  };
  // Every diagnostic's actions, or an even sample of 200 (the client asks for those under the
  // cursor; 20,000 placeholders would otherwise make this check the slow part).
  const step = Math.max(1, Math.ceil(diagnostics.length / 200));
  diagnostics.forEach((diagnostic, i) => {
    if (i % step !== 0) return;
    checkActions(
      `code actions of diagnostic ${i} ${String(diagnostic.code)}`,
      ask(diagnostic.range, { diagnostics: [diagnostic] }),
    );
  });
  for (const position of positions) {
    const range = { start: position, end: position };
    checkActions('code actions at a position', ask(range, { diagnostics: [] }));
    const items = completions(analysis, registry, position, true);
    for (const item of items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) problems.range(`completion '${item.label}'`, edit.range);
      for (const extra of item.additionalTextEdits ?? [])
        problems.range(`completion '${item.label}' extra edit`, extra.range);
    }
    const answer = hover(analysis, position);
    if (answer?.range) problems.range('hover', answer.range);
  }
  // Clients send positions past the end while a document changes: no throw, and no answer there.
  const past = { line: problems.lines.count + 5, character: 1_000_000 };
  completions(analysis, registry, past, true);
  hover(analysis, past);
  ask({ start: past, end: past }, { diagnostics: [] });
  checkActions(
    'fix-all',
    ask(
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics, only: [FIX_ALL_KIND] },
    ),
  );

  symbolRanges(documentSymbols(analysis), problems, 'outline');
  for (const fold of foldingRanges(analysis)) {
    if (!(
      fold.startLine >= 0 &&
      fold.startLine <= fold.endLine &&
      fold.endLine < problems.lines.count
    )) {
      problems.add(
        `folding range ${fold.startLine}..${fold.endLine} outside ${problems.lines.count} lines`,
      );
    }
  }
  for (const lens of codeLenses(analysis))
    problems.range(`code lens '${lens.command?.title}'`, lens.range);
  const coverage = coverageOf(analysis);
  for (const step of coverage.steps) {
    for (const line of [step.line, step.insertLine]) {
      if (line !== undefined && !(line >= 0 && line < problems.lines.count)) {
        problems.add(`coverage of ${step.id}: line ${line} outside ${problems.lines.count} lines`);
      }
    }
  }
  const { edits } = insertMissingStepsEdits(analysis);
  problems.edits('insert missing steps', edits);
  applyEdits(problems.lines.text, edits);
}

export interface CaseResult {
  ms: number;
  /** For a case over the time budget: how long the reference text of its length took then. */
  referenceMs?: number;
  bytes: number;
  /** The exception the analysis or a feature threw, if any. */
  crash?: string;
  problems: string[];
}

/** Checks one input end to end: analysis (timed), its ranges, and every editor feature. */
export function checkCase(
  text: string,
  seeds: readonly [number, number][] = [],
  providers = true,
): CaseResult {
  const lines = new Lines(text);
  const problems = new Problems(lines);
  let ms = 0;
  let referenceMs: number | undefined;
  try {
    const measured = measuredAnalysis(text);
    ms = measured.ms;
    referenceMs = measured.referenceMs;
    checkAnalysis(measured.analysis, problems);
    if (providers) checkProviders(measured.analysis, problems, probePositions(lines, seeds));
  } catch (error) {
    return {
      ms,
      bytes: text.length,
      crash: (error as Error)?.stack ?? String(error),
      problems: problems.list,
    };
  }
  return { ms, referenceMs, bytes: text.length, problems: problems.list };
}

/** A one-line summary of a failed case, for assertion messages and the fuzz report. */
export function describeFailure(result: CaseResult): string {
  if (result.crash) return `threw: ${result.crash.split('\n').slice(0, 6).join('\n    ')}`;
  if (result.problems.length > 0) return result.problems.slice(0, 5).join('\n    ');
  const reference =
    result.referenceMs === undefined
      ? ''
      : `, ${(result.ms / result.referenceMs).toFixed(1)}x the ${result.referenceMs.toFixed(0)} ms ` +
        `of a plain paragraph as long (a hang is over ${HANG_RATIO}x)`;
  return (
    `took ${result.ms.toFixed(0)} ms for ${result.bytes} characters ` +
    `(budget ${BUDGET_MS} ms${reference})`
  );
}

/**
 * Over the time budget twice and over `HANG_RATIO` times the reference text measured just after:
 * a case slow only because the machine is busy stays under the ratio.
 */
export function isHang(result: CaseResult): boolean {
  return (
    result.bytes <= BUDGET_BYTES &&
    result.ms > BUDGET_MS &&
    (result.referenceMs === undefined || result.ms > HANG_RATIO * result.referenceMs)
  );
}
