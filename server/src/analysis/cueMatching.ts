// How a topic's cues are matched against a step's words: a topic is covered when one of its cues
// occurs in the step's own prose (code excluded), compared on normalised words; which writing
// systems a step is written in (cues are looked for in matching languages); questions asked; and
// template text, which neither covers a topic nor counts as a word. The engine that applies these
// to a document's sections is ./topicCoverage.ts.
import type { Token } from '../core/tokens';
import { tokenize, wordWeight } from '../core/tokens';
import type {
  CompiledCaseStudy,
  CompiledCue,
  CompiledStep,
  CompiledTopic,
} from '../framework/compile';
import { phraseIn, sameCueWord } from '../framework/cueMatch';
import type { TopicStatus } from '../model/analysis';
import type { DesignDocument, ProseBlock } from '../model/document';

/** The topics a step must or may cover: the framework's and the case study's. */
export function topicsOf(
  step: CompiledStep,
  caseStudy: CompiledCaseStudy | undefined,
): CompiledTopic[] {
  return [...step.topics, ...(caseStudy?.topicsByStep.get(step.id) ?? [])];
}

/** Which writing system a stretch of text mostly uses; cues are looked for in matching languages. */
export type Script = 'latin' | 'han' | 'hangul' | 'cyrillic' | 'other';

// Languages not listed are written in Latin letters (en, es, pt, fr, de ...).
const LANGUAGE_SCRIPTS: Record<string, Script[]> = {
  zh: ['han'],
  ja: ['han'],
  ko: ['hangul'],
  ru: ['cyrillic'],
  uk: ['cyrillic'],
};

function scriptOf(token: Token): Script {
  if (token.kind === 'cjk') {
    const code = token.lower.codePointAt(0) ?? 0;
    return code >= 0xac00 && code <= 0xd7af ? 'hangul' : 'han';
  }
  if (token.latin) return 'latin';
  return /\p{Script=Cyrillic}/u.test(token.lower) ? 'cyrillic' : 'other';
}

/** Adds the words of the blocks (headings not counted) to per-script weights. */
export function addScriptWeights(
  blocks: readonly ProseBlock[],
  weights: Map<Script, number>,
): Map<Script, number> {
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    for (const token of block.tokens) {
      if (token.kind === 'word' && isNumber(token.lower)) continue;
      const script = scriptOf(token);
      weights.set(script, (weights.get(script) ?? 0) + wordWeight(token));
    }
  }
  return weights;
}

/** /^\d+$/ without a regular expression (this runs for every word of a design). */
function isNumber(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The scripts holding at least a quarter of the weight. */
export function mainOf(weights: Map<Script, number>): Set<Script> {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  const result = new Set<Script>();
  for (const [script, weight] of weights) if (weight * 4 >= total) result.add(script);
  return result;
}

const CLAUSE_END = /[.!?;。！？；\n]+(?=\s|$)|\n/gu;

/**
 * The tokens of a block that may show a topic covered: those of a sentence that defers or denies
 * the topic ("Loss function: out of scope.", "Online metrics TBD") are left out. Sentences are
 * read across the block's inline pieces ("**Loss function**: out of scope").
 */
export function evidenceTokens(block: ProseBlock, deferral: RegExp | undefined): Token[] {
  if (!deferral || block.tokens.length === 0) return block.tokens;
  let joined = '';
  for (const piece of block.pieces) joined += piece.text;
  if (!deferral.test(joined)) return block.tokens;
  // Source offset of each character of `joined`, through the pieces.
  const sourceAt = (index: number): number => {
    let seen = 0;
    for (const piece of block.pieces) {
      if (index < seen + piece.text.length) return piece.start + index - seen;
      seen += piece.text.length;
    }
    const last = block.pieces[block.pieces.length - 1];
    return last ? last.start + last.text.length : block.end;
  };
  const dropped: { start: number; end: number }[] = [];
  let from = 0;
  const clause = (to: number) => {
    if (to > from && deferral.test(joined.slice(from, to))) {
      dropped.push({ start: sourceAt(from), end: sourceAt(to - 1) + 1 });
    }
  };
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(joined); m; m = CLAUSE_END.exec(joined)) {
    clause(m.index + m[0].length);
    from = m.index + m[0].length;
  }
  clause(joined.length);
  if (dropped.length === 0) return block.tokens;
  return block.tokens.filter((t) => !dropped.some((d) => t.start >= d.start && t.start < d.end));
}

/**
 * Where a deferral label's reach stands after a block: `undefined` outside one, UNDER_HEADING
 * under a heading that defers ("#### Out of scope": to the next heading), else the column of the
 * label's list bullet (-1 for a label that is no list item: "Out of scope:" then a list).
 */
export type DeferralScope = number | undefined;
const UNDER_HEADING = -2;
// A label is a few words: "Out of scope:", "**Not addressed**", "- **Не входит:**".
const LABEL_WORDS = 8;
const LIST_ITEM_PREFIX = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?$/;
const LABEL_END = /:\s*(?:\*\*|__)?\s*$/;

