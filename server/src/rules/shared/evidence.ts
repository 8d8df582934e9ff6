// What the design checks (MLSD100 and up) read: the framework's named word lists (`checks` in the
// framework data) found in the prose of given steps, the sentence around a hit, and stub fixes.
// The words are data, so a framework or a language extends a check without code; which steps a
// check reads and what silences it is each rule's own logic.
//
// Matching follows topic coverage: stems for English words, phrases token by token, capitals
// ("CTR") as whole words, Chinese/Japanese inside runs, other scripts by prefix. Code blocks, HTML
// and front matter are not prose and are never read.
//
// Cost: each part of the text (see ProsePart) is read once for all the lists together, and its
// hits, with their sentences, are remembered with the part; a check's question is then answered
// from the parts its steps hold, so an edit reads again only the part it changed.
import type { Fix } from '../../core/findings';
import type { Range } from '../../core/text';
import type { Token } from '../../core/tokens';
import type { CompiledCue } from '../../framework/compile';
import { insertBlocksEdit, insideOpenBlock } from '../../fixes/edits';
import type { ProsePart, ProseRun } from '../../model/analysis';
import type { ProseBlock, StepSection } from '../../model/document';
import type { Rule, RuleContext, RuleFinding, RuleMeta } from '../types';
import { candidates, indexOf, PLACE, tokenMatches, type TokenIndex } from './tokenIndex';

/** Designs longer than this (in UTF-16 code units) are not read by the design checks. */
export const MAX_CHECKED_CHARS = 96 * 1024;

/** Where a list is looked for: the sections of these steps, or the whole document. */
export type Where = readonly string[] | 'document';

export interface Hit {
  /** Document offsets of the matched words. */
  start: number;
  end: number;
  text: string;
  /** The sentence around the hit (see `sentenceIn`). */
  sentence: Sentence;
}

export interface Sentence {
  start: number;
  end: number;
  range: Range;
  text: string;
  /** Its words, for matching (their offsets are not the document's). */
  readonly tokens: Token[];
}

export interface FindOptions {
  /** Also read headings inside the sections (never the headings that name the step). Default: true. */
  headings?: boolean;
  /** Skip lines holding template placeholders ("TODO"): they are not the writer's words. */
  ownWordsOnly?: boolean;
}

/** A word of a list found in a part, offsets relative to the part: what is remembered of it. */
interface PartHit {
  block: number;
  blockEnd: number;
  start: number;
  end: number;
  /**
   * Where its sentence was last found, and per list asked about (inSentence) whether a word of it
   * is in that sentence. The sentence is looked for in the document each time: where a part ends,
   * the next part may end it.
   */
  sentence?: { start: number; end: number; said: Map<string, boolean> };
}

/**
 * A part's hits by list name, each list read the first time it is asked for in the part: a part
 * keeps its text (and these) between analyses, so after an edit only the part edited is read
 * again. `lists` is the framework's lists they were found with.
 */
interface PartHits {
  lists: ReadonlyMap<string, CompiledCue[]>;
  hits: Map<string, PartHit[]>;
}

/** A run of blocks that a search reads, and the headings in it that it leaves out. */
interface View {
  run: ProseRun;
  skip: readonly number[];
}

const NO_HITS: PartHit[] = [];
const PART_HITS = 'design-checks:hits';
const VIEWS = 'design-checks:views';

/** A part's token index, while its blocks are held (it goes when they are dropped). */
const indexes = new WeakMap<ProseBlock[], TokenIndex>();
/** The memo (PartSentence.said) of a sentence placed from a part's hit. */
const saidOf = new WeakMap<Sentence, Map<string, boolean>>();

/** A list's hits in the part, found on first use and then remembered with the part. */
function partHits(
  part: ProsePart,
  lists: ReadonlyMap<string, CompiledCue[]>,
  name: string,
): PartHit[] {
  let known = part.memo.get(PART_HITS) as PartHits | undefined;
  if (known?.lists !== lists) part.memo.set(PART_HITS, (known = { lists, hits: new Map() }));
  let hits = known.hits.get(name);
  if (!hits) {
    const blocks = part.blocks();
    let index = indexes.get(blocks);
    if (!index) indexes.set(blocks, (index = indexOf(blocks)));
    hits = findInBlocks(blocks, index, lists.get(name) ?? []);
    known.hits.set(name, hits);
  }
  return hits;
}

