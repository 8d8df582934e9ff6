// The per-file result the formatters print: the contract's JSON shape (1-based lines and columns).
import type { Analysis } from '../analysis/analyse';
import type { Finding, Severity } from '../core/findings';
import { followUpsFor } from '../features/followUps';

export interface TopicJson {
  id: string;
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

export interface FileReport {
  file: string;
  framework: string;
  problem: string | null;
  steps: StepJson[];
  diagnostics: DiagnosticJson[];
}

export function toFileReport(file: string, analysis: Analysis): FileReport {
  const { document } = analysis;
  return {
    file,
    framework: analysis.framework.id,
    problem: analysis.problem?.id ?? null,
    steps: analysis.steps.map((report) => {
      const { step, section, topics } = report;
      return {
        id: step.id,
        title: step.title,
        line: section ? section.heading.textRange.start.line + 1 : null,
        endLine: section ? section.range.end.line + 1 : null,
        heading: section ? section.heading.text.trim() : null,
        topics: section
          ? topics.map(({ topic, status, evidence }) => ({
              id: topic.id,
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
        followUps: followUpsFor(analysis, report).map(({ id, text, topics, covered }) => ({
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

export function toDiagnosticJson(finding: Finding): DiagnosticJson {
  return {
    ruleId: finding.ruleId,
    rule: finding.rule,
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
