// Which heading opens each step: one decision over the whole heading sequence. Every heading is
// scored for every step it could open, from evidence (its words, its numbering and level against
// the document's other step headings, its place, what its section talks about); then the
// assignment of steps to headings with the best total is chosen by dynamic programming over the
// headings, the framework's order being a preference with a cost, not a wall. A step whose best
// heading scores below a threshold is left unassigned: no match is better than a wrong one.
import type { TextSource } from '../core/pieceText';
import { tokenize, type Token } from '../core/tokens';
import type { CompiledCue, CompiledFramework, CompiledStep, CueToken } from '../framework/compile';
import { phraseIn } from '../framework/cueMatch';
import { closesFence, fenceOpening, type OpenFence } from './blocks';
import type { Heading } from '../model/document';

/** Why a heading opens a step: the evidence, each with what it added to the score. */
export interface StepChoice {
  stepId: string;
  heading: Heading;
  score: number;
  evidence: string[];
  /** A weak reading (`fallbackHeadings`): the writer did not call the heading this step. */
  weak?: true;
}

export interface StepAssignment {
  /** The heading chosen to open each step. */
  openings: Map<string, StepChoice>;
  /** For each heading index, the steps it is shaped like (score at or above the threshold). */
  eligible: Map<number, Set<string>>;
}

export interface DocumentShape {
  /** Heading depth most step headings use. */
  stepDepth: number;
  /** Most step headings carry numbers. */
  numbersSteps: boolean;
}

// Weights of the evidence. A whole-heading alias is worth more than a head word, which is worth
// far more than a word that only qualifies another head. The threshold is what a head word at the
// step level scores with nothing against it: a head word deep in a section, or a title, falls short.
const WORD_WEIGHT = { alias: 6, head: 4, lead: 3, modifier: 1 } as const;
const THRESHOLD = 4.5;
const AT_STEP_LEVEL = 1;
const PER_LEVEL_DEEPER = 1.5;
const MAX_DEPTH_PENALTY = 3;
const NUMBERED_LIKE_STEPS = 1.5;
const NUMBERED_AS_SUB_POINT = -0.5;
const UNNUMBERED_AMONG_NUMBERED = -1.5;
const TITLE_PENALTY = { alias: -2, other: -5 } as const;
const NUMBERED_SUB_POINT_OF_EARLIER_STEP = 2.5;
const INSIDE_SAME_STEP = -2;
const PER_TOPIC_MENTIONED = 0.5;
const MAX_TOPIC_BONUS = 1.5;
/** Cost of opening a step after a later step: less for a heading that looks like a step heading. */
const ORDER_COST = { base: 2.5, alias: -1, stepShaped: -1, min: 0.5 } as const;
/** What of a section is read for topic cues, and for how many headings per document. */
const BODY_WINDOW = 1200;
/** How much less like a step heading the first of consecutive parts may look and still open it. */
const FIRST_PART_TOLERANCE = 1;
/** Restarts after which a numbering style numbers a list of points rather than the steps. */
const MAX_RESTARTS = 1;
/** How many of each step's best-scoring headings the assignment weighs. */
const CANDIDATES_PER_STEP = 6;
const MAX_BODY_READS = 48;
/** How much of a section a weak reading (`fallbackHeadings`) reads. */
const FALLBACK_WINDOW = 4000;
/** How far behind a step's best heading another is still weighed on what its section says. */
const CONTESTED_MARGIN = MAX_TOPIC_BONUS + ORDER_COST.base;

interface Candidate {
  heading: Heading;
  /** Each option: the steps opened together and the gain over leaving them unopened. */
  options: Option[];
}

interface Option {
  steps: number[];
  mask: number;
  gain: number;
  /** Opening cost when a later step is already open, before the option is taken. */
  orderCost: number;
  /** The option is only open when this step index is (or is not) already assigned. */
  requires?: { index: number; present: boolean };
  scores: ScoredStep[];
  /** No other heading can open the option's steps. */
  sole?: boolean;
}

interface ScoredStep {
  stepId: string;
  score: number;
  /** The score from the heading alone, before what its section talks about. */
  headingScore: number;
  /** The heading names the step only in a word that qualifies another step's head. */
  onlyQualifies?: boolean;
  evidence: string[];
}

/**
 * An assignment and what it was worked out from. The next analysis of the same document takes it
 * again while the headings (level and text: a heading's match is made from its text, and the
 * document's shape from the matches) and the openings of sections that were read are as they were:
 * an edit in a section's body, as a rule.
 */
