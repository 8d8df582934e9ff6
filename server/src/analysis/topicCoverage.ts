// The topic-coverage engine: which topics each step covers and where, and each step's word count,
// from the per-part slices of its section. A whole-text analysis is the same with one part. A
// topic's result depends only on the slices it is looked for in, so an analysis reuses the
// previous one's results for the steps an edit left as they were (`CoverageMemo`).
import { lowerBound, upperBound } from '../core/search';
import type { Token } from '../core/tokens';
import type { CompiledTopic } from '../framework/compile';
import type { ProseRun, TopicCoverage } from '../model/analysis';
import type { DesignDocument, StepSection } from '../model/document';
import { CueIndex } from './cueIndex';
import {
  addScriptWeights,
  countQuestions,
  deferredBlocks,
  evidenceOf,
  evidenceTokens,
  namingHeadingEnd,
  mainOf,
  uncoveredStatus,
  type DeferralScope,
  type Script,
} from './cueMatching';
import { blocksOf, NONE, prosePartOf, type Part, type PartEntry, type Slice } from './partCache';

// Most slices hold no words of most topics: one shared empty list (never written to).
const NO_MATCHES: number[] = [];

/** A section's runs of blocks: the `i`th is blocks lo[i]..hi[i]-1 of parts[i]. */
interface SectionRanges {
  parts: Part[];
  lo: number[];
  hi: number[];
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
export class Coverage {
  private readonly sliceCache = new Map<StepSection, PlacedSlice[]>();
  private readonly rangeCache = new Map<StepSection, SectionRanges>();
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

  /** Technical terms and items (blocks with words): the sums substance.ts makes per block. */
  substance(section: StepSection): { terms: number; items: number } {
    let terms = 0;
    let items = 0;
    this.eachRange(section, (part, lo, hi) => {
      terms += part.entry.termsBefore[hi] - part.entry.termsBefore[lo];
      items += part.entry.itemsBefore[hi] - part.entry.itemsBefore[lo];
    });
    return { terms, items };
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
        evidence: { start, end, text: this.document.source.slice(start, end) },
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
    let best = evidenceOf(topic, found, () => namingHeadingEnd(section.heading, topic));
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
    // A cue that is not weak decides alone, so the first slice with one ends the search; weak
    // cues count only together, so without one the whole section is read.
    const weakHits: { index: number; start: number; end: number; at: number }[] = [];
    for (let index = 0; index < placed.length && !best; index++) {
      const { part, slice } = placed[index];
      const matches = this.matches(part, slice, topic);
      for (let k = 0; k < matches.length; k += 3) {
        if (topic.cues[matches[k]].weak) {
          weakHits[matches[k]] ??= {
            index,
            start: matches[k + 1] + part.start,
            end: matches[k + 2],
            at: matches[k + 1],
          };
        } else if (!best || matches[k + 1] < best.start) {
          best = { index, start: matches[k + 1], end: matches[k + 2] };
        }
      }
    }
    if (!best) {
      const hit = evidenceOf(topic, weakHits, () => namingHeadingEnd(section.heading, topic));
      if (hit) best = { index: hit.index, start: hit.at, end: hit.end };
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
        const hit = index.first(
          topic.cues[k],
          topic.notBefore.size > 0 ? topic.notBefore : undefined,
        );
        if (hit) matches.push(k, hit.start, hit.end);
      }
      if (matches.length === 0) matches = NO_MATCHES;
      slice.topics.set(topic, matches);
    }
    return matches;
  }

  /** Prose blocks other than headings in the section. */
  proseBlocks(section: StepSection): number {
    let count = 0;
    this.eachRange(section, (part, lo, hi) => {
      count += hi - lo;
      for (const i of part.entry.headingBlocks) if (i >= lo && i < hi) count--;
    });
    return count;
  }

  /** The section's blocks as runs of its parts' blocks, for the rules. */
  sectionRuns(section: StepSection): ProseRun[] {
    const runs: ProseRun[] = [];
    this.eachRange(section, (part, lo, hi) => {
      runs.push({ part: prosePartOf(part.entry), offset: part.start, lo, hi });
    });
    return runs;
  }

  /** Calls `visit` for each part's run of blocks [lo, hi) inside the section, in order. */
  private eachRange(section: StepSection, visit: (part: Part, lo: number, hi: number) => void) {
    const { parts, lo, hi } = this.rangesOf(section);
    for (let i = 0; i < parts.length; i++) visit(parts[i], lo[i], hi[i]);
  }

  /** The section's runs of blocks, worked out once per analysis (words, terms, slices read them). */
  private rangesOf(section: StepSection): SectionRanges {
    let ranges = this.rangeCache.get(section);
    if (ranges) return ranges;
    ranges = { parts: [], lo: [], hi: [] };
    for (const span of mergedSpans(section.spans)) {
      let p = upperBound(this.partStarts, span.start) - 1;
      for (; p < this.parts.length && (p < 0 || this.parts[p].start < span.end); p++) {
        if (p < 0) continue;
        const part = this.parts[p];
        const starts = part.entry.blockStarts;
        const lo = lowerBound(starts, span.start - part.start);
        const hi = lowerBound(starts, span.end - part.start);
        if (lo < hi) {
          ranges.parts.push(part);
          ranges.lo.push(lo);
          ranges.hi.push(hi);
        }
      }
    }
    this.rangeCache.set(section, ranges);
    return ranges;
  }

  private slicesOf(section: StepSection): PlacedSlice[] {
    let placed = this.sliceCache.get(section);
    if (placed) return placed;
    placed = [];
    const own = new Set(section.headings.map((h) => h.start));
    // Where a deferral label's reach stands: a part's blocks continue the previous part's.
    let scope: DeferralScope;
    this.eachRange(section, (part, lo, hi) => {
      let excluded: number[] = NONE;
      for (const i of part.entry.headingBlocks) {
        if (i >= lo && i < hi && own.has(part.entry.blockStarts[i] + part.start)) {
          if (excluded === NONE) excluded = [];
          excluded.push(i);
        }
      }
      // Most slices leave out no heading and start in no deferral's reach: a number names them (no
      // string is built per part and analysis), a string the others.
      const key =
        excluded.length === 0 && scope === undefined && hi < 2 ** 26
          ? lo * 2 ** 26 + hi
          : `${lo}:${hi}:${excluded.join(',')}:${scope ?? ''}`;
      let slice = part.entry.slices.get(key);
      if (!slice) {
        const all = blocksOf(part.entry).slice(lo, hi);
        const blocks = all.filter((_, k) => !excluded.includes(lo + k));
        const questions = countQuestions(blocks);
        const reach = deferredBlocks(all, part.entry.text, part.entry.framework.deferral, scope);
        slice = {
          lo,
          hi,
          excluded,
          deferred: reach.deferred.length > 0 ? reach.deferred.map((k) => lo + k) : NONE,
          scopeAfter: reach.scope,
          scripts: addScriptWeights(blocks, new Map()),
          questions: questions.count,
          firstQuestion: questions.first,
          topics: new Map(),
        };
        part.entry.slices.set(key, slice);
      }
      scope = slice.scopeAfter;
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
    if (slice.excluded.includes(i) || slice.deferred.includes(i)) continue;
    const tokens = evidenceTokens(blocksOf(entry)[i], entry.framework.deferral);
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
