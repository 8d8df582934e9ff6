// Incremental analysis: the text is split into parts at top-level heading lines (parse/parts.ts);
// each part is parsed and measured on its own and cached by content, with offsets relative to the
// part; a document is then assembled from its parts by shifting offsets. A keystroke changes one
// part, so only that part is parsed again. Everything here must give exactly what the full analysis
// (analyse.ts, `fullAnalysis`) gives: test/unit/incremental.test.ts checks that over random edits.
import type { Root, Nodes } from 'mdast';
import { defineLazy } from '../core/lazy';
import { LineIndex, type Range } from '../core/text';
import type { Token } from '../core/tokens';
import type {
  CompiledCue,
  CompiledFramework,
  CompiledProblem,
  CompiledTopic,
} from '../framework/compile';
import type { FrameworkRegistry } from '../framework/registry';
import type { DesignDocument, Heading, ProseBlock, StepSection } from '../parse/model';
import { fastParsePart } from '../parse/fastParse';
import { parseDesignTree } from '../parse/parseDesign';
import { PartScanner } from '../parse/parts';
import { assignSections } from '../parse/sections';
import type { StepReport } from './analyse';
import {
  addScriptWeights,
  blockWords,
  countQuestions,
  inflectionFreePrefix,
  mainOf,
  TemplateText,
  tokenMatches,
  topicsOf,
  uncoveredStatus,
  type Script,
  type TopicCoverage,
} from './coverage';
import { findPlaceholders, type Placeholder } from './placeholders';

/** What analysis builds before the rules run. */
export interface DesignModel {
  document: DesignDocument;
  framework: CompiledFramework;
  problem?: CompiledProblem;
  steps: StepReport[];
  placeholders: Placeholder[];
}

type ResolveFramework = (values: Record<string, unknown> | undefined) => CompiledFramework;

/** One parsed part, offsets relative to its start. Immutable once built, shared between documents. */
interface PartEntry {
  /** The part's text (a copy, so the cache does not keep whole old document strings alive). */
  readonly text: string;
  readonly framework: CompiledFramework;
  /** The part parsed as a document of its own. */
  readonly document: DesignDocument;
  /** Ends inside a fenced code block or HTML block that the next heading line would continue. */
  readonly open: boolean;
  /** Holds a link reference definition (these reach across parts). */
  readonly definitions: boolean;
  /** Front matter the parser did not read as front matter (no closing fence): it runs to the end. */
  readonly looseFrontMatter: boolean;
  readonly placeholders: Placeholder[];
  readonly template: TemplateText;
  readonly blockStarts: number[];
  /** wordsBefore[i]: substantive words of blocks 0..i-1 (headings and bare labels count none). */
  readonly wordsBefore: number[];
  /** Indices of heading blocks. */
  readonly headingBlocks: number[];
  readonly slices: Map<string, Slice>;
  /**
   * The prose blocks with their tokens, kept out of `document` and dropped after each analysis:
   * they are most of a part's memory and are needed again only when a part lands in another step
   * or a new topic is looked for (the part is then parsed again, as it was the first time).
   */
  blocks?: ProseBlock[];
  /** Parsed by the fast parser (else by remark). */
  readonly fast: boolean;
  readonly bytes: number;
  /**
   * Its headings' range and textRange moved down by `line` lines, as the last document that held
   * the part placed them: the next document usually places it at the same line.
   */
  placedRanges?: { line: number; ranges: Range[] };
}

/** A stretch of a part's blocks that belongs to a step, with what coverage needs of it. */
interface Slice {
  lo: number;
  hi: number;
  /** Blocks left out of topic search: the step's own headings. */
  excluded: number[];
  scripts: Map<Script, number>;
  questions: number;
  firstQuestion?: { start: number; end: number };
  /** Per topic: [cue index, start, end] of the first match of each cue that matches. */
  topics: Map<CompiledTopic, number[]>;
  /** The slice's words indexed for cue search, dropped with the part's tokens. */
  index?: CueIndex;
}

// Most slices hold no words of most topics. Shared empty values (never written to) keep the
// many cached parts small.
const NO_MATCHES: number[] = [];
const NONE: never[] = [];
const NO_STEPS = new Map<string, StepSection>();

function blocksOf(entry: PartEntry): ProseBlock[] {
  entry.blocks ??= (
    entry.fast
      ? fastParsePart(entry.text, entry.framework)!
      : parseDesignTree(entry.text, () => entry.framework).document
  ).blocks;
  return entry.blocks;
}

