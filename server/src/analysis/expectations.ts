// What the front matter changes of what the framework expects: `minutes` scales the step budgets,
// `level` scales the thin thresholds and makes some recommended topics required (the topic's
// `requiredAt`, the framework's `levels`). The engine and the oracle both read it from here.
import type {
  CompiledCaseStudy,
  CompiledFramework,
  CompiledStep,
  CompiledTopic,
} from '../framework/compile';
import { LEVELS, type Level } from '../framework/types';
import type { DesignDocument } from '../model/document';
import { topicsOf } from './cueMatching';

export interface Expectations {
  /** The candidate level, when the front matter names a valid one. */
  level?: Level;
  /** The interview length: front matter `minutes` when valid, else the framework's. */
  minutes: number;
}

export function expectationsOf(
  document: DesignDocument,
  framework: CompiledFramework,
): Expectations {
  const values = document.frontMatter?.values;
  const rawLevel = typeof values?.level === 'string' ? values.level.trim().toLowerCase() : '';
  const level = (LEVELS as readonly string[]).includes(rawLevel) ? (rawLevel as Level) : undefined;
  const rawMinutes = values?.minutes;
  const minutes =
    typeof rawMinutes === 'number' &&
    Number.isFinite(rawMinutes) &&
    rawMinutes > 0 &&
    rawMinutes <= 600
      ? rawMinutes
      : framework.minutes;
  return { level, minutes };
}

/** The step's budget in an interview of `expected.minutes` (whole minutes, at least 1). */
export function stepMinutes(
  step: CompiledStep,
  framework: CompiledFramework,
  expected: Expectations,
): number {
  if (expected.minutes === framework.minutes) return step.minutes;
  return Math.max(1, Math.round((step.minutes * expected.minutes) / framework.minutes));
}

/** Substance below which the step is thin, at the level. */
export function thinWordsAt(
  step: CompiledStep,
  framework: CompiledFramework,
  expected: Expectations,
): number {
  const scale = expected.level ? (framework.data.levels?.[expected.level]?.thinWordsScale ?? 1) : 1;
  return Math.max(1, Math.round(step.thinWords * scale));
}

// One copy per topic and level, so that a topic keeps its identity from one analysis to the next
// (coverage results are kept by topic).
const requiredCopies = new WeakMap<CompiledTopic, Map<Level, CompiledTopic>>();

/** The step's topics (the framework's and the case study's), required as the level expects. */
export function expectedTopics(
  step: CompiledStep,
  caseStudy: CompiledCaseStudy | undefined,
  expected: Expectations,
): CompiledTopic[] {
  const topics = topicsOf(step, caseStudy);
  const level = expected.level;
  if (!level) return topics;
  return topics.map((topic) => {
    if (topic.required || !topic.requiredAt.includes(level)) return topic;
    let copies = requiredCopies.get(topic);
    if (!copies) requiredCopies.set(topic, (copies = new Map()));
    let copy = copies.get(level);
    if (!copy) copies.set(level, (copy = { ...topic, required: true }));
    return copy;
  });
}