/**
 * Which blocks a deferral label leaves out of topic search: the list under "Out of scope:" (its
 * items, to the first block that is not one of them) and everything under a heading that defers,
 * to the next heading. `text` holds the blocks (their offsets index it); `scope` is where the
 * blocks before these left it (a part's blocks continue the previous part's). Returns the indices
 * of the blocks left out, relative to `blocks`, and the scope after the last block.
 */
export function deferredBlocks(
  blocks: readonly ProseBlock[],
  text: string,
  deferral: RegExp | undefined,
  scope: DeferralScope,
): { deferred: number[]; scope: DeferralScope } {
  const deferred: number[] = [];
  if (!deferral) return { deferred, scope: undefined };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind === 'heading') {
      scope = isLabel(block, text, deferral) ? UNDER_HEADING : undefined;
      continue;
    }
    if (scope !== undefined && (scope === UNDER_HEADING || insideList(block, text, scope))) {
      deferred.push(i);
      continue;
    }
    scope = undefined;
    if (isLabel(block, text, deferral)) {
      const item = LIST_ITEM_PREFIX.exec(linePrefix(text, block.start));
      scope = item ? item[1].length : -1;
    }
  }
  return { deferred, scope };
}

/** A heading, or a few words ending with a colon or all in bold, that defer: "Out of scope:". */
function isLabel(block: ProseBlock, text: string, deferral: RegExp): boolean {
  if (block.tokens.length === 0 || block.tokens.length > LABEL_WORDS) return false;
  const source = text.slice(block.start, block.end).trim();
  const bold = /^(\*\*|__)[^*_]+\1$/.test(source);
  if (block.kind !== 'heading' && !bold && !LABEL_END.test(source)) return false;
  let joined = '';
  for (const piece of block.pieces) joined += piece.text;
  return deferral.test(joined);
}

/** Whether the block is an item (or an item's indented paragraph) of a list under a label's column. */
function insideList(block: ProseBlock, text: string, column: number): boolean {
  const prefix = linePrefix(text, block.start);
  const item = LIST_ITEM_PREFIX.exec(prefix);
  if (item) return item[1].length > column;
  return prefix.length > 0 && prefix.length > column && /^[ \t]+$/.test(prefix);
}

/** The text from the start of the line to `offset`. */
function linePrefix(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
}

/**
 * The hit that shows a topic covered, given each cue's first hit (`hits[k]` for `topic.cues[k]`,
 * `start` a document offset): the earliest hit of a cue that is not weak; failing that, the
 * earliest hit of a weak cue when two different weak cues are found at two places near each other
 * ("goal" alone is not a business objective; "goal" and "engagement" are). Ties go to the lower
 * cue index.
 */
export function evidenceOf<H extends { start: number }>(
  topic: CompiledTopic,
  hits: readonly (H | undefined)[],
  namingHeadingEnd?: () => number | undefined,
): H | undefined {
  const weakWords = new Set<string>();
  const weakPlaces = new Set<number>();
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k];
    if (!hit || !topic.cues[k].weak) continue;
    weakWords.add(topic.cues[k].tokens.map((t) => t.stem).join(' '));
    weakPlaces.add(hit.start);
  }
  let best: H | undefined;
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k];
    if (hit && !topic.cues[k].weak && (!best || hit.start < best.start)) best = hit;
  }
  if (best || weakWords.size === 0) return best;
  if (
    !(weakWords.size >= 2 && weakPlaces.size >= 2 && weakPairNear(topic, hits)) &&
    !weakRightUnder(topic, hits, namingHeadingEnd)
  ) {
    return best;
  }
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k];
    if (hit && (!best || hit.start < best.start)) best = hit;
  }
  return best;
}

// Two general words support each other only near each other, about a paragraph apart: "revenue"
// in a quoted example and "goal" three sections later are not a business objective.
const WEAK_SUPPORT_DISTANCE = 600;

/** Whether two weak cues of the topic with no word in common were found within WEAK_SUPPORT_DISTANCE. */
function weakPairNear<H extends { start: number }>(
  topic: CompiledTopic,
  hits: readonly (H | undefined)[],
): boolean {
  for (let a = 0; a < hits.length; a++) {
    const x = hits[a];
    if (!x || !topic.cues[a].weak) continue;
    for (let b = a + 1; b < hits.length; b++) {
      const y = hits[b];
      if (!y || !topic.cues[b].weak || y.start === x.start) continue;
      if (shareAWord(topic.cues[a], topic.cues[b])) continue;
      if (Math.abs(x.start - y.start) <= WEAK_SUPPORT_DISTANCE) return true;
    }
  }
  return false;
}

/**
 * Whether two cues share a word ("loss" and "loss function", "функция потерь" and "потери"): the
 * topic named twice is one piece of evidence, not a second one supporting the first.
 */
