// The practice report of a design as data: per step, the required and recommended topics covered,
// the minutes spent against the budget (when a practice session is given), the findings and the
// follow-up questions on topics not covered; the progress over the design's sessions. A pure
// function of an Analysis and session records: the language server, the CLI and the tests build it
// the same way, and the renderers (markdown.ts, html.ts) only lay it out.
import type { Severity } from '../core/findings';
import type { Analysis, StepResult } from '../model/analysis';
import { coverageCounts, requiredCounts } from '../model/stepMeasures';
import { followUpsFor } from '../features/followUps';
import type { PracticeSessionRecord } from '../../../common/src/practice';

export interface ReportFinding {
  ruleId: string;
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based line. */
  line: number;
}

export interface ReportStep {
  id: string;
  number: number;
  title: string;
  present: boolean;
  requiredCovered: number;
  requiredTotal: number;
  recommendedCovered: number;
  recommendedTotal: number;
  /** The step's budget in minutes (the framework's minutes scaled to the interview's length). */
  budgetMinutes: number;
  /** Minutes spent with the step current, when the report is of a practice session. */
  spentMinutes?: number;
  findings: ReportFinding[];
  /** Follow-up questions on topics the design does not cover. */
  followUps: string[];
}

export interface ReportSession {
  startedAt: number;
  /** Minutes spent in all (the sum of the steps' time). */
  spentMinutes: number;
  minutes: number;
  requiredCovered: number;
  requiredTotal: number;
}

export interface PracticeReport {
  title: string;
  /** The file the report is about, as the caller names it. */
  file: string;
  caseStudy?: { id: string; title: string; prompt: string };
  framework: string;
  /** The interview length the budgets are for. */
  minutes: number;
  stepsWritten: number;
  stepsTotal: number;
  requiredCovered: number;
  requiredTotal: number;
  steps: ReportStep[];
  /** Findings outside every step (front matter, the title, other sections). */
  otherFindings: ReportFinding[];
  /** The session reported on (the last of `sessions`), if any. */
  session?: ReportSession;
  /** Every session of the design, oldest first: the progress chart. */
  sessions: ReportSession[];
}

/** Rounded to a tenth of a minute: charts and tables show no more. */
function tenths(value: number): number {
  return Math.round(value * 10) / 10;
}

function toSession(record: PracticeSessionRecord): ReportSession {
  const seconds = Object.values(record.stepSeconds).reduce(
    (sum, value) => sum + (Number.isFinite(value) && value > 0 ? value : 0),
    0,
  );
  return {
    startedAt: record.startedAt,
    spentMinutes: tenths(seconds / 60),
    minutes: record.minutes,
    requiredCovered: record.requiredCovered,
    requiredTotal: record.requiredTotal,
  };
}

/** The step a finding belongs to: the one it names, else the section its start is in. */
function stepOfFinding(analysis: Analysis, start: number, stepId?: string): string | undefined {
  if (stepId) return stepId;
  const section = analysis.document.steps.find((s) =>
    s.spans.some((span) => start >= span.start && start < span.end),
  );
  return section?.stepId;
}

function recommendedCounts(result: StepResult): { covered: number; total: number } {
  const recommended = result.topics.filter((t) => !t.topic.required);
  return {
    covered: recommended.filter((t) => t.status !== 'missing').length,
    total: recommended.length,
  };
}

export function buildPracticeReport(
  analysis: Analysis,
  file: string,
  sessions: readonly PracticeSessionRecord[] = [],
): PracticeReport {
  const { document } = analysis;
  const last = sessions.at(-1);
  const minutes = last?.minutes ?? analysis.minutes;
  const scale = minutes / analysis.framework.minutes;
  const byStep = new Map<string, ReportFinding[]>();
  const otherFindings: ReportFinding[] = [];
  const ordered = [...analysis.findings].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.rule.id.localeCompare(b.rule.id),
  );
  for (const finding of ordered) {
    const entry: ReportFinding = {
      ruleId: finding.rule.id,
      rule: finding.rule.name,
      severity: finding.severity,
      message: finding.message,
      line: finding.range.start.line + 1,
    };
    const step = stepOfFinding(
      analysis,
      document.lines.offsetAt(finding.range.start),
      finding.stepId,
    );
    if (step === undefined) otherFindings.push(entry);
    else byStep.set(step, [...(byStep.get(step) ?? []), entry]);
  }
  const counts = coverageCounts(analysis.steps);
  const steps = analysis.steps.map((result): ReportStep => {
    const required = requiredCounts(result);
    const recommended = recommendedCounts(result);
    const seconds = last?.stepSeconds[result.step.id];
    return {
      id: result.step.id,
      number: result.step.number,
      title: result.step.title,
      present: Boolean(result.section),
      requiredCovered: required.covered,
      requiredTotal: required.total,
      recommendedCovered: recommended.covered,
      recommendedTotal: recommended.total,
      budgetMinutes: tenths(result.step.minutes * scale),
      ...(last ? { spentMinutes: tenths((seconds ?? 0) / 60) } : {}),
      findings: byStep.get(result.step.id) ?? [],
      followUps: followUpsFor(analysis, result)
        .filter((q) => !q.covered)
        .map((q) => q.text),
    };
  });
  const title =
    document.headings.find((h) => h.depth === 1)?.text.trim() || analysis.caseStudy?.title || file;
  const history = sessions.map(toSession);
  return {
    title,
    file,
    ...(analysis.caseStudy
      ? {
          caseStudy: {
            id: analysis.caseStudy.id,
            title: analysis.caseStudy.title,
            prompt: analysis.caseStudy.prompt,
          },
        }
      : {}),
    framework: analysis.framework.id,
    minutes,
    stepsWritten: counts.stepsWritten,
    stepsTotal: counts.stepsTotal,
    requiredCovered: counts.requiredCovered,
    requiredTotal: counts.requiredTotal,
    steps,
    otherFindings,
    ...(history.length > 0 ? { session: history[history.length - 1] } : {}),
    sessions: history,
  };
}