/** A list's hits in the blocks, one per place (the longest cue that starts there), in order. */
function findInBlocks(
  blocks: ProseBlock[],
  index: TokenIndex,
  cues: readonly CompiledCue[],
): PartHit[] {
  const found: PartHit[] = [];
  for (const cue of cues) {
    const length = cue.tokens.length;
    for (const place of candidates(index, cue.tokens[0])) {
      const block = Math.floor(place / PLACE);
      const i = place % PLACE;
      const tokens = blocks[block].tokens;
      // The first word is a candidate: the others are compared.
      if (!cueAt(cue, tokens, i, 1)) continue;
      const end = tokens[i + length - 1].end;
      found.push({ block, blockEnd: blocks[block].end, start: tokens[i].start, end });
    }
  }
  if (found.length === 0) return NO_HITS;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((hit, n) => n === 0 || found[n - 1].start !== hit.start);
}

/** The value kept under `key` in a map, made on first use. */
function kept<T>(memory: Map<string, unknown>, key: string, make: () => T): T {
  let value = memory.get(key) as T | undefined;
  if (value === undefined) memory.set(key, (value = make()));
  return value;
}

/** What an interviewer would ask (or say), quoted, and why: the opening of every design check's message. */
export function interviewer(question: string, why: string, verb = 'ask'): string {
  return `An interviewer would ${verb}: "${question}" ${why}`;
}

/**
 * A design check: information by default, with fixes unless it says otherwise; it runs only when
 * the framework defines every word list it reads and the design is short enough (`defines`).
 */
export function designCheck(
  meta: Pick<RuleMeta, 'id' | 'name' | 'description'> & { fixable?: false },
  lists: readonly string[],
  check: (e: Evidence, context: RuleContext, report: (finding: RuleFinding) => void) => void,
): Rule {
  return {
    meta: { defaultSeverity: 'info', fixable: true, ...meta },
    check(context, report) {
      const e = new Evidence(context);
      if (e.defines(...lists)) check(e, context, report);
    },
  };
}

export class Evidence {
  private readonly placeholderLines: Set<number>;
  /** This analysis's views, by which steps and whether headings count (shared by the checks). */
  private readonly viewsByKey: Map<string, View[]>;

  constructor(readonly context: RuleContext) {
    this.placeholderLines = new Set(context.placeholders.map((p) => p.line));
    this.viewsByKey = kept(context.memory.analysis, VIEWS, () => new Map<string, View[]>());
  }

  /** The compiled cues of a list; empty when the framework does not define it. */
  cues(name: string): CompiledCue[] {
    return this.context.framework.checkCues.get(name) ?? [];
  }

  /**
   * True when the framework defines every list named (a check without its words stays quiet) and
   * the design is small enough to read whole. Reading a part's prose the first time makes the
   * incremental analysis parse it again (it keeps no prose between keystrokes), so on designs
   * over MAX_CHECKED_CHARS (far longer than any real write-up) the checks stay quiet rather than
   * slow down opening them.
   */
  defines(...names: string[]): boolean {
    if (this.context.document.source.length > MAX_CHECKED_CHARS) return false;
    return names.every((name) => this.cues(name).length > 0);
  }

  section(stepId: string): StepSection | undefined {
    return this.context.document.stepById.get(stepId);
  }

  /** Substantive words of a step (0 when absent). */
  words(stepId: string): number {
    return this.context.steps.find((s) => s.step.id === stepId)?.words ?? 0;
  }

  /** True when the case study (front matter `problem:`) has this trait. */
  trait(name: string): boolean {
    return this.context.caseStudy?.traits.has(name) ?? false;
  }

  /** Every hit of a list, in document order. */
  find(name: string, where: Where, options: FindOptions = {}): Hit[] {
    const hits: Hit[] = [];
    for (const [run, hit] of this.hits(name, where, options)) hits.push(this.placed(run, hit));
    // One hit per place (each part's are already): a block in two steps' sections is read twice.
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    return hits.filter((hit, i) => i === 0 || hits[i - 1].start !== hit.start);
  }

