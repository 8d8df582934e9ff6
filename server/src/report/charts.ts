// The report's charts as SVG text: horizontal bars per row (a step, or a session), each bar drawn
// over a track of its maximum, with a legend, a <title> and <desc> (role="img", aria-labelledby)
// and the numbers as text beside each bar. Colours come either from CSS classes (the webview maps
// them to the editor's theme colours) or from a fixed palette written into the SVG (files the
// Markdown preview shows as images, where no page style reaches).
import type { PracticeReport } from './model';

export type BarKind =
  'required' | 'recommended' | 'budget' | 'spent' | 'over' | 'coverage' | 'time';

export interface Bar {
  kind: BarKind;
  value: number;
  /** The track's length: the bar's value at full width. */
  max: number;
  /** What is written after the bar ("3/4", "7.5 min"). */
  text: string;
}

export interface BarRow {
  label: string;
  bars: Bar[];
}

export interface ChartSpec {
  /** Unique within the page: ids of the title and description derive from it. */
  id: string;
  title: string;
  description: string;
  legend: { kind: BarKind; label: string }[];
  rows: BarRow[];
}

/** Colours for an SVG that must carry its own (a file shown as an image). */
export interface ChartPalette {
  text: string;
  track: string;
  bars: Record<BarKind, string>;
}

/** Colours that read on a light and on a dark background alike (the saved report's SVG files). */
export const FIXED_PALETTE: ChartPalette = {
  text: '#6b6b6b',
  track: '#8080802e',
  bars: {
    required: '#1a85ff',
    recommended: '#8e5cd9',
    budget: '#a0a0a0',
    spent: '#2e9e5b',
    over: '#d4572a',
    coverage: '#1a85ff',
    time: '#2e9e5b',
  },
};

const WIDTH = 720;
const LABEL_WIDTH = 260;
const VALUE_WIDTH = 80;
const BAR_HEIGHT = 12;
const BAR_GAP = 3;
const ROW_GAP = 12;
const LEGEND_HEIGHT = 26;
const FONT_SIZE = 12;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** The SVG text of a chart; with a palette the colours are written in, else left to CSS classes. */
export function renderBarChart(spec: ChartSpec, palette?: ChartPalette): string {
  const barArea = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const perRow = (row: BarRow) => row.bars.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
  const height = LEGEND_HEIGHT + spec.rows.reduce((sum, row) => sum + perRow(row) + ROW_GAP, 0) + 4;
  const fill = (kind: BarKind | 'text' | 'track'): string => {
    if (!palette) return '';
    const colour =
      kind === 'text' ? palette.text : kind === 'track' ? palette.track : palette.bars[kind];
    return ` fill="${colour}"`;
  };
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="mlsd-chart" id="${escapeXml(spec.id)}" ` +
      `width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" ` +
      `aria-labelledby="${titleId} ${descId}" font-family="sans-serif" font-size="${FONT_SIZE}">`,
    `<title id="${titleId}">${escapeXml(spec.title)}</title>`,
    `<desc id="${descId}">${escapeXml(spec.description)}</desc>`,
  ];
  let x = LABEL_WIDTH;
  for (const entry of spec.legend) {
    parts.push(
      `<rect class="mlsd-bar mlsd-bar-${entry.kind}" x="${x}" y="6" width="12" height="12" rx="2"${fill(entry.kind)}/>`,
      `<text class="mlsd-chart-text" x="${x + 16}" y="16"${fill('text')}>${escapeXml(entry.label)}</text>`,
    );
    x += 16 + entry.label.length * 7 + 18;
  }
  let y = LEGEND_HEIGHT;
  for (const row of spec.rows) {
    const middle = y + perRow(row) / 2 + FONT_SIZE / 2 - 2;
    parts.push(
      `<g class="mlsd-chart-row" aria-label="${escapeXml(
        `${row.label}: ${row.bars.map((b) => b.text).join(', ')}`,
      )}">`,
      `<text class="mlsd-chart-text" x="${LABEL_WIDTH - 8}" y="${round(middle)}" text-anchor="end"${fill('text')}>${escapeXml(row.label)}</text>`,
    );
    for (const bar of row.bars) {
      const width = bar.max > 0 ? (Math.min(bar.value, bar.max) / bar.max) * barArea : 0;
      parts.push(
        `<rect class="mlsd-chart-track" x="${LABEL_WIDTH}" y="${y}" width="${barArea}" height="${BAR_HEIGHT}" rx="2"${fill('track')}/>`,
        `<rect class="mlsd-bar mlsd-bar-${bar.kind}" data-value="${round(bar.value)}" x="${LABEL_WIDTH}" y="${y}" width="${round(width)}" height="${BAR_HEIGHT}" rx="2"${fill(bar.kind)}/>`,
        `<text class="mlsd-chart-text" x="${LABEL_WIDTH + barArea + 6}" y="${y + BAR_HEIGHT - 2}"${fill('text')}>${escapeXml(bar.text)}</text>`,
      );
      y += BAR_HEIGHT + BAR_GAP;
    }
    y += ROW_GAP - BAR_GAP;
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}

