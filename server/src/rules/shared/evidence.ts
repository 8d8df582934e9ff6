// What the design checks (MLSD100 and up) read: the framework's named word lists (`checks` in the
// framework data) found in the prose of given steps, the sentence around a hit, and stub fixes.
// The words are data, so a framework or a language extends a check without code; which steps a
// check reads and what silences it is each rule's own logic.
//
// Matching follows topic coverage: stems for English words, phrases token by token, capitals
// ("CTR") as whole words, Chinese/Japanese inside runs, other scripts by prefix. Code blocks, HTML
// and front matter are not prose and are never read.
import type { Fix } from '../../core/findings';
import type { Range } from '../../core/text';
import type { Token } from '../../core/tokens';
import type { CompiledCue } from '../../framework/compile';
import { insertBlocksEdit, insideOpenBlock } from '../../fixes/edits';
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
  tokens: Token[];
}

export interface FindOptions {
  /** Also read headings inside the sections (never the headings that name the step). Default: true. */
  headings?: boolean;
  /** Skip lines holding template placeholders ("TODO"): they are not the writer's words. */
  ownWordsOnly?: boolean;
}

/**
 * A stretch of the design read as one: a step's section, or all text outside the steps (title,
 * preamble, extra sections). Its blocks are read only when its text has not been seen before.
 */
interface Region {
  /** The region's text (with its step), the key of `seen`. */
  key: string;
  /** Its prose blocks and their index, read when first asked for. */
  blocks: () => ProseBlock[];
  index: () => TokenIndex;
  /** A step's stretches, where hits found before are placed again (none for the rest). */
  spans?: readonly { start: number; end: number }[];
}

/** A hit remembered relative to the stretch of its step it is in. */
interface KnownHit {
  span: number;
  start: number;
  end: number;
  text: string;
  sentenceStart: number;
  sentenceEnd: number;
  sentenceText: string;
  tokens: Token[];
}

interface RegionFacts {
  /** Per list: whether the region holds a word of it. */
  holds: Map<string, boolean>;
  /** Per list: its hits in the region (step regions only). */
  hits: Map<string, KnownHit[]>;
}

/**
 * What each region's text is known to hold, by the region's text: the prose of a design is parsed
 * again whenever it is read (the engine keeps none between analyses), and an edit changes one
 * region, so the others are answered from here. Kept in the analyzer's rule memory (it outlives
 * one analysis); least recently used dropped first.
 */
type SeenRegions = Map<string, RegionFacts>;
// Enough for the design being edited (its seven steps, the rest, a few versions of the region
// typed into); each entry keeps its region's text, so more would only hold memory for designs
// that are open but not being edited (256 kept 12 MiB more with 50 designs open).
const SEEN_REGIONS = 16;

function seenIn(seen: SeenRegions, key: string): RegionFacts {
  let lists = seen.get(key);
  if (lists) {
    seen.delete(key);
  } else {
    lists = { holds: new Map(), hits: new Map() };
    if (seen.size >= SEEN_REGIONS) seen.delete(seen.keys().next().value!);
  }
  seen.set(key, lists);
  return lists;
}

/** The value kept under `key` in a rule memory, made on first use. */
function kept<T>(memory: Map<string, unknown>, key: string, make: () => T): T {
  let value = memory.get(key) as T | undefined;
  if (value === undefined) memory.set(key, (value = make()));
  return value;
}

/** A region's block and index readers: each read at most once. */
function readers(blocks: () => ProseBlock[]): Pick<Region, 'blocks' | 'index'> {
  const read = once(blocks);
  return { blocks: read, index: once(() => indexOf(read())) };
}

