// `mlsd report <file|dir|glob>... [--format md|html|json] [-o FILE] [--config FILE]`: the practice
// report of each design (topics covered per step as a chart, findings and follow-up questions by
// step) from the command line, charts as inline SVG, for a notes repository or a CI artifact.
// Like runCli, a function of arguments and an environment so tests run it in process.
import * as path from 'node:path';
import { isTooLarge, tooLargeMessage } from '../analysis/documentSize';
import { Analyzer } from '../analysis/analyse';
import { buildPracticeReport, type PracticeReport } from '../report/model';
import { renderMarkdownReport } from '../report/markdown';
import { renderHtmlPage, renderHtmlReportBody } from '../report/html';
import { collectDesignFiles, displayPath, reason } from './files';
import { loadConfig, splitFlag, type CliEnvironment, type CliResult } from './run';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportEnvironment extends CliEnvironment {
  writeFile: (file: string, text: string) => void;
}

export const REPORT_HELP = `Usage: mlsd report [options] <file|dir|glob>...

Writes the practice report of each design: required and recommended topics
covered per step (a chart), findings and follow-up questions by step.

Options:
  --format md|html|json  output format (default: md); charts are inline SVG
  -o, --output FILE      write the report to FILE instead of standard output
  --config FILE          JSON config, as for 'mlsd check'
  -h, --help             show this help

Exit codes: 0 written; 2 usage error, unreadable file or bad config.
`;

interface ReportOptions {
  format: ReportFormat;
  output?: string;
  config?: string;
  paths: string[];
}

function usage(message: string): CliResult {
  return { stdout: '', stderr: `mlsd report: ${message}\n\n${REPORT_HELP}`, exitCode: 2 };
}

function parse(args: string[]): ReportOptions | 'help' | string {
  const options: ReportOptions = { format: 'md', paths: [] };
  const rest = [...args];
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '--') {
      options.paths.push(...rest.splice(0));
      break;
    }
    const [flag, inline] = splitFlag(arg);
    const value = (): string | undefined => {
      const next = inline ?? rest.shift();
      return next === undefined || (inline === undefined && next.startsWith('-'))
        ? undefined
        : next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '-f':
      case '--format': {
        const format = value();
        if (!format) return `${flag} needs a value`;
        if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
          return `--format must be one of ${REPORT_FORMATS.join(', ')}, not '${format}'`;
        }
        options.format = format as ReportFormat;
        break;
      }
      case '-o':
      case '--output': {
        const output = value();
        if (!output) return `${flag} needs a file name`;
        options.output = output;
        break;
      }
      case '-c':
      case '--config': {
        const config = value();
        if (!config) return `${flag} needs a value`;
        options.config = config;
        break;
      }
      default:
        if (flag.startsWith('-') && flag !== '-') return `unknown option '${flag}'`;
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) return 'no file, folder or glob to report on';
  return options;
}

/**
 * media/report-page.css, beside the bundle's folder (dist/) or the sources' root; a page without
 * it still has its charts, in the SVGs' default colours.
 */
function pageStyle(env: CliEnvironment): string {
  for (const root of [path.join(__dirname, '..'), path.join(__dirname, '..', '..', '..')]) {
    try {
      return env.readFile(path.join(root, 'media', 'report-page.css'));
    } catch {
      // The other place.
    }
  }
  return '';
}

function render(reports: PracticeReport[], format: ReportFormat, env: CliEnvironment): string {
  switch (format) {
    case 'json':
      return JSON.stringify(reports, null, 2) + '\n';
    case 'html':
      return renderHtmlPage(
        reports.map((report, i) => ({
          file: report.file,
          body: renderHtmlReportBody(report, `mlsd-${i + 1}`),
        })),
        pageStyle(env),
      );
    default:
      return (
        reports
          .map((report) => renderMarkdownReport(report, { mode: 'inline' }).markdown)
          .join('\n---\n\n') + (reports.length > 0 ? '' : '\n')
      );
  }
}

export function runReportCli(args: string[], env: ReportEnvironment): CliResult {
  const options = parse(args);
  if (options === 'help') return { stdout: REPORT_HELP, stderr: '', exitCode: 0 };
  if (typeof options === 'string') return usage(options);
  const errors: string[] = [];
  const config = loadConfig(options.config, env, errors);
  const { files, problems } = collectDesignFiles(options.paths, env.cwd);
  errors.push(...problems);
  const analyzer = new Analyzer({ registry: config.registry });
  const reports: PracticeReport[] = [];
  for (const file of files) {
    const shown = displayPath(file, env.cwd);
    let text: string;
    try {
      text = env.readFile(file);
    } catch (error) {
      errors.push(`cannot read '${shown}': ${reason(error)}`);
      continue;
    }
    if (isTooLarge(text)) {
      errors.push(tooLargeMessage(text, `'${shown}'`));
      continue;
    }
    try {
      reports.push(buildPracticeReport(analyzer.analyse(text, { rules: config.rules }), shown));
    } catch (error) {
      errors.push(
        `${shown}: could not be reported on (${(error as Error)?.message ?? String(error)})`,
      );
    }
  }
  const text = render(reports, options.format, env);
  let stdout = text;
  if (options.output) {
    const target = path.resolve(env.cwd, options.output);
    try {
      env.writeFile(target, text);
      stdout = '';
    } catch (error) {
      errors.push(`cannot write '${options.output}': ${reason(error)}`);
      stdout = '';
    }
  }
  return {
    stdout,
    stderr: errors.map((e) => `mlsd: ${e}\n`).join(''),
    exitCode: errors.length > 0 ? 2 : 0,
  };
}