function shareAWord(a: CompiledCue, b: CompiledCue): boolean {
  return a.tokens.some((x) => b.tokens.some((y) => sameCueWord(x, y)));
}

/**
 * Whether a weak cue stands right under (within WEAK_SUPPORT_DISTANCE of) a step heading that
 * names the topic: "## Business task" then "Minimize the cost of manual review" states it, where
 * "minimize" alone would not. `headingEnd` gives that heading's end, or undefined when it names
 * no cue of the topic.
 */
function weakRightUnder<H extends { start: number }>(
  topic: CompiledTopic,
  hits: readonly (H | undefined)[],
  headingEnd: (() => number | undefined) | undefined,
): boolean {
  const end = headingEnd?.();
  if (end === undefined) return false;
  return hits.some(
    (hit, k) =>
      hit !== undefined &&
      topic.cues[k].weak &&
      hit.start >= end &&
      hit.start - end <= WEAK_SUPPORT_DISTANCE,
  );
}

/** The end of a step's opening heading when it holds one of the topic's cues ("Business task"). */
export function namingHeadingEnd(
  heading: { text: string; end: number },
  topic: CompiledTopic,
): number | undefined {
  const tokens = tokenize(heading.text);
  return topic.cues.some((cue) => phraseIn(cue.tokens, tokens)) ? heading.end : undefined;
}

/** What an uncovered topic is: missing, or unchecked when the step is in a language it has no cues for. */
export function uncoveredStatus(
  scripts: Set<Script>,
  topic: CompiledTopic,
): Exclude<TopicStatus, 'covered'> {
  // Written in a language this topic has no cues for: say nothing rather than something false.
  const readable = [...scripts].some((script) =>
    [...topic.languages].some((language) =>
      (LANGUAGE_SCRIPTS[language] ?? ['latin']).includes(script),
    ),
  );
  return scripts.size === 0 || readable ? 'missing' : 'unchecked';
}

// A question mark ends a question when a space, the end, closing punctuation or (in Chinese and
// Japanese, written without spaces) any character follows; a full-width one always does.
const QUESTION =
  /？|\?(?=\s|$|[)"'*_\]」』）]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

/** The questions asked in the blocks (headings not counted) and where the first one is. */
export function countQuestions(blocks: readonly ProseBlock[]): {
  count: number;
  first?: { start: number; end: number };
} {
  let count = 0;
  let first: { start: number; end: number } | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    for (const piece of block.pieces) {
      QUESTION.lastIndex = 0;
      for (let m = QUESTION.exec(piece.text); m; m = QUESTION.exec(piece.text)) {
        count++;
        first ??= { start: piece.start + m.index, end: piece.start + m.index + 1 };
      }
    }
  }
  return { count, first };
}

/**
 * Template text that is not the user's own words: placeholders, and on a line holding one, the
 * "Label:" before it ("- **Loss function**: TODO" neither covers a topic nor counts as a word).
 */
export class TemplateText {
  // Made only when there are placeholders (incremental analysis keeps one of these per part).
  private readonly byLine?: Map<
    number,
    { ranges: { start: number; end: number }[]; labelEnd: number }
  >;

  constructor(
    private readonly document: DesignDocument,
    placeholders: readonly { start: number; end: number; line: number }[],
  ) {
    if (placeholders.length > 0) this.byLine = new Map();
    for (const placeholder of placeholders) {
      let entry = this.byLine!.get(placeholder.line);
      if (!entry) {
        const lineStart = document.lines.lineStarts[placeholder.line];
        const lineText = document.lines.lineText(placeholder.line);
        const colon = lineText.search(/[:：]/);
        const label = colon >= 0 ? lineText.slice(0, colon) : '';
        const short = label.split(/\s+/).filter(Boolean).length <= 7;
        entry = { ranges: [], labelEnd: colon >= 0 && short ? lineStart + colon : lineStart };
        this.byLine!.set(placeholder.line, entry);
      }
      entry.ranges.push(placeholder);
    }
  }

  get empty(): boolean {
    return !this.byLine;
  }

  has(token: Token): boolean {
    if (!this.byLine) return false;
    const entry = this.byLine.get(this.document.lines.positionAt(token.start).line);
    if (!entry) return false;
    return (
      token.start < entry.labelEnd ||
      entry.ranges.some((r) => token.start < r.end && token.end > r.start)
    );
  }
}

/** The substantive words of one block: none for a heading or a bare "Label:". */
export function blockWords(block: ProseBlock, template: TemplateText): number {
  if (block.kind === 'heading') return 0;
  const blockText = block.pieces
    .map((p) => p.text)
    .join('')
    .trim();
  if (/[:：]$/.test(blockText) && block.tokens.length <= 6) return 0; // "**Offline metrics**:"
  let words = 0;
  for (const token of block.tokens) {
    if (!template.has(token)) words += wordWeight(token);
  }
  return words;
}