function dropBlocks(entry: PartEntry): void {
  if (!entry.blocks) return;
  entry.blocks = undefined;
  for (const slice of entry.slices.values()) slice.index = undefined;
}

/**
 * Parsed parts by content, least recently used dropped first once their estimated size passes
 * `maxBytes`. One cache serves every document (identical parts are shared).
 */
export class PartCache {
  private readonly entries = new Map<string, PartEntry>();
  private total = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  get(text: string, framework: CompiledFramework | undefined): PartEntry | undefined {
    const entry = this.entries.get(text);
    if (!entry || (framework && entry.framework !== framework)) return undefined;
    this.entries.delete(entry.text);
    this.entries.set(entry.text, entry);
    return entry;
  }

  add(entry: PartEntry): void {
    const old = this.entries.get(entry.text);
    if (old) {
      this.total -= old.bytes;
      this.entries.delete(entry.text);
    }
    this.entries.set(entry.text, entry);
    this.total += entry.bytes;
    for (const [key, oldest] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(key);
      this.total -= oldest.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}

let shared: PartCache | undefined;

/** The cache the language server and the CLI share by default. */
export function sharedPartCache(): PartCache {
  shared ??= new PartCache();
  return shared;
}

// Rough memory a part costs per character of text once parsed (tokens, blocks, line index); used
// only to bound the cache.
const BYTES_PER_CHAR = 8;

/** A copy of a (possibly sliced) string that does not share the original's memory. */
function detach(text: string): string {
  // Slicing a fresh concatenation copies just this text (and keeps one byte per character when
  // the text allows it, which a round trip through UTF-16 would not).
  return text.length < 16 ? text : (' ' + text).slice(1);
}

function buildPart(
  text: string,
  resolveFramework: ResolveFramework,
  known: CompiledFramework | undefined,
  useFastParser: boolean,
): PartEntry {
  const own = detach(text);
  // After the first part (which holds the front matter) the framework is known, and plain parts
  // need no Markdown tree. A first part that starts with a heading has no front matter, so its
  // framework is the default one.
  const plainFramework =
    known ?? (own.charCodeAt(0) === 35 /* # */ ? resolveFramework(undefined) : undefined);
  const fast = plainFramework && useFastParser ? fastParsePart(own, plainFramework) : undefined;
  if (fast) return measurePart(own, fast, plainFramework!, true, false, false, false);
  let framework: CompiledFramework | undefined;
  const { document, tree } = parseDesignTree(own, (values) => {
    framework = known ?? resolveFramework(values);
    return framework;
  });
  return measurePart(
    own,
    document,
    framework!,
    false,
    endsOpen(own, tree),
    own.includes(']:') && hasDefinition(tree),
    !known && Boolean(document.frontMatter) && !tree.children.some((n) => n.type === 'yaml'),
  );
}

function measurePart(
  own: string,
  document: DesignDocument,
  framework: CompiledFramework,
  fast: boolean,
  open: boolean,
  definitions: boolean,
  looseFrontMatter: boolean,
): PartEntry {
  const placeholders = findPlaceholders(document, framework.placeholders);
  const template = new TemplateText(document, placeholders);
  const blockStarts: number[] = [];
  const wordsBefore = [0];
  const headingBlocks: number[] = [];
  const blocks = document.blocks;
  blocks.forEach((block, i) => {
    blockStarts.push(block.start);
    wordsBefore.push(wordsBefore[i] + blockWords(block, template));
    if (block.kind === 'heading') headingBlocks.push(i);
  });
  // The part's own sections are not used; drop them so the cache holds less (many parts are cached).
  document.blocks = NONE;
  document.steps = NONE;
  document.stepById = NO_STEPS;
  document.extraSections = NONE;
  if (document.nonProse.length === 0) document.nonProse = NONE;
  if (document.comments.length === 0) document.comments = NONE;
  return {
    text: own,
    framework,
    document,
    open,
    definitions,
    looseFrontMatter,
    placeholders,
    template,
    blockStarts,
    wordsBefore,
    headingBlocks,
    slices: new Map(),
    blocks,
    fast,
    bytes: own.length * BYTES_PER_CHAR + 512,
  };
}

function hasDefinition(node: Nodes): boolean {
  if (node.type === 'definition') return true;
  return 'children' in node && node.children.some((child) => hasDefinition(child as Nodes));
}

/**
 * Whether the text ends inside a fenced code block or an HTML block, at any depth: a heading line
 * after it might then belong to that block. (Inside a list or quote it would not, but saying so
 * costs only a larger part.)
 */
function endsOpen(text: string, tree: Root): boolean {
  let node: Nodes | undefined = tree.children[tree.children.length - 1];
  while (node) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return true;
    if (node.type === 'code') return !closedFence(text, start, end);
    if (node.type === 'html') return !closedHtml(text, start, end);
    node =
      'children' in node && node.children.length > 0
        ? (node.children[node.children.length - 1] as Nodes)
        : undefined;
  }
  return false;
}

// Offsets from mdast skip a leading byte-order mark; the part's text keeps it.
function source(text: string, start: number, end: number): string {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return text.slice(start + bom, end + bom);
}

function closedFence(text: string, start: number, end: number): boolean {
  const code = source(text, start, end);
  const open = /^[ \t]*(`{3,}|~{3,})/.exec(code);
  if (!open) return true; // indented code: a line at the margin ends it
  const lines = code.split(/\r\n|\r|\n/);
  if (lines.length < 2) return false;
  const close = /^ {0,3}(`+|~+)[ \t]*$/.exec(lines[lines.length - 1]);
  return Boolean(close && close[1][0] === open[1][0] && close[1].length >= open[1].length);
}

function closedHtml(text: string, start: number, end: number): boolean {
  const html = source(text, start, end);
  const lines = html.split(/\r\n|\r|\n/);
  const firstLine = lines[0].replace(/^[ \t]+/, '');
  const last = lines[lines.length - 1];
  const after = (marker: string, skip: number) =>
    lines.length > 1 ? last.includes(marker) : firstLine.slice(skip).includes(marker);
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(firstLine)) {
    return lines.length > 1
      ? /<\/(?:script|pre|style|textarea)>/i.test(last)
      : /<\/(?:script|pre|style|textarea)>/i.test(firstLine.slice(2));
  }
  if (firstLine.startsWith('<!--')) return after('-->', 4);
  if (firstLine.startsWith('<?')) return after('?>', 2);
  if (firstLine.startsWith('<![CDATA[')) return after(']]>', 9);
  if (/^<![A-Za-z]/.test(firstLine)) return after('>', 2);
  // Blocks of kinds 6 and 7 end at a blank line.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return /^(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/.test(text.slice(end + bom));
}