  /**
   * The hits of a list one at a time, placed only when reached and in no set order (a block in two
   * steps' sections may come twice): for a question the first few hits answer.
   */
  *each(name: string, where: Where, options: FindOptions = {}): Generator<Hit> {
    for (const [run, hit] of this.hits(name, where, options)) yield this.placed(run, hit);
  }

  /**
   * The hits that can trigger a check: in the writer's own words (never on a placeholder line), in
   * the steps given, headings inside them included unless `headings` is false.
   */
  triggers(name: string, where: Where, headings = true): Hit[] {
    return this.find(name, where, { headings, ownWordsOnly: true });
  }

  /** Whether a list occurs. */
  has(name: string, where: Where, options: FindOptions = {}): boolean {
    return !this.hits(name, where, options).next().done;
  }

  /** The parts' hits of a list in the blocks to read, each with its run. */
  private *hits(name: string, where: Where, options: FindOptions): Generator<[ProseRun, PartHit]> {
    if (this.cues(name).length === 0) return;
    for (const { run, skip } of this.views(where, options.headings ?? true)) {
      for (const hit of partHits(run.part, this.context.framework.checkCues, name)) {
        if (hit.block < run.lo || hit.block >= run.hi || skip.includes(hit.block)) continue;
        if (options.ownWordsOnly && this.onPlaceholderLine(run.offset + hit.start)) continue;
        yield [run, hit];
      }
    }
  }

  /** A part's hit where the part is in this document. */
  private placed(run: ProseRun, hit: PartHit): Hit {
    const { source, lines } = this.context.document;
    const { part, offset } = run;
    const { block } = hit;
    // The block's text (and the few characters after it a line break is judged by), not the
    // document's: the document is not made one string on the edit path (core/pieceText.ts).
    const blockStart = offset + part.blockStarts[block];
    const text = source.slice(blockStart, offset + hit.blockEnd + SENTENCE_LOOKAHEAD);
    const bounds = sentenceBounds(
      text,
      0,
      offset + hit.blockEnd - blockStart,
      offset + hit.start - blockStart,
      offset + hit.end - blockStart,
    );
    const start = bounds.start + blockStart;
    const end = bounds.end + blockStart;
    const from = start - offset;
    const to = end - offset;
    if (hit.sentence?.start !== from || hit.sentence.end !== to) {
      hit.sentence = { start: from, end: to, said: new Map() };
    }
    let tokens: Token[] | undefined;
    const sentence: Sentence = {
      start,
      end,
      range: lines.rangeOf(start, end),
      text: text.slice(bounds.start, bounds.end),
      // Its words only when asked for (a part's blocks may have to be read again for them).
      get tokens() {
        tokens ??= part.blocks()[block].tokens.filter((t) => t.start >= from && t.end <= to);
        return tokens;
      },
    };
    saidOf.set(sentence, hit.sentence.said);
    return {
      start: offset + hit.start,
      end: offset + hit.end,
      text: text.slice(offset + hit.start - blockStart, offset + hit.end - blockStart),
      sentence,
    };
  }

  /**
   * True when a hit's words lie inside a hit of another list ("timeout" inside "timeout errors",
   * "fall back" that is also a cold-start word). Read without placing the other list's hits.
   */
  within(hit: Hit, name: string): boolean {
    for (const [run, other] of this.hits(name, 'document', {})) {
      if (run.offset + other.start <= hit.start && hit.end <= run.offset + other.end) return true;
    }
    return false;
  }

  /** The hits whose sentence does not negate them ("we do not downsample"). */
  affirmed(hits: readonly Hit[]): Hit[] {
    return hits.filter((hit) => !this.inSentence(hit.sentence, 'negation'));
  }

  /** True when a word of the list occurs in the sentence. */
  inSentence(sentence: Sentence, name: string): boolean {
    const said = saidOf.get(sentence);
    let answer = said?.get(name);
    if (answer === undefined) {
      answer = this.occursIn(sentence.tokens, name);
      said?.set(name, answer);
    }
    return answer;
  }