function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
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
  /** What region texts are known to hold (across analyses). */
  private readonly seen: SeenRegions;
  /** This analysis's regions, by which steps and whether headings count (shared by the checks). */
  private readonly regionsByKey: Map<string, Region[]>;

  constructor(readonly context: RuleContext) {
    this.placeholderLines = new Set(context.placeholders.map((p) => p.line));
    this.seen = kept(context.memory.analyzer, 'design-checks:seen', () => new Map());
    this.regionsByKey = kept(context.memory.analysis, 'design-checks:regions', () => new Map());
  }

  /** The compiled cues of a list; empty when the framework does not define it. */
  cues(name: string): CompiledCue[] {
    return this.context.framework.checkCues.get(name) ?? [];
  }

  /**
   * True when the framework defines every list named (a check without its words stays quiet) and
   * the design is small enough to read whole. Reading a step's prose makes the incremental
   * analysis parse it again (it keeps no prose between keystrokes), so on designs over
   * MAX_CHECKED_CHARS (far longer than any real write-up) the checks stay quiet rather than slow
   * every keystroke down.
   */
  defines(...names: string[]): boolean {
    if (this.context.document.text.length > MAX_CHECKED_CHARS) return false;
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
    const cues = this.cues(name);
    if (cues.length === 0) return [];
    const headings = options.headings ?? true;
    const listKey = this.listKey(name, options);
    const hits: Hit[] = [];
    const { document } = this.context;
    for (const region of this.regions(where, headings)) {
      const known = seenIn(this.seen, region.key);
      if (known.holds.get(listKey) === false) continue;
      const spans = region.spans;
      const again = spans && known.hits.get(listKey);
      if (spans && again) {
        // The same text as before: its hits, placed where the step now is, without reading it.
        for (const h of again) {
          const base = spans[h.span].start;
          const start = base + h.sentenceStart;
          const end = base + h.sentenceEnd;
          hits.push({
            start: base + h.start,
            end: base + h.end,
            text: h.text,
            sentence: {
              start,
              end,
              range: document.lines.rangeOf(start, end),
              text: h.sentenceText,
              tokens: h.tokens,
            },
          });
        }
        continue;
      }
      const before = hits.length;
      this.findIn(region, cues, options, hits, Infinity);
      known.holds.set(listKey, hits.length > before);
      if (spans) {
        known.hits.set(
          listKey,
          hits.slice(before).map((hit) => {
            const span = Math.max(
              0,
              spans.findIndex((s) => hit.start >= s.start && hit.start < s.end),
            );
            const base = spans[span].start;
            return {
              span,
              start: hit.start - base,
              end: hit.end - base,
              text: hit.text,
              sentenceStart: hit.sentence.start - base,
              sentenceEnd: hit.sentence.end - base,
              sentenceText: hit.sentence.text,
              tokens: hit.sentence.tokens,
            };
          }),
        );
      }
    }
    // One hit per place: the longest cue that starts there.
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    return hits.filter((hit, i) => i === 0 || hits[i - 1].start !== hit.start);
  }

  private findIn(
    region: Region,
    cues: CompiledCue[],
    options: FindOptions,
    hits: Hit[],
    limit: number,
  ): void {
    const index = region.index();
    for (const cue of cues) {
      const length = cue.tokens.length;
      for (const place of candidates(index, cue.tokens[0])) {
        const block = region.blocks()[Math.floor(place / PLACE)];
        const i = place % PLACE;
        const tokens = block.tokens;
        if (i + length > tokens.length) continue;
        let k = 1;
        while (k < length && tokenMatches(cue.tokens[k], tokens[i + k])) k++;
        if (k < length) continue;
        const start = tokens[i].start;
        const end = tokens[i + length - 1].end;
        if (options.ownWordsOnly && this.onPlaceholderLine(start)) continue;
        hits.push({
          start,
          end,
          text: this.context.document.text.slice(start, end),
          sentence: this.sentenceIn(block, start, end),
        });
        if (hits.length >= limit) return;
      }
    }
  }

  /**
   * The hits that can trigger a check: in the writer's own words (never on a placeholder line), in
   * the steps given, headings inside them included unless `headings` is false.
   */
  triggers(name: string, where: Where, headings = true): Hit[] {
    return this.find(name, where, { headings, ownWordsOnly: true });
  }

  /** Whether a list occurs: answered from what each region's text is known to hold where it can. */
  has(name: string, where: Where, options: FindOptions = {}): boolean {
    const cues = this.cues(name);
    if (cues.length === 0) return false;
    const headings = options.headings ?? true;
    const listKey = this.listKey(name, options);
    for (const region of this.regions(where, headings)) {
      const known = seenIn(this.seen, region.key);
      let holds = known.holds.get(listKey);
      if (holds === undefined) {
        const hits: Hit[] = [];
        this.findIn(region, cues, options, hits, 1);
        holds = hits.length > 0;
        known.holds.set(listKey, holds);
      }
      if (holds) return true;
    }
    return false;
  }

  private listKey(name: string, options: FindOptions): string {
    return `${this.context.framework.id}\u0000${name}\u0000${options.headings ?? true}\u0000${Boolean(options.ownWordsOnly)}`;
  }

  /**
   * The sentence around a hit, inside its block: from the last sentence end (". ", "! ", "? ",
   * "; ", a blank line, a new list item or table row) before it to the next one after it.
   */
  private sentenceIn(block: ProseBlock, hitStart: number, hitEnd: number): Sentence {
    const { text, lines } = this.context.document;
    let start = hitStart;
    while (start > block.start && !isSentenceBreak(text, start - 1)) start--;
    while (start < hitStart && /[\s*_>|#\-+]/.test(text[start])) start++;
    let end = hitEnd;
    while (end < block.end && !isSentenceBreak(text, end)) end++;
    if (end < block.end && /[.!?;]/.test(text[end])) end++;
    while (end > hitEnd && /\s/.test(text[end - 1])) end--;
    const tokens = block.tokens.filter((t) => t.start >= start && t.end <= end);
    return { start, end, range: lines.rangeOf(start, end), text: text.slice(start, end), tokens };
  }

  /** The hits whose sentence does not negate them ("we do not downsample"). */
  affirmed(hits: readonly Hit[]): Hit[] {
    return hits.filter((hit) => !this.inSentence(hit.sentence, 'negation'));
  }

  /** True when a word of the list occurs in the sentence. */
  inSentence(sentence: Sentence, name: string): boolean {
    for (const cue of this.cues(name)) {
      const length = cue.tokens.length;
      for (let i = 0; i + length <= sentence.tokens.length; i++) {
        let k = 0;
        while (k < length && tokenMatches(cue.tokens[k], sentence.tokens[i + k])) k++;
        if (k === length) return true;
      }
    }
    return false;
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

  /** The regions to read: the sections of the steps named, or every section and the rest. */
  private regions(where: Where, headings: boolean): Region[] {
    const cacheKey = `${where === 'document' ? '*' : where.join(',')}|${headings}`;
    return kept(this.regionsByKey, cacheKey, () => this.makeRegions(where, headings));
  }

  private makeRegions(where: Where, headings: boolean): Region[] {
    const { document, prose } = this.context;
    const { text } = document;
    const stepHeadings = () =>
      new Set(document.headings.filter((h) => h.stepIds.length > 0).map((h) => h.start));
    const keep = (blocks: ProseBlock[], own: Set<number>) =>
      blocks.filter((b) => b.kind !== 'heading' || (headings && !own.has(b.start)));
    const sections =
      where === 'document'
        ? document.steps
        : where.map((id) => document.stepById.get(id)).filter((s): s is StepSection => Boolean(s));
    const regions: Region[] = sections.map((section) => ({
      spans: section.spans,
      key: `${section.stepId}\u0000${section.spans.map((s) => text.slice(s.start, s.end)).join('\u0000')}`,
      ...readers(() => keep(prose.sectionBlocks(section), stepHeadings())),
    }));
    if (where === 'document') {
      const spans = document.steps.flatMap((s) => s.spans).sort((a, b) => a.start - b.start);
      const inStep = (offset: number) => spans.some((s) => offset >= s.start && offset < s.end);
      let rest = '';
      let at = 0;
      for (const span of spans) {
        rest += text.slice(at, Math.max(at, span.start)) + '\u0000';
        at = Math.max(at, span.end);
      }
      rest += text.slice(at);
      regions.push({
        key: `\u0000rest\u0000${rest}`,
        ...readers(() =>
          keep(
            prose.documentBlocks().filter((b) => !inStep(b.start)),
            stepHeadings(),
          ),
        ),
      });
    }
    return regions;
  }
}

function isSentenceBreak(text: string, at: number): boolean {
  const ch = text[at];
  if (ch === '\n') {
    // A line break ends a sentence when a blank line, a list item or a table row follows.
    return /^\n?[ \t]*(?:$|\n|[-*+|]\s|\d+[.)]\s|\|)/.test(text.slice(at + 1, at + 8));
  }
  if (ch === '|') return true;
  if (!/[.!?;。！？；]/.test(ch)) return false;
  if (/[。！？；]/.test(ch)) return true;
  const next = text[at + 1];
  return next === undefined || /\s/.test(next);
}

/** Whether a word of the text matches a word of a cue (as topic coverage compares them). */
