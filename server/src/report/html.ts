// The practice report as HTML: the body the webview shows (charts coloured by CSS classes that
// media/practice-report.css maps to the editor's theme colours) and, for `mlsd report --format
// html`, a whole page with its own style (light and dark by the reader's colour scheme). No script,
// no remote content.
import {
  escapeXml as escape,
  minutesChart,
  progressChart,
  renderBarChart,
  sessionLabel,
  topicsChart,
  type ChartSpec,
} from './charts';
import type { PracticeReport, ReportFinding } from './model';

function table(caption: string, head: string[], rows: (string | number)[][]): string {
  return (
    `<table class="mlsd-data"><caption>${escape(caption)}</caption><thead><tr>` +
    head.map((h) => `<th scope="col">${escape(h)}</th>`).join('') +
    '</tr></thead><tbody>' +
    rows
      .map(
        (row) =>
          '<tr>' +
          row
            .map((value, i) =>
              i === 0
                ? `<th scope="row">${escape(String(value))}</th>`
                : `<td>${escape(String(value))}</td>`,
            )
            .join('') +
          '</tr>',
      )
      .join('') +
    '</tbody></table>'
  );
}

/** A chart with its data table as the text alternative (folded under it). */
function figure(spec: ChartSpec, data: string): string {
  return (
    `<figure class="mlsd-figure">${renderBarChart(spec)}` +
    `<details><summary>Data table</summary>${data}</details></figure>`
  );
}

function findingItem(finding: ReportFinding): string {
  return (
    `<li class="mlsd-finding mlsd-${finding.severity}"><span class="mlsd-severity">${escape(finding.severity)}</span> ` +
    `line ${finding.line}: ${escape(finding.message)} <code>${escape(finding.ruleId)} ${escape(finding.rule)}</code></li>`
  );
}

/**
 * The report's body (no <html>/<head>): the webview wraps it with its CSP and stylesheet. Chart ids
 * start with `idPrefix` (unique per report on a page).
 */
export function renderHtmlReportBody(report: PracticeReport, idPrefix = 'mlsd'): string {
  const parts: string[] = [`<h1>Practice report: ${escape(report.title)}</h1>`];
  if (report.caseStudy) {
    parts.push(
      `<p>Case study: <strong>${escape(report.caseStudy.title)}</strong></p>`,
      `<blockquote>${escape(report.caseStudy.prompt)}</blockquote>`,
    );
  }
  const session = report.session;
  parts.push(
    '<ul class="mlsd-summary">',
    `<li>Steps written: ${report.stepsWritten} of ${report.stepsTotal}</li>`,
    `<li>Required topics covered: ${report.requiredCovered} of ${report.requiredTotal}</li>`,
    session
      ? `<li>Session: ${escape(sessionLabel(session.startedAt, report.sessions.length - 1).replace(/^#\d+ /, ''))} UTC, ${session.spentMinutes} of ${session.minutes} minutes</li>`
      : '',
    '</ul>',
    '<h2>Topics covered per step</h2>',
    figure(
      topicsChart(report, `${idPrefix}-topics-chart`),
      table(
        'Topics covered per step',
        ['Step', 'Required', 'Recommended'],
        report.steps.map((s) => [
          `${s.number}. ${s.title}`,
          `${s.requiredCovered}/${s.requiredTotal}`,
          `${s.recommendedCovered}/${s.recommendedTotal}`,
        ]),
      ),
    ),
  );
  if (session) {
    parts.push(
      '<h2>Minutes per step</h2>',
      figure(
        minutesChart(report, `${idPrefix}-minutes-chart`),
        table(
          'Minutes per step',
          ['Step', 'Spent (min)', 'Budget (min)'],
          report.steps.map((s) => [
            `${s.number}. ${s.title}`,
            s.spentMinutes ?? 0,
            s.budgetMinutes,
          ]),
        ),
      ),
    );
  }
  parts.push('<h2>Findings and follow-up questions by step</h2>');
  for (const step of report.steps) {
    parts.push(
      `<section class="mlsd-step" data-step="${escape(step.id)}"><h3>${step.number}. ${escape(step.title)}${step.present ? '' : ' (missing)'}</h3>`,
      step.findings.length === 0
        ? '<p>No findings.</p>'
        : `<ul>${step.findings.map(findingItem).join('')}</ul>`,
      step.followUps.length === 0
        ? ''
        : `<p>Follow-up questions on what is not covered:</p><ul class="mlsd-follow-ups">${step.followUps
            .map((q) => `<li>${escape(q)}</li>`)
            .join('')}</ul>`,
      '</section>',
    );
  }
  if (report.otherFindings.length > 0) {
    parts.push(
      `<section class="mlsd-step"><h3>Outside the steps</h3><ul>${report.otherFindings.map(findingItem).join('')}</ul></section>`,
    );
  }
  if (report.sessions.length > 0) {
    parts.push(
      '<h2>Progress over practice sessions</h2>',
      figure(
        progressChart(report, `${idPrefix}-progress-chart`),
        table(
          'Progress over practice sessions',
          ['Session', 'Required topics', 'Minutes used'],
          report.sessions.map((s, i) => [
            sessionLabel(s.startedAt, i),
            `${s.requiredCovered}/${s.requiredTotal}`,
            `${s.spentMinutes} / ${s.minutes}`,
          ]),
        ),
      ),
    );
  }
  return parts.filter(Boolean).join('\n');
}

/**
 * A whole HTML page of one or more reports (`mlsd report --format html`), with `css` (the chart
 * colours outside VS Code: media/report-page.css) inlined.
 */
export function renderHtmlPage(reports: { file: string; body: string }[], css: string): string {
  const title = reports.length === 1 ? `MLSD report: ${reports[0].file}` : 'MLSD reports';
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    `<style>${css}</style>`,
    '</head><body>',
    reports
      .map(
        (r) =>
          `<article class="mlsd-report" data-file="${escape(r.file)}"><p><code>${escape(r.file)}</code></p>${r.body}</article>`,
      )
      .join('\n<hr class="mlsd-file">\n'),
    '</body></html>',
    '',
  ].join('\n');
}
