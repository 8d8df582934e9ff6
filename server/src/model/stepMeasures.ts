// One definition of what the numbers say, for every place that shows them (CLI summary and JSON,
// status bar and "Show Coverage", code lenses, hover, rules): a step is written when its section
// holds substantive words (a step of template placeholders only is not yet written); required
// topics are counted over every step of the framework, missing and unwritten ones included; a
// step is thin when its substance (words, technical terms, items, topics covered) is below its
// threshold.
import type { StepResult } from './analysis';

/** Substance points each covered topic of the step adds: distinct topic evidence. */
export const TOPIC_SUBSTANCE = 4;
/** Substance points each technical term adds besides its word (a term says what a phrase would). */
export const TERM_SUBSTANCE = 2;

/** The step has a section with substantive words of its own (placeholders and bare labels are not). */
export function isWritten(result: StepResult): boolean {
  return Boolean(result.section) && result.words > 0;
}

/**
 * How much the step says: its words, plus TERM_SUBSTANCE per technical term (CTR, recall@k), one
 * per item (paragraph or list item) and TOPIC_SUBSTANCE per topic it covers. A short, dense answer
 * ("recall@k, mAP, nDCG; A/B test on watch time and CTR") is then not thin.
 */
export function substanceOf(result: StepResult): number {
  const covered = result.topics.filter((t) => t.status === 'covered').length;
  return result.words + TERM_SUBSTANCE * result.terms + result.items + TOPIC_SUBSTANCE * covered;
}

/** Written, but with less substance than the step's threshold. */
export function isThin(result: StepResult): boolean {
  return isWritten(result) && substanceOf(result) < result.thinWords;
}

export interface CoverageCounts {
  stepsWritten: number;
  stepsTotal: number;
  /** Required topics covered (or unchecked for want of cue words in the step's language). */
  requiredCovered: number;
  requiredTotal: number;
}

/** Required topics of one step: covered (or unchecked) and in all. */
export function requiredCounts(result: StepResult): { covered: number; total: number } {
  const required = result.topics.filter((t) => t.topic.required);
  return {
    covered: required.filter((t) => t.status !== 'missing').length,
    total: required.length,
  };
}

export function coverageCounts(steps: readonly StepResult[]): CoverageCounts {
  let requiredCovered = 0;
  let requiredTotal = 0;
  for (const step of steps) {
    const { covered, total } = requiredCounts(step);
    requiredCovered += covered;
    requiredTotal += total;
  }
  return {
    stepsWritten: steps.filter(isWritten).length,
    stepsTotal: steps.length,
    requiredCovered,
    requiredTotal,
  };
}
