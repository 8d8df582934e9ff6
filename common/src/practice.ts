// Practice interviews: what the client keeps about each session (workspaceState, shared with the
// Designs view) and the two requests practice mode sends to the server. Imports only the request
// signature types of protocol.ts.
import type { RequestSignature } from './protocol';

/** workspaceState key: Record<designUriString, PracticeSessionRecord[]>, oldest first. */
export const PRACTICE_SESSIONS_KEY = 'mlsd.practice.sessions';

/** One finished practice session of a design. Times are ms since the epoch. */
export interface PracticeSessionRecord {
  startedAt: number;
  endedAt: number;
  /** The session's length as set when it started. */
  minutes: number;
  caseStudy?: string;
  /** Seconds spent with each step current, by step id. */
  stepSeconds: Record<string, number>;
  requiredCovered: number;
  requiredTotal: number;
}

/** A step of a practice session and its time budget. */
export interface PracticeStep {
  id: string;
  number: number;
  title: string;
  /** The step's share of the session: the framework's minutes scaled to the session's length. */
  budgetSeconds: number;
}

/**
 * `mlsd/practiceStart`: the text of a practice design (the case study's template with the
 * interviewer's opening prompt at the top, or the user's own prompt) and the steps' budgets.
 */
export const PracticeStartRequest: RequestSignature<PracticeStartParams, PracticeStartResult> = {
  method: 'mlsd/practiceStart',
  numberOfParams: 1,
};
export interface PracticeStartParams {
  /** A case-study id; none for "my own prompt". */
  caseStudy?: string;
  /** The user's own prompt, without a case study. */
  prompt?: string;
  /** The framework of "my own prompt" (a case study brings its own); else the default one. */
  framework?: string;
  minutes: number;
}
export interface PracticeStartResult {
  fileName: string;
  content: string;
  steps: PracticeStep[];
}

/**
 * `mlsd/practiceReport`: the practice report of a design — the session's charts, findings by
 * step, follow-up questions on what is not covered, the progress over its sessions — as Markdown
 * (charts as separate SVG files named by `chartFiles`) and as the HTML body of the webview (charts
 * in the editor's theme colours). Null when the document is not a checked design.
 */
export const PracticeReportRequest: RequestSignature<
  PracticeReportParams,
  PracticeReportResult | null
> = { method: 'mlsd/practiceReport', numberOfParams: 1 };
export interface PracticeReportParams {
  uri: string;
  /** The design's sessions, oldest first; the last is the one reported on. */
  sessions: PracticeSessionRecord[];
  /** Base name for chart files, e.g. "x.mlsd.report" -> "x.mlsd.report.minutes.svg". */
  chartBaseName: string;
}
export interface PracticeReportResult {
  markdown: string;
  /** Chart files the Markdown links to: file name -> SVG text. */
  charts: Record<string, string>;
  html: string;
  requiredCovered: number;
  requiredTotal: number;
}

/** `x.mlsd.md` -> `x.mlsd.report.md`: the report saved beside a design. */
export function reportFileName(designFileName: string): string {
  return designFileName.replace(/\.md$/i, '') + '.report.md';
}

/** A practice report's file name (`….report.md`): never checked as a design, whatever the globs. */
export function isPracticeReportFileName(path: string): boolean {
  return /\.report\.md$/i.test(path);
}