interface Part {
  start: number;
  /** First line of the part in the document. */
  line: number;
  entry: PartEntry;
}

/** How the last analysis of a document split it: lets the next one skip what did not change. */
export interface Layout {
  text: string;
  parts: { start: number; entry: PartEntry }[];
  /** Its topic coverage, reused for the steps whose slices an edit leaves as they were. */
  coverage: CoverageMemo;
  /** Parts built for it and not yet in the cache: they go in if the next analysis keeps them. */
  pending: PartEntry[];
}

const layouts = new WeakMap<DesignDocument, Layout>();

/** The layout an incremental analysis built `document` from, if it was built so. */
export function layoutOf(document: DesignDocument): Layout | undefined {
  return layouts.get(document);
}

export interface IncrementalOptions {
  /** False to split inside fences and HTML blocks too (tests: the parts must be joined back). */
  trackBlocks?: boolean;
  /** False to parse every part with remark (tests). */
  fastParser?: boolean;
  /** The previous analysis of the same document: its parts are reused where the text is the same. */
  previous?: Layout;
}

/**
 * The model of `text` built from cached parts, or undefined when the text must be analysed whole
 * (link reference definitions, a front matter with no end).
 */
export function buildIncremental(
  text: string,
  registry: FrameworkRegistry,
  cache: PartCache,
  options: IncrementalOptions = {},
): DesignModel | undefined {
  const { trackBlocks = true, fastParser = true, previous } = options;
  const resolve: ResolveFramework = (values) => {
    const id = typeof values?.framework === 'string' ? values.framework : undefined;
    return registry.framework(id) ?? registry.defaultFramework;
  };

  // Parts of the previous text that are still there: those before the edit keep their offsets,
  // those after it move by the length the edit added. The text is scanned again only from the
  // last unchanged part before the edit until the scan meets an unchanged part after it.
  const old = previous?.parts ?? [];
  let first = 0;
  while (first < old.length && sameAt(text, old[first].entry.text, old[first].start)) first++;
  const reused = Math.max(0, first - 1);
  const delta = text.length - (previous?.text.length ?? 0);
  const resume = new Map<number, number>();
  for (let j = old.length - 1; j > reused; j--) {
    const start = old[j].start + delta;
    if (start <= old[reused].start || !sameAt(text, old[j].entry.text, start)) break;
    resume.set(start, j);
  }

  const parts: Part[] = [];
  let framework: CompiledFramework | undefined;
  for (let i = 0; i < reused; i++) {
    parts.push({ start: old[i].start, line: 0, entry: old[i].entry });
    framework ??= old[i].entry.framework;
  }
  const scanFrom = reused > 0 ? old[reused].start : 0;
  const scanner = new PartScanner(text, scanFrom, trackBlocks);
  if (scanner.whole) return undefined;

  // A part typed into is built again on every keystroke. Caching each version would keep them all
  // alive (and make every garbage collection copy them) though none is used again: a part built
  // during an edit joins the cache only when the next analysis still has it, that is once the
  // typing has moved elsewhere. Parts of a document's first analysis join at once (another
  // document, or the same one opened again, may share them).
  const pending: PartEntry[] = [];
  const lookup = (slice: string, isFirst: boolean): PartEntry => {
    let entry = cache.get(slice, framework);
    if (entry && isFirst && entry.framework !== resolve(entry.document.frontMatter?.values)) {
      entry = undefined;
    }
    if (!entry) {
      entry = buildPart(slice, resolve, isFirst ? undefined : framework, fastParser);
      if (previous) pending.push(entry);
      else cache.add(entry);
    }
    return entry;
  };
  let start = scanFrom;
  let next = scanner.next();
  while (start >= 0) {
    const j = resume.get(start);
    if (j !== undefined && old[j].entry.framework === framework) {
      // The rest of the text is the rest of the previous one.
      for (let k = j; k < old.length; k++) {
        parts.push({ start: old[k].start + delta, line: 0, entry: old[k].entry });
      }
      break;
    }
    const isFirst = start === 0;
    let entry = lookup(text.slice(start, next < 0 ? text.length : next), isFirst);
    while (entry.open && next >= 0) {
      next = scanner.next();
      entry = lookup(text.slice(start, next < 0 ? text.length : next), isFirst);
    }
    if (entry.definitions || entry.looseFrontMatter) return undefined;
    framework ??= entry.framework;
    parts.push({ start, line: 0, entry });
    start = next;
    next = start < 0 ? -1 : scanner.next();
  }
  // One part is assembled like many: it may have come from the cache or the fast parser.
  framework = parts[0].entry.framework;
  for (const entry of previous?.pending ?? NONE) {
    if (parts.some((part) => part.entry === entry)) cache.add(entry);
  }

  const document = assemble(text, parts, framework);
  const problemId = document.frontMatter?.values?.problem;
  const problem =
    typeof problemId === 'string' ? registry.problems.get(problemId.trim()) : undefined;

  const placeholders: Placeholder[] = [];
  for (const { start, line, entry } of parts) {
    for (const p of entry.placeholders) {
      placeholders.push({
        start: p.start + start,
        end: p.end + start,
        line: p.line + line,
        text: p.text,
      });
    }
  }

  const coverage = new Coverage(document, parts, previous?.coverage);
  const steps: StepReport[] = framework.steps.map((step) => {
    const section = document.stepById.get(step.id);
    return {
      step,
      section,
      topics: coverage.topics(section, topicsOf(step, problem)),
      words: section ? coverage.words(section) : 0,
    };
  });
  // A section's blocks come from its own parts, not from the whole document's.
  for (const section of document.steps) {
    defineLazy(section, 'blocks', () => coverage.blocksOf(section));
  }
  // Tokens are most of a part's memory and a larger heap makes every garbage collection slower;
  // they are read again from the pieces when a part lands in another step.
  for (const part of parts) dropBlocks(part.entry);
  layouts.set(document, {
    text,
    parts: parts.map(({ start, entry }) => ({ start, entry })),
    coverage: coverage.memo,
    pending: pending.filter((entry) => parts.some((part) => part.entry === entry)),
  });
  return { document, framework, problem, steps, placeholders };
}