export interface AssignmentMemo {
  framework: CompiledFramework;
  /** Each heading's level and text. */
  depths: number[];
  texts: string[];
  /** The sections read for what they talk about: heading index, hash of the text read. */
  reads: Map<number, number>;
  /** The sections read for a weak reading (`fallbackHeadings`): heading index, hash. */
  sectionReads: Map<number, number>;
  assignment: StepAssignment;
}

/** `memo.last`: the previous analysis's assignment, replaced by this one's. */
export function chooseStepHeadings(
  headings: Heading[],
  text: TextSource,
  framework: CompiledFramework,
  shape: DocumentShape,
  memo: { last?: AssignmentMemo } = {},
): StepAssignment {
  const last = memo.last;
  if (
    last?.framework === framework &&
    sameHeadings(headings, last) &&
    [...last.reads].every(([i, hash]) => windowOf(headings, headings[i], text).hash === hash) &&
    [...last.sectionReads].every(
      ([i, hash]) =>
        fallbackSpan(headings, headings[i], text, last.assignment.openings).hash === hash,
    )
  ) {
    const openings = new Map(
      [...last.assignment.openings].map(([id, c]) => [
        id,
        { ...c, heading: headings[c.heading.index] },
      ]),
    );
    return (last.assignment = { openings, eligible: last.assignment.eligible });
  }
  const reads = new Map<number, number>();
  const context = documentContext(headings, framework, shape);
  const scoredHeadings: { heading: Heading; scored: ScoredStep[] }[] = [];
  const topScore = new Map<string, number>();
  for (const heading of headings) {
    if (heading.match.extra) continue;
    const scored = scoreHeading(heading, framework, context);
    if (scored.length === 0) continue;
    scoredHeadings.push({ heading, scored });
    for (const s of scored) {
      if (!s.onlyQualifies)
        topScore.set(s.stepId, Math.max(topScore.get(s.stepId) ?? -Infinity, s.score));
    }
  }
  // What a section talks about decides between close candidates, and explains the one chosen:
  // read only for a step's best headings and those close behind, up to a bound per document.
  let bodyReads = 0;
  const candidates: Candidate[] = [];
  const eligible = new Map<number, Set<string>>();
  for (const { heading, scored } of scoredHeadings) {
    const contested = scored.some(
      (s) =>
        !s.onlyQualifies &&
        s.score >= THRESHOLD - MAX_TOPIC_BONUS &&
        s.score >= (topScore.get(s.stepId) ?? 0) - CONTESTED_MARGIN,
    );
    if (contested && bodyReads < MAX_BODY_READS) {
      bodyReads++;
      const window = windowOf(headings, heading, text);
      reads.set(heading.index, window.hash);
      for (const entry of scored)
        addTopicEvidence(entry, topicsMentioned(heading, text, window, framework));
    }
    // A word that only qualifies another head never opens a step, whatever supports it.
    const passing = scored.filter((s) => s.score >= THRESHOLD && !s.onlyQualifies);
    if (passing.length === 0) continue;
    eligible.set(heading.index, new Set(passing.map((s) => s.stepId)));
    candidates.push({ heading, options: optionsOf(heading, passing, framework, context) });
  }
  discountSoleCandidates(candidates);
  const openings = bestAssignment(strongest(candidates), framework);
  moveToFirstPart(openings, headings, candidates);
  const sectionReads = new Map<number, number>();
  openFallbacks(openings, eligible, headings, text, framework, context, sectionReads);
  const assignment = { openings, eligible };
  memo.last = {
    framework,
    depths: headings.map((h) => h.depth),
    texts: headings.map((h) => h.text),
    reads,
    sectionReads,
    assignment,
  };
  return assignment;
}

/** Whether the headings have the levels and texts the memo's had (no key is built per edit). */
function sameHeadings(headings: Heading[], { depths, texts }: AssignmentMemo): boolean {
  if (headings.length !== depths.length) return false;
  for (let i = 0; i < headings.length; i++) {
    if (headings[i].depth !== depths[i] || headings[i].text !== texts[i]) return false;
  }
  return true;
}

/**
 * The order cost is there to choose the heading in the framework's order over one out of it. A
 * step that only one heading can open has no such choice: out of order, it opens all the same
 * (the order finding reports it), unless the heading also names another step ("Training data"
 * after "Model" is the model's training data, not a late data step).
 */