  private occursIn(tokens: readonly Token[], name: string): boolean {
    const cues = this.cues(name);
    let byFirst = firstWords.get(cues);
    if (!byFirst) firstWords.set(cues, (byFirst = firstWordsOf(cues)));
    const { byStem, anywhere } = byFirst;
    const at = (i: number) => (cue: CompiledCue) => cueAt(cue, tokens, i);
    return tokens.some((token, i) => byStem.get(token.stem)?.some(at(i)) || anywhere.some(at(i)));
  }

  /**
   * Of `leads` (a list's hits, from `find`: found once by a caller asking for many hits), those in
   * what a hit's sentence follows on from: the sentence just before it (nothing but spaces and
   * list, quote or emphasis marks between: "New ads have no history. Fall back to the category
   * average.") and the heading it stands under (the nearest one above it).
   */
  leadIns(hit: Hit, leads: readonly Hit[]): Hit[] {
    const { source, headings } = this.context.document;
    let above: { textStart: number; textEnd: number } | undefined;
    for (const heading of headings) {
      if (heading.end > hit.sentence.start) break;
      above = heading;
    }
    return leads.filter(
      (lead) =>
        (lead.sentence.end <= hit.sentence.start &&
          hit.sentence.start - lead.sentence.end <= 16 &&
          /^[\s*_>#|+-]*(?:\d+[.)][\s*_]*)?$/.test(
            source.slice(lead.sentence.end, hit.sentence.start),
          )) ||
        (above !== undefined && lead.start >= above.textStart && lead.end <= above.textEnd),
    );
  }

  /** The step whose section holds a document offset. */
  stepAt(offset: number): string | undefined {
    return this.context.document.steps.find((s) =>
      s.spans.some((span) => offset >= span.start && offset < span.end),
    )?.stepId;
  }

  /** The range of the text of the heading that opens a step. */
  headingRange(stepId: string): Range | undefined {
    return this.section(stepId)?.heading.textRange;
  }

  /**
   * The step 5 heading when the evaluation step is not thin and names an offline metric in the
   * writer's own words, in a sentence that does not negate it: where the checks on what the
   * offline metrics leave out (MLSD115, MLSD120, MLSD121) start and report.
   */
  offlineMetricsHeading(): Range | undefined {
    const evaluation = this.context.steps.find((s) => s.step.id === 'evaluation');
    if (!evaluation?.section || evaluation.words < evaluation.step.thinWords) return undefined;
    const range = this.headingRange('evaluation');
    if (!range) return undefined;
    const offline = this.triggers('offline-metrics', ['evaluation'], false);
    return this.affirmed(offline).length > 0 ? range : undefined;
  }

  /**
   * A quick fix "Add a stub for {what} to step N" that appends a bullet stub (`- **Label**: TODO
   * (hint)`) at the end of a step's section for the candidate to complete. It adds text and never
   * rewrites the writer's; none when the section ends inside a code or HTML block left open.
   */
  stubFix(stepId: string, what: string, stub: string): Fix[] | undefined {
    const section = this.section(stepId);
    const step = this.context.framework.stepById.get(stepId);
    if (!section || !step) return undefined;
    const title = `Add a stub for ${what} to step ${step.number}`;
    const { document } = this.context;
    const end = section.spans[0].end;
    if (insideOpenBlock(document, end)) return undefined;
    const lastLine = document.lines.lineText(document.lines.positionAt(end).line);
    const inList = /^\s*(?:[-*+]|\d+[.)])\s/.test(lastLine);
    const edit = insertBlocksEdit(document, end, [`- ${stub}`], inList ? 1 : 2);
    return [{ title, edits: [edit] }];
  }

  private onPlaceholderLine(offset: number): boolean {
    if (this.placeholderLines.size === 0) return false;
    return this.placeholderLines.has(this.context.document.lines.positionAt(offset).line);
  }

  /**
   * The runs of blocks to read: the sections of the steps named, or every section and the blocks
   * outside them. Headings that name a step are never read; others only when `headings`.
   */
  private views(where: Where, headings: boolean): View[] {
    const key = `${where === 'document' ? '*' : where.join(',')}|${headings}`;
    return kept(this.viewsByKey, key, () => this.makeViews(where, headings));
  }

  private makeViews(where: Where, headings: boolean): View[] {
    const { document, prose } = this.context;
    let own: Set<number> | undefined;
    const stepHeading = (offset: number) =>
      (own ??= new Set(
        document.headings.filter((h) => h.stepIds.length > 0).map((h) => h.start),
      )).has(offset);
    const view = (run: ProseRun): View => {
      const { part, offset, lo, hi } = run;
      const skip = part.headingBlocks.filter(
        (i) => i >= lo && i < hi && (!headings || stepHeading(offset + part.blockStarts[i])),
      );
      return { run, skip: skip.length > 0 ? skip : NO_SKIP };
    };
    const sections =
      where === 'document'
        ? document.steps
        : where.map((id) => document.stepById.get(id)).filter((s): s is StepSection => Boolean(s));
    const views = sections.flatMap((section) => prose.sectionRuns(section).map(view));
    if (where === 'document') {
      // The rest: title, preamble, sections of no step.
      const spans = document.steps.flatMap((s) => s.spans);
      const inStep = (offset: number) => spans.some((s) => offset >= s.start && offset < s.end);
      for (const { part, offset, lo, hi } of prose.documentRuns()) {
        for (let i = lo; i < hi; i++) {
          if (!inStep(offset + part.blockStarts[i]))
            views.push(view({ part, offset, lo: i, hi: i + 1 }));
        }
      }
    }
    return views;
  }
}