/** Whether `part` is in `text` at `at` (a string comparison V8 does with memcmp). */
function sameAt(text: string, part: string, at: number): boolean {
  return at + part.length <= text.length && text.slice(at, at + part.length) === part;
}

function shiftRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/**
 * The part's heading ranges moved down `line` lines: made once per place, and shared by the
 * documents that hold the part there (ranges are never changed once made).
 */
function placedRanges(entry: PartEntry, line: number): Range[] {
  if (entry.placedRanges?.line !== line) {
    const ranges: Range[] = [];
    for (const h of entry.document.headings) {
      ranges.push(shiftRange(h.range, line), shiftRange(h.textRange, line));
    }
    entry.placedRanges = { line, ranges };
  }
  return entry.placedRanges.ranges;
}

/** The document model of the whole text, from its parts. */
function assemble(text: string, parts: Part[], framework: CompiledFramework): DesignDocument {
  // The previous part ends with a line break, so its last line start is this part's first.
  let count = 1;
  for (const part of parts) count += part.entry.document.lines.lineStarts.length - 1;
  const lineStarts = new Array<number>(count);
  let n = 0;
  for (const part of parts) {
    const starts = part.entry.document.lines.lineStarts;
    part.line = n === 0 ? 0 : n - 1;
    for (let k = n === 0 ? 0 : 1; k < starts.length; k++) lineStarts[n++] = starts[k] + part.start;
  }
  const lines = new LineIndex(text, lineStarts);
  const first = parts[0].entry.document;

  const headings: Heading[] = [];
  const nonProse: { start: number; end: number }[] = [];
  const comments: DesignDocument['comments'] = [];
  for (const { start, line, entry } of parts) {
    const part = entry.document;
    const ranges = placedRanges(entry, line);
    for (const [i, h] of part.headings.entries()) {
      headings.push({
        index: headings.length,
        depth: h.depth,
        setext: h.setext,
        text: h.text,
        range: ranges[2 * i],
        start: h.start + start,
        end: h.end + start,
        textRange: ranges[2 * i + 1],
        textStart: h.textStart + start,
        textEnd: h.textEnd + start,
        match: h.match,
        role: 'none',
        stepIds: [],
      });
    }
    for (const r of part.nonProse) nonProse.push({ start: r.start + start, end: r.end + start });
    for (const c of part.comments) {
      comments.push({ text: c.text, start: c.start + start, end: c.end + start });
    }
  }

  const document: DesignDocument = {
    text,
    lines,
    bomLength: first.bomLength,
    frontMatter: first.frontMatter,
    headings,
    blocks: [],
    nonProse,
    comments,
    steps: [],
    stepById: new Map(),
    extraSections: [],
    numbersSteps: false,
    stepDepth: 2,
    frameworkId: framework.id,
  };
  defineLazy(document, 'blocks', () => parts.flatMap((part) => shiftedBlocks(part)));
  assignSections(document, framework);
  return document;
}