function discountSoleCandidates(candidates: Candidate[]): void {
  const headingsPerStep = new Map<string, number>();
  for (const { options } of candidates) {
    const steps = new Set(options.flatMap((o) => o.scores.map((s) => s.stepId)));
    for (const step of steps) headingsPerStep.set(step, (headingsPerStep.get(step) ?? 0) + 1);
  }
  for (const { heading, options } of candidates) {
    for (const option of options) {
      const own = new Set(option.scores.map((s) => s.stepId));
      if (
        heading.match.words.every((w) => own.has(w.stepId)) &&
        option.scores.every((s) => headingsPerStep.get(s.stepId) === 1)
      ) {
        option.orderCost = ORDER_COST.min;
        option.sole = true;
      }
    }
  }
}

/**
 * The candidates among the best few of some step (earliest first on equal scores): the only ones
 * the assignment could choose in practice, and a bound on its work in a long document.
 */
function strongest(candidates: Candidate[]): Candidate[] {
  const byStep = new Map<string, { candidate: number; score: number }[]>();
  candidates.forEach((candidate, index) => {
    for (const option of candidate.options) {
      for (const scored of option.scores) {
        const list = byStep.get(scored.stepId) ?? [];
        list.push({ candidate: index, score: scored.score });
        byStep.set(scored.stepId, list);
      }
    }
  });
  const keep = new Set<number>();
  for (const list of byStep.values()) {
    list.sort((a, b) => b.score - a.score || a.candidate - b.candidate);
    for (const { candidate } of list.slice(0, CANDIDATES_PER_STEP)) keep.add(candidate);
  }
  return candidates.filter((_, index) => keep.has(index));
}

/**
 * A step written as consecutive parts at one level ("Functional requirements", "Non-functional
 * requirements") opens at its first part, whatever the later part's section mentions, unless
 * the earlier heading looks less like a step heading.
 */
function moveToFirstPart(
  openings: Map<string, StepChoice>,
  headings: Heading[],
  candidates: Candidate[],
): void {
  const scoreAt = new Map<number, ScoredStep[]>();
  for (const { heading, options } of candidates) {
    scoreAt.set(
      heading.index,
      options.flatMap((o) => o.scores),
    );
  }
  const taken = new Set([...openings.values()].map((c) => c.heading.index));
  for (const choice of openings.values()) {
    const own = scoreAt.get(choice.heading.index)?.find((s) => s.stepId === choice.stepId);
    if (!own) continue;
    let at = choice.heading.index - 1;
    let first: { heading: Heading; scored: ScoredStep } | undefined;
    while (at >= 0 && headings[at].depth >= choice.heading.depth) {
      const heading = headings[at--];
      if (heading.depth > choice.heading.depth) continue;
      const scored = scoreAt.get(heading.index)?.find((s) => s.stepId === choice.stepId);
      if (
        !scored ||
        taken.has(heading.index) ||
        scored.headingScore < own.headingScore - FIRST_PART_TOLERANCE
      ) {
        break;
      }
      first = { heading, scored };
    }
    if (first) {
      taken.delete(choice.heading.index);
      taken.add(first.heading.index);
      choice.heading = first.heading;
      choice.score = Math.round(first.scored.score * 10) / 10;
      choice.evidence = [
        ...first.scored.evidence,
        'the first of consecutive headings naming the step',
      ];
    }
  }
}

/**
 * The weak readings: a step no heading opened ("Deployment" nowhere) opens at the first heading
 * of its `fallbackHeadings` ("Architecture", "Step 3: Two-stage architecture") that opens no step,
 * stands where a step heading would, carries none of the words that make it another step's
 * ("Model architecture"), and whose section's prose has more of the step's words than of the
 * other reading's ("request", "latency", "API" against "loss", "epochs"): a system's architecture
 * is where such a design describes how requests are served. A diagram alone does not open it.
 */
