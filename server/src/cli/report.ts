// The per-file result the formatters print: the contract's JSON shape (1-based lines and columns).
import type { Analysis } from '../model/analysis';
import { coverageCounts, isWritten } from '../model/stepMeasures';
import type { Finding, Severity } from '../core/findings';
import { followUpsFor } from '../features/followUps';

export interface TopicJson {
  id: string;
  title: string;
  required: boolean;
  covered: boolean;
  /** True when the step is written in a language this topic has no cue words for. */
  unchecked?: boolean;
  evidence?: { line: number; text: string };
}

export interface StepJson {
  id: string;
  title: string;
  line: number | null;
  endLine: number | null;
  heading: string | null;
  topics: TopicJson[];
  /** The section holds substantive words (a step of template placeholders only is not written). */
  written: boolean;
  /** Follow-up questions an interviewer asks about the step, uncovered topics first. */
  followUps: FollowUpJson[];
}

export interface FollowUpJson {
  id: string;
  text: string;
  topics: string[];
  covered: boolean;
}

export interface DiagnosticJson {
  ruleId: string;
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  step?: string;
  topic?: string;
}

/**
 * What the status bar shows, for a CI log or dashboard: required topics are counted over every
 * step of the framework, missing steps included (a topic left unchecked for want of cue words in
 * the step's language counts as covered, as in the editor).
 */
export interface SummaryJson {
  /** Steps written: a step of template placeholders only does not count. */
  stepsPresent: number;
  stepsTotal: number;
  requiredTopicsCovered: number;
  requiredTopicsTotal: number;
  /** Substantive words of each step (0 for a missing one), by step id, in framework order. */
  wordsPerStep: Record<string, number>;
}

export interface FileReport {
  file: string;
  framework: string;
  problem: string | null;
  summary: SummaryJson;
  steps: StepJson[];
  diagnostics: DiagnosticJson[];
}

export function toFileReport(file: string, analysis: Analysis): FileReport {
  const { document } = analysis;
  return {
    file,
    framework: analysis.framework.id,
    problem: analysis.caseStudy?.id ?? null,
    summary: summaryOf(analysis),
    steps: analysis.steps.map((result) => {
      const { step, section, topics } = result;
      return {
        id: step.id,
        title: step.title,
        line: section ? section.heading.textRange.start.line + 1 : null,
        endLine: section ? section.range.end.line + 1 : null,
        heading: section ? section.heading.text.trim() : null,
        topics: section
          ? topics.map(({ topic, status, evidence }) => ({
              id: topic.id,
              title: topic.title,
              required: topic.required,
              covered: status === 'covered',
              ...(status === 'unchecked' ? { unchecked: true } : {}),
              ...(evidence
                ? {
                    evidence: {
                      line: document.lines.positionAt(evidence.start).line + 1,
                      text: evidence.text,
                    },
                  }
                : {}),
            }))
          : [],
        written: isWritten(result),
        followUps: followUpsFor(analysis, result).map(({ id, text, topics, covered }) => ({
          id,
          text,
          topics,
          covered,
        })),
      };
    }),
    diagnostics: analysis.findings.map(toDiagnosticJson),
  };
}

function summaryOf(analysis: Analysis): SummaryJson {
  // One definition with the status bar, lenses and hover (model/stepMeasures.ts).
  const counts = coverageCounts(analysis.steps);
  return {
    stepsPresent: counts.stepsWritten,
    stepsTotal: counts.stepsTotal,
    requiredTopicsCovered: counts.requiredCovered,
    requiredTopicsTotal: counts.requiredTotal,
    wordsPerStep: Object.fromEntries(
      analysis.steps.map((s) => [s.step.id, s.section ? s.words : 0]),
    ),
  };
}

export function toDiagnosticJson(finding: Finding): DiagnosticJson {
  return {
    ruleId: finding.rule.id,
    rule: finding.rule.name,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    ...(finding.stepId ? { step: finding.stepId } : {}),
    ...(finding.topicId ? { topic: finding.topicId } : {}),
  };
}