function shiftedBlocks(part: Part, lo = 0, hi = part.entry.blockStarts.length): ProseBlock[] {
  const { start, line, entry } = part;
  const own = blocksOf(entry);
  const blocks: ProseBlock[] = [];
  for (let i = lo; i < hi; i++) {
    const block = own[i];
    blocks.push({
      kind: block.kind,
      start: block.start + start,
      end: block.end + start,
      pieces: block.pieces.map((p) => ({ text: p.text, start: p.start + start })),
      tokens: block.tokens.map((t) => ({ ...t, start: t.start + start, end: t.end + start })),
      startLine: block.startLine + line,
      endLine: block.endLine + line,
    });
  }
  return blocks;
}

interface PlacedSlice {
  part: Part;
  slice: Slice;
}

/**
 * Where a topic's evidence was, relative to what it was found in: the `index`th slice of step
 * `stepId`'s section, at `start`..`end` of that slice's part. Or why there is none.
 */
type TopicMemo =
  | { status: 'covered'; stepId: string; index: number; start: number; end: number }
  | { status: Exclude<TopicCoverage['status'], 'covered'> };

/**
 * The topic coverage of one analysis, for the next: a topic's result depends only on the slices
 * of the sections it is looked for in, in order (a slice belongs to a cached part, so the same
 * object means the same words). An edit changes the slices of one step; the other steps' topics
 * are taken from here, with their evidence moved to where its part is now.
 */
export interface CoverageMemo {
  /** Each step section's slices, in order, by step id. */
  slices: Map<string, Slice[]>;
  /** Each step's topic results, by step id. */
  topics: Map<string, Map<CompiledTopic, TopicMemo>>;
}

/** A cue's first match: where it is in the document, and relative to its slice (for the memo). */
interface Hit {
  start: number;
  end: number;
  stepId: string;
  index: number;
  partStart: number;
}