function openFallbacks(
  openings: Map<string, StepChoice>,
  eligible: Map<number, Set<string>>,
  headings: Heading[],
  text: TextSource,
  framework: CompiledFramework,
  context: Context,
  sectionReads: Map<number, number>,
): void {
  const taken = new Set([...openings.values()].map((c) => c.heading.index));
  for (const step of framework.steps) {
    const fallback = step.fallback;
    if (!fallback || openings.has(step.id)) continue;
    for (const heading of headings) {
      const { match } = heading;
      if (
        taken.has(heading.index) ||
        heading.index < context.titleEnd ||
        match.extra ||
        match.words.some((w) => w.kind !== 'modifier') ||
        !atStepLevel(heading, context)
      ) {
        continue;
      }
      const words = tokenize(match.normalised).filter((t) => t.kind === 'word');
      const lowers = words.map((t) => t.lower);
      const head = fallback.heads.find(
        (h) =>
          h.length <= lowers.length &&
          h.every((word, i) => lowers[lowers.length - h.length + i] === word),
      );
      if (!head || words.some((t) => fallback.notWith.has(t.stem))) continue;
      const span = fallbackSpan(headings, heading, text, openings);
      sectionReads.set(heading.index, span.hash);
      const tokens = tokenize(proseOf(text.slice(heading.end, span.end)));
      const stems = new Set(tokens.filter((t) => t.kind === 'word').map((t) => t.stem));
      // Each cue once by its stems ("request" and "requests" are one word of the section).
      const found = (cues: CompiledCue[]) => {
        const seen = new Map<string, string>();
        for (const cue of cues) {
          const key = cue.tokens.map((t) => t.stem).join(' ');
          if (!seen.has(key) && mentionsCue(tokens, stems, cue.tokens))
            seen.set(key, cue.text.toLowerCase());
        }
        return [...seen.values()];
      };
      const forStep = found(fallback.cues);
      const against = found(fallback.against);
      if (forStep.length <= against.length) continue;
      openings.set(step.id, {
        stepId: step.id,
        heading,
        score: THRESHOLD,
        evidence: [
          `'${head.join(' ')}' in heading (a weak reading: no heading names the step)`,
          `section mentions ${forStep.join(', ')}` +
            (against.length > 0 ? `, more than ${against.join(', ')}` : ''),
        ],
        weak: true,
      });
      taken.add(heading.index);
      eligible.set(heading.index, new Set([...(eligible.get(heading.index) ?? []), step.id]));
      break;
    }
  }
}

/** A heading at the level of the document's step headings, or numbered as a step. */
function atStepLevel(heading: Heading, context: Context): boolean {
  return (
    context.stepLevels.has(heading.depth) ||
    heading.depth < context.shape.stepDepth ||
    heading.match.numbering?.style === 'step'
  );
}

/**
 * What a weak reading reads of a heading's section: the text the step would hold, up to the next
 * heading that opens a step, is a well-known extra section or stands above the heading, at most
 * `FALLBACK_WINDOW` characters.
 */
function fallbackSpan(
  headings: Heading[],
  heading: Heading,
  text: TextSource,
  openings: Map<string, StepChoice>,
) {
  const opening = new Set([...openings.values()].map((c) => c.heading.index));
  let end = text.length;
  for (let i = heading.index + 1; i < headings.length; i++) {
    const next = headings[i];
    if (next.depth < heading.depth || next.match.extra || opening.has(i)) {
      end = next.start;
      break;
    }
  }
  end = Math.min(end, heading.end + FALLBACK_WINDOW);
  return { end, hash: hashOf(text, heading.end, end) };
}

/**
 * The prose of a stretch of Markdown: fenced code (diagrams included), HTML comments and link
 * definitions (template prompts hidden as "[//]: # (...)") are blanked. The rest of the checker
 * reads no diagram, so a section that is only a diagram would be an empty step.
 */
function proseOf(markdown: string): string {
  const out: string[] = [];
  let fence: OpenFence | undefined;
  for (const line of markdown.split('\n')) {
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      out.push('');
    } else if ((fence = fenceOpening(line))) {
      out.push('');
    } else {
      out.push(/^ {0,3}\[[^\]]+\]:\s/.test(line) ? '' : line);
    }
  }
  return out.join('\n').replace(/<!--[\s\S]*?-->/g, ' ');
}

interface Context {
  shape: DocumentShape;
  /** The levels the document's step headings use (several when a writer mixes them). */
  stepLevels: Set<number>;
  /** The deepest of them. */
  deepestLevel: number;
  titleEnd: number;
  parents: (Heading | undefined)[];
  /** The numbering styles the step headings use ("arabic", "upper-roman"). */
  stepNumbering: Set<string>;
}

