// Output formats of `mlsd check`: stylish (for people, ESLint's layout), json (the contract's
// shape), sarif (SARIF 2.1.0, as GitHub code scanning reads it).
import type { Severity } from '../core/findings';
import type { Rule } from '../rules/types';
import type { FileReport } from './report';
import type { RuleHelp } from './ruleHelp';

export type Format = 'stylish' | 'json' | 'sarif';
export const FORMATS: readonly Format[] = ['stylish', 'json', 'sarif'];

export interface Colours {
  enabled: boolean;
}

const CODES = {
  red: 31,
  yellow: 33,
  blue: 34,
  green: 32,
  grey: 90,
  bold: 1,
  underline: 4,
  dim: 2,
} as const;

function paint(colours: Colours, style: keyof typeof CODES, text: string): string {
  return colours.enabled ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}

const SEVERITY_STYLE: Record<Severity, keyof typeof CODES> = {
  error: 'red',
  warning: 'yellow',
  info: 'blue',
  hint: 'grey',
};

/** "1 warning", "2 warnings". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * `failures`: errors that stopped part of the run (a file not found or unreadable, a bad config),
 * said on stderr: the last line then never says all is well.
 */
export function formatStylish(reports: FileReport[], colours: Colours, failures = 0): string {
  const out: string[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const report of reports) {
    const { summary } = report;
    out.push(paint(colours, 'underline', report.file));
    out.push(
      paint(
        colours,
        'dim',
        `  ${summary.stepsPresent}/${summary.stepsTotal} steps of ${report.framework} · ${summary.requiredTopicsCovered}/${summary.requiredTopicsTotal} required topics covered` +
          (report.problem ? ` · ${report.problem}` : ''),
      ),
    );
    const rows = report.diagnostics.map((d) => ({
      where: `${d.line}:${d.column}`,
      severity: d.severity,
      message: d.message,
      rule: `${d.ruleId} ${d.rule}`,
    }));
    const whereWidth = Math.max(0, ...rows.map((r) => r.where.length));
    const severityWidth = Math.max(0, ...rows.map((r) => r.severity.length));
    for (const row of rows) {
      totals[row.severity]++;
      out.push(
        `  ${paint(colours, 'dim', row.where.padEnd(whereWidth))}  ${paint(colours, SEVERITY_STYLE[row.severity], row.severity.padEnd(severityWidth))}  ${row.message}  ${paint(colours, 'dim', row.rule)}`,
      );
    }
    out.push('');
  }
  // Problems are what the editor's Problems panel lists: hints (placeholders) are counted apart.
  const problems = totals.error + totals.warning + totals.info;
  const hints = totals.hint > 0 ? ` and ${plural(totals.hint, 'hint')}` : '';
  const designs = plural(reports.length, 'design');
  const failed = failures > 0 ? `${plural(failures, 'error')} (said on stderr)` : '';
  if (problems === 0 && failures === 0) {
    out.push(
      paint(
        colours,
        'green',
        `✔ ${designs} checked, no problems${totals.hint > 0 ? ` (${plural(totals.hint, 'hint')})` : ''}`,
      ),
    );
  } else if (problems === 0) {
    const checked = reports.length === 0 ? 'no design checked' : `${designs} checked, no problems`;
    out.push(paint(colours, 'bold', paint(colours, 'red', `✖ ${failed}; ${checked}`)));
  } else {
    const summary =
      `✖ ${plural(problems, 'problem')} (${plural(totals.error, 'error')}, ` +
      `${plural(totals.warning, 'warning')}, ${totals.info} info)${hints} in ${designs}` +
      (failed ? `, and ${failed}` : '');
    const red = totals.error > 0 || failures > 0;
    out.push(paint(colours, 'bold', paint(colours, red ? 'red' : 'yellow', summary)));
  }
  return out.join('\n') + '\n';
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(reports, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/**
 * `helpOf` gives each rule's page (helpUri) and help text that adds to its description instead of
 * repeating it.
 */
export function formatSarif(
  reports: FileReport[],
  rules: readonly Rule[],
  version: string,
  notifications: string[],
  helpOf: (rule: Rule) => RuleHelp,
): string {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.meta.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mlsd',
            version,
            semanticVersion: version,
            rules: rules.map((rule) => {
              const help = helpOf(rule);
              return {
                id: rule.meta.id,
                name: rule.meta.name,
                shortDescription: { text: rule.meta.description },
                fullDescription: { text: rule.meta.description },
                defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
                helpUri: help.uri,
                help: { text: help.text, ...(help.markdown ? { markdown: help.markdown } : {}) },
                properties: { tags: ['ml-system-design'] },
              };
            }),
          },
        },
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            toolExecutionNotifications: notifications.map((text) => ({
              level: 'error',
              message: { text },
            })),
          },
        ],
        artifacts: reports.map((report) => ({ location: { uri: encodeUri(report.file) } })),
        results: reports.flatMap((report, artifactIndex) =>
          report.diagnostics.map((d) => ({
            ruleId: d.ruleId,
            ruleIndex: ruleIndex.get(d.ruleId) ?? -1,
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeUri(report.file), index: artifactIndex },
                  region: {
                    startLine: d.line,
                    startColumn: d.column,
                    endLine: d.endLine,
                    endColumn: d.endColumn,
                  },
                },
              },
            ],
            partialFingerprints: {
              'mlsdFinding/v1': `${d.ruleId}:${d.step ?? ''}:${d.topic ?? ''}:${d.message.length}`,
            },
          })),
        ),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function encodeUri(file: string): string {
  if (/^[a-zA-Z]:[\\/]/.test(file) || file.startsWith('/')) {
    return `file://${file.startsWith('/') ? '' : '/'}${file.split('\\').join('/').split('/').map(encodeURIComponent).join('/')}`;
  }
  return file.split('/').map(encodeURIComponent).join('/');
}