/** Topic coverage and word counts of the sections, from per-part slices (see coverTopics). */
class Coverage {
  private readonly sliceCache = new Map<StepSection, PlacedSlice[]>();
  private readonly partStarts: number[];
  private readonly unchangedSteps = new Map<string, boolean>();
  /** This analysis's coverage, for the next one. */
  readonly memo: CoverageMemo = { slices: new Map(), topics: new Map() };

  constructor(
    private readonly document: DesignDocument,
    private readonly parts: Part[],
    private readonly previous?: CoverageMemo,
  ) {
    this.partStarts = parts.map((p) => p.start);
  }

  /** Substantive words: the same sum countWords makes over section.blocks. */
  words(section: StepSection): number {
    let words = 0;
    this.eachRange(section, (part, lo, hi) => {
      words += part.entry.wordsBefore[hi] - part.entry.wordsBefore[lo];
    });
    return words;
  }

  topics(section: StepSection | undefined, topics: CompiledTopic[]): TopicCoverage[] {
    if (!section) return topics.map((topic) => ({ topic, status: 'missing' }));
    const before = this.previous?.topics.get(section.stepId);
    const results = new Map<CompiledTopic, TopicMemo>();
    this.memo.topics.set(section.stepId, results);
    let scripts: Set<Script> | undefined;
    const scriptsOfSection = () => (scripts ??= this.scriptsOf(section));
    return topics.map((topic) => {
      let result = before?.get(topic);
      if (
        result &&
        !(this.unchanged(section.stepId) && topic.alsoIn.every((id) => this.unchanged(id)))
      ) {
        result = undefined;
      }
      result ??= this.coverTopic(section, topic, scriptsOfSection);
      results.set(topic, result);
      if (result.status !== 'covered') return { topic, status: result.status };
      const { part } = this.slicesOf(this.document.stepById.get(result.stepId)!)[result.index];
      const start = result.start + part.start;
      const end = result.end + part.start;
      return {
        topic,
        status: 'covered',
        evidence: { start, end, text: this.document.text.slice(start, end) },
      };
    });
  }

  /** Whether the step's section (or its absence) has the same slices as in the previous analysis. */
  private unchanged(stepId: string): boolean {
    let same = this.unchangedSteps.get(stepId);
    if (same === undefined) {
      const section = this.document.stepById.get(stepId);
      const now = section ? this.slicesOf(section) : [];
      const then = this.previous?.slices.get(stepId) ?? NONE;
      same = now.length === then.length && now.every((placed, i) => placed.slice === then[i]);
      this.unchangedSteps.set(stepId, same);
    }
    return same;
  }

  private scriptsOf(section: StepSection): Set<Script> {
    const weights = new Map<Script, number>();
    for (const { slice } of this.slicesOf(section)) {
      for (const [script, weight] of slice.scripts) {
        weights.set(script, (weights.get(script) ?? 0) + weight);
      }
    }
    return mainOf(weights);
  }

  private coverTopic(
    section: StepSection,
    topic: CompiledTopic,
    scripts: () => Set<Script>,
  ): TopicMemo {
    const groups = [section];
    for (const id of topic.alsoIn) {
      const other = this.document.stepById.get(id);
      if (other && other !== section) groups.push(other);
    }
    if (groups.length === 1) return this.coverInOwnSection(section, topic, scripts);
    // The first match of each cue, looking in the step's own section first, then the others.
    const found: (Hit | undefined)[] = [];
    let questions = 0;
    let firstQuestion: Hit | undefined;
    for (const group of groups) {
      const placed = this.slicesOf(group);
      for (let index = 0; index < placed.length; index++) {
        const { part, slice } = placed[index];
        const matches = this.matches(part, slice, topic);
        for (let k = 0; k < matches.length; k += 3) {
          found[matches[k]] ??= {
            start: matches[k + 1] + part.start,
            end: matches[k + 2] + part.start,
            stepId: group.stepId,
            index,
            partStart: part.start,
          };
        }
        if (topic.minQuestions && slice.questions > 0) {
          questions += slice.questions;
          if (!firstQuestion && slice.firstQuestion) {
            firstQuestion = {
              start: slice.firstQuestion.start + part.start,
              end: slice.firstQuestion.end + part.start,
              stepId: group.stepId,
              index,
              partStart: part.start,
            };
          }
        }
      }
    }
    let best: Hit | undefined;
    for (const hit of found) {
      if (hit && (!best || hit.start < best.start)) best = hit;
    }
    if (topic.minQuestions && questions >= topic.minQuestions) {
      if (firstQuestion && (!best || firstQuestion.start < best.start)) best = firstQuestion;
    }
    if (!best) return { status: uncoveredStatus(scripts(), topic) };
    return {
      status: 'covered',
      stepId: best.stepId,
      index: best.index,
      start: best.start - best.partStart,
      end: best.end - best.partStart,
    };
  }