function documentContext(
  headings: Heading[],
  framework: CompiledFramework,
  fallback: DocumentShape,
): Context {
  // The title and subtitles: the leading unnumbered headings that each have a deeper one right
  // after them ("# Design Doc" > "## Summary: Designing a Ranking Model" > "### 1. Goals"), up
  // to one that is exactly a step's name ("## Data preparation" is a step, not a subtitle).
  let titleEnd = 0;
  while (
    titleEnd + 1 < headings.length &&
    !headings[titleEnd].match.numbered &&
    !headings[titleEnd].match.strong &&
    headings[titleEnd + 1].depth > headings[titleEnd].depth
  ) {
    titleEnd++;
  }
  const parents: (Heading | undefined)[] = [];
  const stack: Heading[] = [];
  for (const heading of headings) {
    while (stack.length > 0 && stack[stack.length - 1].depth >= heading.depth) stack.pop();
    parents.push(stack[stack.length - 1]);
    stack.push(heading);
  }
  // The document's step headings, as far as their shape goes: the headings that name a step and
  // sit in no other heading that names one (sub-headings of a step repeat its words).
  const names = (h: Heading) =>
    h.match.words.some((w) => w.kind !== 'modifier' && framework.stepById.has(w.stepId));
  const outer: Heading[] = [];
  for (const heading of headings) {
    if (heading.index < titleEnd || heading.match.extra || !names(heading)) continue;
    let parent = parents[heading.index];
    while (parent && parent.index >= titleEnd && !names(parent)) parent = parents[parent.index];
    if (!parent || parent.index < titleEnd) outer.push(heading);
  }
  // A level, or a numbering style, holds the steps when a good share of them use it: writers mix
  // ("## 1. Goals" and "#### 2.3.0. Data"), and a single stray heading does not make a level.
  const common = <T>(values: T[]): Set<T> => {
    const counts = new Map<T, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const top = Math.max(0, ...counts.values());
    return new Set(
      [...counts].filter(([, n]) => n === top || n * 3 >= values.length).map(([v]) => v),
    );
  };
  const stepLevels =
    outer.length > 0 ? common(outer.map((h) => h.depth)) : new Set([fallback.stepDepth]);
  const deepestLevel = Math.max(...stepLevels);
  const stepDepth = Math.min(...stepLevels);
  const atLevel = outer.filter((h) => h.depth <= deepestLevel);
  const numbered = atLevel.filter((h) => h.match.numbering);
  // Step numbers run on through the document; numbers that start again under each part
  // ("### 1.", "### 2.", then "### 1." again) number a list of points, not the steps.
  const restarts = new Map<string, number>();
  const lastValue = new Map<string, number>();
  for (const h of headings) {
    if (h.index < titleEnd || !h.match.numbering || !stepLevels.has(h.depth)) continue;
    const { style, value } = h.match.numbering;
    const previous = lastValue.get(style);
    const subNumber = style === 'arabic.2' || style === 'arabic.3';
    if (previous !== undefined && (value < previous || (value === previous && !subNumber))) {
      restarts.set(style, (restarts.get(style) ?? 0) + 1);
    }
    lastValue.set(style, value);
  }
  const stepNumbering = common(
    numbered
      .map((h) => h.match.numbering!.style)
      .filter((style) => (restarts.get(style) ?? 0) < MAX_RESTARTS),
  );
  const stepNumbered = numbered.filter((h) => stepNumbering.has(h.match.numbering!.style));
  const numbersSteps = atLevel.length >= 2 && stepNumbered.length * 2 > atLevel.length;
  return {
    shape: { stepDepth, numbersSteps },
    stepLevels,
    deepestLevel,
    titleEnd,
    parents,
    stepNumbering,
  };
}

