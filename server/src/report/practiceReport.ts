// `mlsd/practiceReport`'s answer: the report of an open design and its practice sessions, as the
// Markdown saved beside it (with its chart files) and as the webview's HTML body.
import type { Analysis } from '../model/analysis';
import type {
  PracticeReportParams,
  PracticeReportResult,
  PracticeSessionRecord,
} from '../../../common/src/practice';
import { renderHtmlReportBody } from './html';
import { renderMarkdownReport } from './markdown';
import { buildPracticeReport } from './model';

/** Session records as the client sent them, with anything malformed dropped (never trusted). */
export function validSessions(sessions: unknown): PracticeSessionRecord[] {
  if (!Array.isArray(sessions)) return [];
  const finite = (value: unknown): value is number =>
    typeof value === 'number' && Number.isFinite(value);
  return sessions.filter(
    (s): s is PracticeSessionRecord =>
      typeof s === 'object' &&
      s !== null &&
      finite(s.startedAt) &&
      finite(s.endedAt) &&
      finite(s.minutes) &&
      s.minutes > 0 &&
      finite(s.requiredCovered) &&
      finite(s.requiredTotal) &&
      typeof s.stepSeconds === 'object' &&
      s.stepSeconds !== null &&
      Object.values(s.stepSeconds as Record<string, unknown>).every(finite),
  );
}

export function practiceReport(
  analysis: Analysis,
  file: string,
  params: Pick<PracticeReportParams, 'sessions' | 'chartBaseName'>,
): PracticeReportResult {
  const report = buildPracticeReport(analysis, file, validSessions(params.sessions));
  const baseName = params.chartBaseName.replace(/[\\/]/g, '_') || 'report';
  const { markdown, charts } = renderMarkdownReport(report, { mode: 'files', baseName });
  return {
    markdown,
    charts,
    html: renderHtmlReportBody(report),
    requiredCovered: report.requiredCovered,
    requiredTotal: report.requiredTotal,
  };
}