function minutesText(value: number): string {
  return `${round(value)} min`;
}

/** Required and recommended topics covered, per step. */
export function topicsChart(report: PracticeReport, id = 'mlsd-topics-chart'): ChartSpec {
  return {
    id,
    title: 'Topics covered per step',
    description:
      'For each step, the required and the recommended topics the design covers, out of the ' +
      'step’s topics. ' +
      report.steps
        .map(
          (s) =>
            `${s.title}: ${s.requiredCovered} of ${s.requiredTotal} required, ` +
            `${s.recommendedCovered} of ${s.recommendedTotal} recommended.`,
        )
        .join(' '),
    legend: [
      { kind: 'required', label: 'Required' },
      { kind: 'recommended', label: 'Recommended' },
    ],
    rows: report.steps.map((s) => ({
      label: `${s.number}. ${s.title}`,
      bars: [
        {
          kind: 'required',
          value: s.requiredCovered,
          max: s.requiredTotal,
          text: `${s.requiredCovered}/${s.requiredTotal}`,
        },
        {
          kind: 'recommended',
          value: s.recommendedCovered,
          max: s.recommendedTotal,
          text: `${s.recommendedCovered}/${s.recommendedTotal}`,
        },
      ],
    })),
  };
}

/** Minutes spent per step against its budget; a step over budget is drawn in the "over" colour. */
export function minutesChart(report: PracticeReport, id = 'mlsd-minutes-chart'): ChartSpec {
  const scale = Math.max(
    1,
    ...report.steps.map((s) => Math.max(s.budgetMinutes, s.spentMinutes ?? 0)),
  );
  return {
    id,
    title: 'Minutes per step against the budget',
    description:
      `The minutes spent on each step of the ${report.minutes}-minute interview against its ` +
      'budget. ' +
      report.steps
        .map(
          (s) => `${s.title}: ${round(s.spentMinutes ?? 0)} of ${round(s.budgetMinutes)} minutes.`,
        )
        .join(' '),
    legend: [
      { kind: 'budget', label: 'Budget' },
      { kind: 'spent', label: 'Spent' },
      { kind: 'over', label: 'Over budget' },
    ],
    rows: report.steps.map((s) => {
      const spent = s.spentMinutes ?? 0;
      return {
        label: `${s.number}. ${s.title}`,
        bars: [
          {
            kind: 'budget',
            value: s.budgetMinutes,
            max: scale,
            text: minutesText(s.budgetMinutes),
          },
          {
            kind: spent > s.budgetMinutes ? 'over' : 'spent',
            value: spent,
            max: scale,
            text: minutesText(spent),
          },
        ],
      };
    }),
  };
}

/** When a session started, as the progress chart labels it (UTC: the same text everywhere). */
export function sessionLabel(startedAt: number, index: number): string {
  const date = new Date(startedAt);
  const day = Number.isNaN(date.getTime())
    ? '?'
    : `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)}`;
  return `#${index + 1} ${day}`;
}

/** Required topics covered and minutes used, per practice session of the design. */
export function progressChart(report: PracticeReport, id = 'mlsd-progress-chart'): ChartSpec {
  const longest = Math.max(1, ...report.sessions.map((s) => Math.max(s.minutes, s.spentMinutes)));
  return {
    id,
    title: 'Progress over practice sessions',
    description:
      'For each practice session of this design, the share of required topics covered and the ' +
      'minutes used. ' +
      report.sessions
        .map(
          (s, i) =>
            `Session ${i + 1}: ${s.requiredCovered} of ${s.requiredTotal} required topics, ` +
            `${round(s.spentMinutes)} of ${s.minutes} minutes.`,
        )
        .join(' '),
    legend: [
      { kind: 'coverage', label: 'Required topics covered' },
      { kind: 'time', label: 'Minutes used' },
    ],
    rows: report.sessions.map((s, i) => ({
      label: sessionLabel(s.startedAt, i),
      bars: [
        {
          kind: 'coverage',
          value: s.requiredCovered,
          max: s.requiredTotal,
          text: `${s.requiredCovered}/${s.requiredTotal}`,
        },
        {
          kind: 'time',
          value: s.spentMinutes,
          max: longest,
          text: `${minutesText(s.spentMinutes)} / ${s.minutes}`,
        },
      ],
    })),
  };
}