/** The heading's score for each step its words name, with the evidence. */
function scoreHeading(
  heading: Heading,
  framework: CompiledFramework,
  context: Context,
): ScoredStep[] {
  const { match } = heading;
  if (match.words.length === 0) return [];
  const { shape } = context;
  const parent = context.parents[heading.index];
  const namedParent = parent && parent.match.words.some((w) => w.kind !== 'modifier');
  const unnamedNumberedParent =
    parent !== undefined &&
    parent.match.numbering !== undefined &&
    context.stepNumbering.has(parent.match.numbering.style) &&
    !namedParent &&
    !parent.match.extra &&
    parent.depth <= context.deepestLevel;
  const shapeEvidence: { points: number; why: string }[] = [];
  let level: { points: number; why: string } | undefined;
  if (context.stepLevels.has(heading.depth)) {
    level = { points: AT_STEP_LEVEL, why: 'at the level of the other step headings' };
  } else if (heading.depth < shape.stepDepth) {
    level = { points: AT_STEP_LEVEL, why: 'above the other step headings' };
  } else if (match.numbering?.style === 'step') {
    // "#### Stage 4. Deployment" under a part of the document: the writer calls it a step, so
    // it stands at a step's level however deep the part nests it.
    level = { points: AT_STEP_LEVEL, why: 'numbered as a step, at any depth' };
  } else if (heading.depth > context.deepestLevel) {
    const levels = heading.depth - context.deepestLevel;
    level = {
      points: -Math.min(MAX_DEPTH_PENALTY, levels * PER_LEVEL_DEEPER),
      why: 'a sub-heading',
    };
  }
  if (match.numbering?.style === 'step') {
    // "Step 2:", "Stage 1.", "Этап 3 -": the writer calls the heading a step.
    shapeEvidence.push({
      points: NUMBERED_LIKE_STEPS,
      why: `numbered as a step (${match.numbering.value})`,
    });
  } else if (shape.numbersSteps && heading.depth >= shape.stepDepth) {
    // A heading above the steps' level is a part of the document: its numbers say nothing.
    const numbering = match.numbering;
    if (!numbering) {
      // Only a heading at the steps' level is expected to carry their numbers, not a part of
      // a numbered heading.
      if (heading.depth <= context.deepestLevel && !unnamedNumberedParent)
        shapeEvidence.push({
          points: UNNUMBERED_AMONG_NUMBERED,
          why: 'not numbered like the other steps',
        });
    } else if (
      context.stepNumbering.has(numbering.style) &&
      heading.depth <= context.deepestLevel
    ) {
      shapeEvidence.push({
        points: NUMBERED_LIKE_STEPS,
        why: `numbered ${numbering.value} like the other steps`,
      });
    } else {
      shapeEvidence.push({ points: NUMBERED_AS_SUB_POINT, why: 'numbered as a sub-point' });
    }
  }
  const isTitle = heading.index < context.titleEnd;

  const scored: ScoredStep[] = [];
  for (const word of match.words) {
    const step = framework.stepById.get(word.stepId);
    if (!step) continue;
    let score = WORD_WEIGHT[word.kind];
    const evidence = [`'${word.word}' in heading (${describeWord(word.kind)})`];
    for (const { points, why } of shapeEvidence) {
      score += points;
      evidence.push(why);
    }
    const opener = ancestorNaming(heading, step.id, context);
    if (opener) {
      score += INSIDE_SAME_STEP;
      evidence.push(`inside '${opener.text.trim()}', which names the step too`);
    }
    if (isTitle) {
      score += word.kind === 'alias' ? TITLE_PENALTY.alias : TITLE_PENALTY.other;
      evidence.push('the document title');
    }
    if (unnamedNumberedParent && !opener && word.kind !== 'modifier') {
      // "## Step 3: Architecture" > "### Features": a part of a step-shaped heading that names
      // no step stands where a step heading would.
      score += AT_STEP_LEVEL;
      evidence.push(`a part of '${parent!.text.trim()}', a numbered heading that names no step`);
    } else {
      if (level) {
        score += level.points;
        evidence.push(level.why);
      }
    }
    if (
      !unnamedNumberedParent &&
      match.numbered &&
      parent &&
      namedParent &&
      (word.kind === 'head' || word.kind === 'lead') &&
      heading.depth > parent.depth &&
      laterThanParent(step, parent, framework)
    ) {
      // "## 4. Modelling" > "### b. What evaluation metrics would you use?": the sub-point
      // opens the step after the one it sits in.
      score += NUMBERED_SUB_POINT_OF_EARLIER_STEP;
      evidence.push('a numbered sub-point after an earlier step');
    }
    scored.push({
      stepId: step.id,
      score,
      headingScore: score,
      evidence,
      onlyQualifies: word.kind === 'modifier',
    });
  }
  return scored;
}

/** The nearest enclosing heading whose words name the same step ("## Data" > "### Data sources"). */
function ancestorNaming(heading: Heading, stepId: string, context: Context): Heading | undefined {
  // The title names the subject, not a step; a word that only leads a general noun ("Ranking
  // model design") does not open the step above its sub-headings either.
  for (let p = context.parents[heading.index]; p; p = context.parents[p.index]) {
    if (p.index < context.titleEnd) break;
    if (
      p.match.words.some((w) => w.stepId === stepId && (w.kind === 'alias' || w.kind === 'head'))
    ) {
      return p;
    }
  }
  return undefined;
}

