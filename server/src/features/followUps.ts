// Follow-up questions an interviewer asks about a step: the framework's and the case study's, as
// data, ordered so that questions on topics the design does not cover yet come first. The hover
// on a step heading, "MLSD: Ask Me a Follow-up Question" (mlsd/followUps) and the CLI's JSON
// (`followUps` per step) all use this.
import type { Analysis, StepResult } from '../model/analysis';
import { insertBlocksEdit, insideOpenBlock } from '../fixes/edits';
import type { TextEdit } from '../core/findings';
import type { Position } from '../core/text';

export interface FollowUp {
  id: string;
  text: string;
  topics: string[];
  /** True when the design covers every topic the question probes. */
  covered: boolean;
  /** The framework's id, or the case study's. */
  origin: string;
}

/** The follow-ups of a step: uncovered topics first, then case-study questions before the framework's. */
export function followUpsFor(analysis: Analysis, report: StepResult): FollowUp[] {
  const status = new Map(report.topics.map((t) => [t.topic.id, t.status]));
  const problem = analysis.caseStudy;
  const all: FollowUp[] = [
    ...(problem?.followUps ?? [])
      .filter((q) => q.step === report.step.id)
      .map((q) => ({ id: q.id, text: q.text, topics: q.topics, origin: problem!.id })),
    ...report.step.followUps.map((q) => ({
      id: q.id,
      text: q.text,
      topics: q.topics,
      origin: analysis.framework.id,
    })),
  ].map((q) => ({
    ...q,
    covered: Boolean(report.section) && q.topics.every((t) => status.get(t) === 'covered'),
  }));
  return [...all.filter((q) => !q.covered), ...all.filter((q) => q.covered)];
}

/** The step a position is in: the section holding it, else the last step heading above it. */
export function stepAtPosition(analysis: Analysis, position: Position): StepResult | undefined {
  const { document } = analysis;
  const offset = document.lines.offsetAt(position);
  const holding = document.steps.find((s) =>
    s.spans.some((span) => offset >= span.start && offset <= span.end),
  );
  const above = document.steps
    .filter((s) => s.heading.start <= offset)
    .sort((a, b) => b.heading.start - a.heading.start)[0];
  const section = holding ?? above;
  return section && analysis.steps.find((s) => s.step.id === section.stepId);
}

/**
 * The edit that adds a question as a `> Q: …` quote at the end of its step, with an `A:` line
 * under it (a separate paragraph: text typed right under a quote would continue the quote).
 */
export function insertQuestionEdit(
  analysis: Analysis,
  report: StepResult,
  text: string,
): TextEdit | undefined {
  const { document } = analysis;
  const section = report.section;
  if (!section) return undefined;
  const end = section.spans[0].end;
  if (insideOpenBlock(document, end)) return undefined;
  return insertBlocksEdit(document, end, [`> Q: ${text.replace(/\s+/g, ' ').trim()}`, 'A:']);
}