const NO_SKIP: number[] = [];

/**
 * A list's cues by the stem of their first word, so that looking for the list in a sentence tries
 * at each word only the cues that can start there; cues whose first word is not compared by its
 * English stem are tried everywhere.
 */
interface FirstWords {
  byStem: Map<string, CompiledCue[]>;
  anywhere: CompiledCue[];
}

const firstWords = new WeakMap<readonly CompiledCue[], FirstWords>();

function firstWordsOf(cues: readonly CompiledCue[]): FirstWords {
  const byStem = new Map<string, CompiledCue[]>();
  const anywhere: CompiledCue[] = [];
  for (const cue of cues) {
    const first = cue.tokens[0];
    if (
      first.kind !== 'word' ||
      first.number ||
      first.abbreviation ||
      first.substring ||
      first.prefix ||
      first.asWritten ||
      first.snowball !== undefined
    ) {
      anywhere.push(cue);
    } else byStem.set(first.stem, [...(byStem.get(first.stem) ?? []), cue]);
  }
  return { byStem, anywhere };
}

/** Whether the cue's words are the tokens from `i` on (its first `from` words taken as read). */
function cueAt(cue: CompiledCue, tokens: readonly Token[], i: number, from = 0): boolean {
  const length = cue.tokens.length;
  if (i + length > tokens.length) return false;
  let k = from;
  while (k < length && tokenMatches(cue.tokens[k], tokens[i + k])) k++;
  return k === length;
}

/**
 * The sentence around a hit, inside its block: from the last sentence end (". ", "! ", "? ",
 * "; ", a blank line, a new list item or table row) before it to the next one after it.
 */
function sentenceBounds(
  text: string,
  blockStart: number,
  blockEnd: number,
  hitStart: number,
  hitEnd: number,
): { start: number; end: number } {
  let start = hitStart;
  while (start > blockStart && !isSentenceBreak(text, start - 1)) start--;
  while (start < hitStart && /[\s*_>|#\-+]/.test(text[start])) start++;
  let end = hitEnd;
  while (end < blockEnd && !isSentenceBreak(text, end)) end++;
  if (end < blockEnd && /[.!?;]/.test(text[end])) end++;
  while (end > hitEnd && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** How far past a block `isSentenceBreak` reads (a line break is judged by the line after it). */
const SENTENCE_LOOKAHEAD = 8;

function isSentenceBreak(text: string, at: number): boolean {
  // Character codes, not regular expressions: this runs for every character around every hit.
  switch (text.charCodeAt(at)) {
    case 10: // A line break ends a sentence when a blank line, a list item or a table row follows.
      return /^\n?[ \t]*(?:$|\n|[-*+|]\s|\d+[.)]\s|\|)/.test(text.slice(at + 1, at + 8));
    case 124: // |
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff1b: // ；
      return true;
    case 46: // .
    case 33: // !
    case 63: // ?
    case 59: {
      // ;
      const next = text[at + 1];
      return next === undefined || /\s/.test(next);
    }
    default:
      return false;
  }
}