const WORD_KINDS = {
  alias: "the step's name",
  head: 'head word',
  lead: 'before a general head word',
  modifier: 'qualifying word',
} as const;

function describeWord(kind: keyof typeof WORD_KINDS): string {
  return WORD_KINDS[kind];
}

function laterThanParent(step: CompiledStep, parent: Heading, framework: CompiledFramework) {
  const parentSteps = parent.match.words
    .filter((w) => w.kind !== 'modifier')
    .map((w) => framework.stepById.get(w.stepId)?.index ?? Infinity);
  return parentSteps.length > 0 && parentSteps.every((index) => index < step.index);
}

/** What the start of a heading's own text (up to the next heading) mentions, by step. */
type Mentions = Map<string, string[]>;

/**
 * Per heading match (shared by every analysis while its part is unchanged): the hash of the text
 * read and what it mentions. Typing elsewhere leaves a section's text as it was, so it is not
 * read again; a hash, not the text, is kept (memory).
 */
const mentionsCache = new WeakMap<
  object,
  { hash: number; framework: string; mentions: Mentions }
>();

/** The start of a heading's own text that is read (up to the next heading), and its hash. */
function windowOf(headings: Heading[], heading: Heading, text: TextSource) {
  const next = headings[heading.index + 1];
  const end = Math.min(next ? next.start : text.length, heading.end + BODY_WINDOW);
  return { end, hash: hashOf(text, heading.end, end) };
}

function topicsMentioned(
  heading: Heading,
  text: TextSource,
  { end, hash }: { end: number; hash: number },
  framework: CompiledFramework,
): (stepId: string) => string[] {
  let cached = mentionsCache.get(heading.match);
  if (!cached || cached.hash !== hash || cached.framework !== framework.id) {
    cached = { hash, framework: framework.id, mentions: new Map() };
    mentionsCache.set(heading.match, cached);
  }
  const { mentions } = cached;
  let tokens: Token[] | undefined;
  let stems: Set<string> | undefined;
  return (stepId) => {
    let list = mentions.get(stepId);
    if (list) return list;
    tokens ??= end > heading.end ? tokenize(text.slice(heading.end, end)) : [];
    if (!stems) {
      stems = new Set<string>();
      for (const token of tokens) if (token.kind === 'word') stems.add(token.stem);
    }
    list = [];
    const step = framework.stepById.get(stepId);
    for (const topic of step?.topics ?? []) {
      if (list.length * PER_TOPIC_MENTIONED >= MAX_TOPIC_BONUS) break;
      if (topic.cues.some((cue) => !cue.weak && mentionsCue(tokens!, stems!, cue.tokens))) {
        list.push(topic.title.toLowerCase());
      }
    }
    mentions.set(stepId, list);
    return list;
  };
}

