// The practice report as Markdown: what the user keeps beside the design (`x.mlsd.report.md`) and
// what `mlsd report --format md` prints. Charts are either separate SVG files linked as images
// (the Markdown preview shows local images; their colours are written in) or inline SVG.
import {
  FIXED_PALETTE,
  minutesChart,
  progressChart,
  renderBarChart,
  sessionLabel,
  topicsChart,
  type ChartSpec,
} from './charts';
import type { PracticeReport, ReportFinding } from './model';

export type MarkdownCharts =
  /** Inline `<svg>` blocks. */
  | { mode: 'inline' }
  /** `![…](<baseName>.<chart>.svg)`: the files are returned beside the text. */
  | { mode: 'files'; baseName: string };

export interface MarkdownReport {
  markdown: string;
  /** File name -> SVG text, for `files` mode. */
  charts: Record<string, string>;
}

/** Text safe inside a Markdown table cell or list item: no pipes, no HTML, one line. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\|`*_[\]<>]/g, (c) => `\\${c}`)
    .trim();
}

function findingLine(finding: ReportFinding): string {
  return `- **${finding.severity}** line ${finding.line}: ${cell(finding.message)} (${finding.ruleId} \`${finding.rule}\`)`;
}

export function renderMarkdownReport(
  report: PracticeReport,
  charts: MarkdownCharts,
): MarkdownReport {
  const files: Record<string, string> = {};
  const chart = (spec: ChartSpec, name: string): string => {
    const svg = renderBarChart(spec, FIXED_PALETTE);
    if (charts.mode === 'inline') return svg;
    const file = `${charts.baseName}.${name}.svg`;
    files[file] = svg + '\n';
    // Every character a link destination reads otherwise (`#`, `?`, space, a lone parenthesis)
    // escaped: the link must name the file, whatever the design is called.
    const url = encodeURIComponent(file).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
    return `![${cell(spec.title)}: ${cell(spec.description)}](${url})`;
  };
  const lines: string[] = [`# Practice report: ${cell(report.title)}`, ''];
  if (report.caseStudy) {
    lines.push(`Case study: **${cell(report.caseStudy.title)}**`, '');
    lines.push(`> ${cell(report.caseStudy.prompt)}`, '');
  }
  const session = report.session;
  lines.push(
    `- Steps written: ${report.stepsWritten} of ${report.stepsTotal}`,
    `- Required topics covered: ${report.requiredCovered} of ${report.requiredTotal}`,
  );
  if (session) {
    lines.push(
      `- Session: ${sessionLabel(session.startedAt, report.sessions.length - 1).replace(/^#\d+ /, '')} UTC, ` +
        `${session.spentMinutes} of ${session.minutes} minutes`,
    );
  }
  lines.push('', '## Topics covered per step', '', chart(topicsChart(report), 'topics'), '');
  lines.push(
    '| Step | Required | Recommended |',
    '|---|---|---|',
    ...report.steps.map(
      (s) =>
        `| ${s.number}. ${cell(s.title)} | ${s.requiredCovered}/${s.requiredTotal} | ${s.recommendedCovered}/${s.recommendedTotal} |`,
    ),
    '',
  );
  if (session) {
    lines.push('## Minutes per step', '', chart(minutesChart(report), 'minutes'), '');
    lines.push(
      '| Step | Spent (min) | Budget (min) |',
      '|---|---|---|',
      ...report.steps.map(
        (s) => `| ${s.number}. ${cell(s.title)} | ${s.spentMinutes ?? 0} | ${s.budgetMinutes} |`,
      ),
      '',
    );
  }
  lines.push('## Findings and follow-up questions by step', '');
  for (const step of report.steps) {
    lines.push(`### ${step.number}. ${cell(step.title)}${step.present ? '' : ' (missing)'}`, '');
    if (step.findings.length === 0) lines.push('No findings.');
    else lines.push(...step.findings.map(findingLine));
    lines.push('');
    if (step.followUps.length > 0) {
      lines.push('Follow-up questions on what is not covered:', '');
      lines.push(...step.followUps.map((q) => `- ${cell(q)}`), '');
    }
  }
  if (report.otherFindings.length > 0) {
    lines.push('### Outside the steps', '', ...report.otherFindings.map(findingLine), '');
  }
  if (report.sessions.length > 0) {
    lines.push('## Progress over practice sessions', '', chart(progressChart(report), 'progress'));
    lines.push(
      '',
      '| Session | Required topics | Minutes used |',
      '|---|---|---|',
      ...report.sessions.map(
        (s, i) =>
          `| ${sessionLabel(s.startedAt, i)} | ${s.requiredCovered}/${s.requiredTotal} | ${s.spentMinutes} / ${s.minutes} |`,
      ),
      '',
    );
  }
  return { markdown: lines.join('\n'), charts: files };
}