  /**
   * coverTopic when the topic is looked for in its own section only: the earliest match of any
   * cue is then in the first slice that has a match, so the slices after it are not searched (an
   * edit's new slice usually is one of them). Ties go to the lower cue index, as in coverTopic.
   */
  private coverInOwnSection(
    section: StepSection,
    topic: CompiledTopic,
    scripts: () => Set<Script>,
  ): TopicMemo {
    const placed = this.slicesOf(section);
    let best: { index: number; start: number; end: number } | undefined;
    for (let index = 0; index < placed.length && !best; index++) {
      const { part, slice } = placed[index];
      const matches = this.matches(part, slice, topic);
      for (let k = 0; k < matches.length; k += 3) {
        if (!best || matches[k + 1] < best.start) {
          best = { index, start: matches[k + 1], end: matches[k + 2] };
        }
      }
    }
    if (topic.minQuestions) {
      let questions = 0;
      let first: { index: number; start: number; end: number } | undefined;
      for (let index = 0; index < placed.length; index++) {
        const { slice } = placed[index];
        questions += slice.questions;
        if (!first && slice.questions > 0 && slice.firstQuestion) {
          first = { index, ...slice.firstQuestion };
        }
      }
      const at = (hit: { index: number; start: number }) =>
        hit.start + placed[hit.index].part.start;
      if (questions >= topic.minQuestions && first && (!best || at(first) < at(best))) {
        best = first;
      }
    }
    if (!best) return { status: uncoveredStatus(scripts(), topic) };
    return { status: 'covered', stepId: section.stepId, ...best };
  }

  private matches(part: Part, slice: Slice, topic: CompiledTopic): number[] {
    let matches = slice.topics.get(topic);
    if (!matches) {
      matches = [];
      slice.index ??= new CueIndex(usableTokens(part.entry, slice));
      const index = slice.index;
      for (let k = 0; k < topic.cues.length; k++) {
        const hit = index.first(topic.cues[k]);
        if (hit) matches.push(k, hit.start, hit.end);
      }
      if (matches.length === 0) matches = NO_MATCHES;
      slice.topics.set(topic, matches);
    }
    return matches;
  }

  /** The blocks of a section, in order (a section's `blocks`, read lazily). */
  blocksOf(section: StepSection): ProseBlock[] {
    const blocks: ProseBlock[] = [];
    this.eachRange(section, (part, lo, hi) => blocks.push(...shiftedBlocks(part, lo, hi)));
    return blocks;
  }

  /** Calls `visit` for each part's run of blocks [lo, hi) inside the section, in order. */
  private eachRange(section: StepSection, visit: (part: Part, lo: number, hi: number) => void) {
    for (const span of mergedSpans(section.spans)) {
      let p = upperBound(this.partStarts, span.start) - 1;
      for (; p < this.parts.length && (p < 0 || this.parts[p].start < span.end); p++) {
        if (p < 0) continue;
        const part = this.parts[p];
        const starts = part.entry.blockStarts;
        const lo = lowerBound(starts, span.start - part.start);
        const hi = lowerBound(starts, span.end - part.start);
        if (lo < hi) visit(part, lo, hi);
      }
    }
  }

  private slicesOf(section: StepSection): PlacedSlice[] {
    let placed = this.sliceCache.get(section);
    if (placed) return placed;
    placed = [];
    const own = new Set(section.headings.map((h) => h.start));
    this.eachRange(section, (part, lo, hi) => {
      const excluded: number[] = [];
      for (const i of part.entry.headingBlocks) {
        if (i >= lo && i < hi && own.has(part.entry.blockStarts[i] + part.start)) excluded.push(i);
      }
      const key = `${lo}:${hi}:${excluded.join(',')}`;
      let slice = part.entry.slices.get(key);
      if (!slice) {
        const blocks: ProseBlock[] = [];
        for (let i = lo; i < hi; i++) {
          if (excluded.includes(i)) continue;
          blocks.push(blocksOf(part.entry)[i]);
        }
        const questions = countQuestions(blocks);
        slice = {
          lo,
          hi,
          excluded: excluded.length > 0 ? excluded : NONE,
          scripts: addScriptWeights(blocks, new Map()),
          questions: questions.count,
          firstQuestion: questions.first,
          topics: new Map(),
        };
        part.entry.slices.set(key, slice);
      }
      placed!.push({ part, slice });
    });
    this.sliceCache.set(section, placed);
    this.memo.slices.set(
      section.stepId,
      placed.map((p) => p.slice),
    );
    return placed;
  }
}