/** FNV-1a over a stretch of the text. */
function hashOf(source: TextSource, start: number, end: number): number {
  // One slice (a window of a few kilobytes at most), then its characters.
  const text = source.slice(start, end);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function addTopicEvidence(entry: ScoredStep, mentioned: (stepId: string) => string[]) {
  if (entry.onlyQualifies) return;
  const topics = mentioned(entry.stepId);
  if (topics.length === 0) return;
  entry.score += Math.min(MAX_TOPIC_BONUS, topics.length * PER_TOPIC_MENTIONED);
  entry.evidence.push(`section mentions ${topics.join(', ')}`);
}

function mentionsCue(tokens: Token[], stems: Set<string>, cue: CueToken[]): boolean {
  if (cue.length === 0) return false;
  const first = cue[0];
  const plain =
    first.kind === 'word' &&
    !first.abbreviation &&
    !first.substring &&
    !first.prefix &&
    !first.number;
  if (plain && !stems.has(first.stem)) return false;
  return phraseIn(cue, tokens);
}

/** The ways a heading can open steps: each step alone, or all it names together. */
function optionsOf(
  heading: Heading,
  passing: ScoredStep[],
  framework: CompiledFramework,
  context: Context,
): Option[] {
  const { match } = heading;
  const stepShaped =
    match.numbering !== undefined &&
    context.stepNumbering.has(match.numbering.style) &&
    heading.depth <= context.deepestLevel;
  const make = (scores: ScoredStep[], requires?: Option['requires']): Option => {
    const steps = scores.map((s) => framework.stepById.get(s.stepId)!.index).sort((a, b) => a - b);
    const alias = match.words.some((w) => w.kind === 'alias');
    const orderCost = Math.max(
      ORDER_COST.min,
      ORDER_COST.base + (alias ? ORDER_COST.alias : 0) + (stepShaped ? ORDER_COST.stepShaped : 0),
    );
    return {
      steps,
      mask: steps.reduce((m, i) => m | (1 << i), 0),
      gain: scores.reduce((sum, s) => sum + gainOf(s.score), 0),
      orderCost,
      requires,
      scores,
    };
  };
  const options = passing.map((s) => make([s]));
  const named = passing.filter((s) =>
    match.words.some((w) => w.stepId === s.stepId && w.kind !== 'modifier'),
  );
  if (named.length > 1) options.push(make(named));
  // A heading that is one step's alias but the next step's "later alias" ("Problem statement"):
  // the next step once the one before it is assigned, its own step otherwise.
  const later = match.strong ? framework.laterAliases.get(match.normalised) : undefined;
  const laterStep = later !== undefined ? framework.stepById.get(later) : undefined;
  if (laterStep && laterStep.index > 0 && passing.length === 1 && passing[0].stepId !== later) {
    const before = laterStep.index - 1;
    const own = options[0];
    own.requires = { index: before, present: false };
    const asLater: ScoredStep = {
      stepId: laterStep.id,
      score: passing[0].score,
      headingScore: passing[0].headingScore,
      evidence: [...passing[0].evidence, `after ${framework.steps[before].title.toLowerCase()}`],
    };
    options.push(make([asLater], { index: before, present: true }));
  }
  return options;
}

function gainOf(score: number): number {
  return score - THRESHOLD + 1;
}

/**
 * The assignment with the best total gain: a pass over the candidate headings in document order,
 * the state being the set of steps already opened and the last one opened (at most 128 × 8 states
 * for seven steps). Opening a step after a later one (a descent) costs the heading's order cost.
 */
function bestAssignment(
  candidates: Candidate[],
  framework: CompiledFramework,
): Map<string, StepChoice> {
  const openings = new Map<string, StepChoice>();
  const stepCount = Math.min(framework.steps.length, 30);
  const lasts = stepCount + 1;
  if (candidates.length === 0) return openings;
  // Only the states reached so far are kept (a handful in practice: a few candidates per step).
  const best = new Map<number, number>([[0, 0]]);
  // For each candidate, the states it was taken to reach: the option taken and the state before.
  const taken: Map<number, { option: number; from: number; descent: boolean }>[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const { options } = candidates[c];
    const updates = new Map<
      number,
      { value: number; option: number; from: number; descent: boolean }
    >();
    for (const [state, total] of best) {
      const mask = Math.floor(state / lasts);
      const last = (state % lasts) - 1;
      for (let o = 0; o < options.length; o++) {
        const option = options[o];
        if ((option.mask & mask) !== 0 || option.steps.some((i) => i >= stepCount)) continue;
        if (option.requires) {
          const present = (mask & (1 << option.requires.index)) !== 0;
          if (present !== option.requires.present) continue;
        }
        const descent = option.steps[0] < last;
        const value = total + option.gain - (descent ? option.orderCost : 0);
        const target = (mask | option.mask) * lasts + option.steps[option.steps.length - 1] + 1;
        // Strictly better only: on a tie the earlier heading keeps the step.
        const current = updates.get(target)?.value ?? best.get(target) ?? -Infinity;
        if (value > current + 1e-9) updates.set(target, { value, option: o, from: state, descent });
      }
    }
    const here = new Map<number, { option: number; from: number; descent: boolean }>();
    for (const [target, { value, option, from, descent }] of updates) {
      best.set(target, value);
      here.set(target, { option, from, descent });
    }
    taken.push(here);
  }
  let state = 0;
  for (const [s, value] of best) if (value > (best.get(state) ?? 0) + 1e-9) state = s;
  for (let c = candidates.length - 1; c >= 0 && state !== 0; c--) {
    const step = taken[c].get(state);
    if (!step) continue;
    const { heading, options } = candidates[c];
    const option = options[step.option];
    for (const scored of option.scores) {
      openings.set(scored.stepId, {
        stepId: scored.stepId,
        heading,
        score: Math.round(scored.score * 10) / 10,
        evidence:
          step.descent && option.sole
            ? [...scored.evidence, 'out of order, but no other heading could open the step']
            : scored.evidence,
      });
    }
    state = step.from;
  }
  return openings;
}