/** Token lists of a slice's blocks that topics are looked for in (template text left out). */
function usableTokens(entry: PartEntry, slice: Slice): Token[][] {
  const lists: Token[][] = [];
  for (let i = slice.lo; i < slice.hi; i++) {
    if (slice.excluded.includes(i)) continue;
    const tokens = blocksOf(entry)[i].tokens;
    lists.push(entry.template.empty ? tokens : tokens.filter((t) => !entry.template.has(t)));
  }
  return lists;
}

/** The spans in order with overlaps joined: the blocks they hold, in document order. */
function mergedSpans(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** First index whose value is >= target. */
function lowerBound(values: number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First index whose value is > target. */
function upperBound(values: number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] <= target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The tokens of a few blocks indexed by stem and by word, so a cue's first token finds its
 * candidate places without reading every token (a step has about a thousand cues). `first` gives
 * what coverage.ts's findCue gives: the first place, in block order, where the cue's tokens all
 * match within one block.
 */
class CueIndex {
  private readonly tokens: Token[] = [];
  /** For each token, the index just past its block's last token. */
  private readonly blockEnd: number[] = [];
  private readonly byStem = new Map<string, number[]>();
  private readonly byLower = new Map<string, number[]>();
  private readonly cjk: number[] = [];
  /** The distinct words, each after a line break: one string to search for parts of words. */
  private vocabulary?: string;

  constructor(blocks: Token[][]) {
    for (const tokens of blocks) {
      const end = this.tokens.length + tokens.length;
      for (const token of tokens) {
        const i = this.tokens.length;
        this.tokens.push(token);
        this.blockEnd.push(end);
        if (token.kind === 'cjk') {
          this.cjk.push(i);
        } else {
          push(this.byStem, token.stem, i);
          push(this.byLower, token.lower, i);
        }
      }
    }
  }

  first(cue: CompiledCue): { start: number; end: number } | undefined {
    const want = cue.tokens[0];
    const length = cue.tokens.length;
    let candidates: number[] | undefined;
    if (want.kind === 'cjk') {
      if (this.cjk.length === 0) return undefined;
      candidates = this.cjk.filter((i) => this.tokens[i].lower.includes(want.lower));
    } else if (want.abbreviation) {
      candidates = union([this.byLower.get(want.lower), this.byLower.get(`${want.lower}s`)]);
    } else if (want.substring) {
      candidates = this.containing(want.lower);
    } else if (want.prefix) {
      candidates = this.startingWith(inflectionFreePrefix(want.lower));
    } else {
      candidates = this.byStem.get(want.stem);
    }
    if (!candidates) return undefined;
    for (const i of candidates) {
      if (i + length > this.blockEnd[i]) continue;
      let k = 1;
      while (k < length && tokenMatches(cue.tokens[k], this.tokens[i + k])) k++;
      if (k === length)
        return { start: this.tokens[i].start, end: this.tokens[i + length - 1].end };
    }
    return undefined;
  }

  /** Places of the words that contain `part` (cues that match inside German compounds). */
  private containing(part: string): number[] | undefined {
    this.vocabulary ??= `\n${[...this.byLower.keys()].join('\n')}`;
    // Most such cues are in no word of the slice: one search over all of them says so.
    if (!this.vocabulary.includes(part)) return undefined;
    const lists: number[][] = [];
    for (const [lower, list] of this.byLower) if (lower.includes(part)) lists.push(list);
    return union(lists);
  }

  /** Places of the words that start with `prefix` (inflected non-Latin words). */
  private startingWith(prefix: string): number[] | undefined {
    this.vocabulary ??= `\n${[...this.byLower.keys()].join('\n')}`;
    if (!this.vocabulary.includes(`\n${prefix}`)) return undefined;
    const lists: number[][] = [];
    for (const [lower, list] of this.byLower) if (lower.startsWith(prefix)) lists.push(list);
    return union(lists);
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Sorted union of sorted lists. */
function union(lists: (number[] | undefined)[]): number[] | undefined {
  const present = lists.filter((l): l is number[] => Boolean(l) && l!.length > 0);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return present.flat().sort((a, b) => a - b);
}
