// The command-line checker, as a function of arguments and a file reader, so tests run it in
// process. main.ts wires it to the real process.
import * as path from 'node:path';
import { isTooLarge, tooLargeMessage } from '../analysis/documentSize';
import { Analyzer } from '../analysis/analyse';
import { resolveRuleSettings, type RuleSettings } from '../analysis/ruleSettings';
import { builtInDataDir, nodeDataFiles } from '../dataFiles';
import {
  findProjectConfig,
  parseProjectConfig,
  type ProjectConfig,
} from '../analysis/projectConfig';
import { DEFAULT_FRAMEWORK_ID, FrameworkRegistry, type DataSource } from '../framework/registry';
import { allRules } from '../rules';
import { collectDesignFiles, displayPath, reason } from './files';
import { FORMATS, formatJson, formatSarif, formatStylish, plural, type Format } from './formatters';
import { toFileReport, type FileReport } from './report';
import { ruleHelp } from './ruleHelp';

export const VERSION = process.env.MLSD_VERSION ?? '0.0.0-dev';

export interface CliEnvironment {
  cwd: string;
  stdoutIsTty: boolean;
  env: Record<string, string | undefined>;
  readFile: (file: string) => string;
}

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const HELP = `Usage: mlsd check [options] <file|dir|glob>...
       mlsd frameworks [--config FILE]
       mlsd report [--format md|html|json] [-o FILE] <file|dir|glob>...

Checks machine-learning system design practice answers (*.mlsd.md) against a
framework (the book's 7 steps unless the front matter's "framework:", the
nearest .mlsd.json or --framework says another): missing, out-of-order,
duplicate, empty and thin steps, required topics not covered, placeholders
left in, bad front matter. "mlsd frameworks" lists the frameworks and case
studies available and where each comes from.

Options:
  --format stylish|json|sarif  output format (default: stylish)
  --max-warnings N             exit 1 when there are more than N warnings (without
                               it, warnings never fail the run: use 0 in CI)
  --framework ID               check every design against this framework, whatever
                               its front matter says
  --config FILE                JSON config used instead of the nearest .mlsd.json:
                               {"rules": {"MLSD005": "off", ...}, "framework": ID,
                               "frameworks": [...], "problems": [...]}
  --color, --no-color          force colours on or off (default: on a terminal)
  -h, --help                   show this help
  -v, --version                show the version

Exit codes: 0 no errors and warnings within --max-warnings; 1 findings over
that; 2 usage error, unreadable file or bad config.
`;

interface Options {
  command: 'check' | 'frameworks';
  framework?: string;
  format: Format;
  maxWarnings: number;
  config?: string;
  colour?: boolean;
  paths: string[];
}

class UsageError extends Error {}

/** `--flag=value` as the flag and its inline value; any other argument as itself. */
export function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return arg.startsWith('--') && equals > 0
    ? [arg.slice(0, equals), arg.slice(equals + 1)]
    : [arg, undefined];
}

function parseArguments(args: string[]): Options | 'help' | 'version' {
  const options: Options = { command: 'check', format: 'stylish', maxWarnings: -1, paths: [] };
  const rest = [...args];
  const command = rest.shift();
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === '-v' || command === '--version') return 'version';
  if (command === 'frameworks') options.command = 'frameworks';
  else if (command !== 'check') {
    throw new UsageError(
      command === undefined ? 'no command given' : `unknown command '${command}'`,
    );
  }
  const value = (flag: string, inline?: string): string => {
    const next = inline ?? rest.shift();
    if (next === undefined || (inline === undefined && next.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value`);
    }
    return next;
  };
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '--') {
      options.paths.push(...rest.splice(0));
      break;
    }
    const [flag, inline] = splitFlag(arg);
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '-f':
      case '--format': {
        const format = value(flag, inline);
        if (!(FORMATS as readonly string[]).includes(format)) {
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
        }
        options.format = format as Format;
        break;
      }
      case '--max-warnings': {
        const text = value(flag, inline);
        const number = Number(text);
        if (!/^-?\d+$/.test(text) || number < -1) {
          throw new UsageError(
            `--max-warnings needs a whole number (or -1 for no limit), not '${text}'`,
          );
        }
        options.maxWarnings = number;
        break;
      }
      case '--framework':
        options.framework = value(flag, inline);
        break;
      case '-c':
      case '--config':
        options.config = value(flag, inline);
        break;
      case '--color':
      case '--colour':
        options.colour = true;
        break;
      case '--no-color':
      case '--no-colour':
        options.colour = false;
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option '${flag}'`);
        options.paths.push(arg);
    }
  }
  if (options.command === 'frameworks') {
    if (options.paths.length > 0) throw new UsageError(`'frameworks' takes no file`);
    return options;
  }
  if (options.paths.length === 0) throw new UsageError('no file, folder or glob to check');
  return options;
}

export interface LoadedConfig {
  rules?: RuleSettings;
  framework?: string;
  registry: FrameworkRegistry;
}

export function loadConfig(
  file: string | undefined,
  env: CliEnvironment,
  errors: string[],
): LoadedConfig {
  const registry = new FrameworkRegistry(nodeDataFiles);
  registry.loadDirectory(builtInDataDir());
  if (!file) return { registry };
  const absolute = path.resolve(env.cwd, file);
  let raw: unknown;
  try {
    raw = JSON.parse(env.readFile(absolute).replace(/^\uFEFF/, ''));
  } catch (error) {
    errors.push(
      error instanceof SyntaxError
        ? `config '${file}' is not valid JSON: ${error.message}`
        : `cannot read config '${file}': ${reason(error)}`,
    );
    return { registry };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push(`config '${file}' must be a JSON object such as {"rules": {"MLSD005": "off"}}`);
    return { registry };
  }
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!['rules', 'framework', 'frameworks', 'problems', '$schema'].includes(key)) {
      errors.push(
        `config '${file}': unknown key '${key}' (allowed: rules, framework, frameworks, problems)`,
      );
    }
  }
  let framework: string | undefined;
  if (config.framework !== undefined) {
    if (typeof config.framework === 'string') framework = config.framework;
    else errors.push(`config '${file}': 'framework' must be a framework id`);
  }
  const base = path.dirname(absolute);
  for (const key of ['frameworks', 'problems'] as const) {
    const list = config[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
      errors.push(`config '${file}': '${key}' must be a list of file paths`);
      continue;
    }
    for (const item of list as string[]) {
      const target = path.resolve(base, item);
      if (key === 'frameworks') registry.loadFrameworkFile(target);
      else registry.loadCaseStudyFile(target);
    }
  }
  for (const error of registry.errors) errors.push(`config '${file}': ${error.message}`);
  const rules = config.rules as RuleSettings | undefined;
  const { problems } = resolveRuleSettings(allRules, rules);
  for (const problem of problems) errors.push(`config '${file}': ${problem}`);
  if (framework !== undefined && !registry.hasFramework(framework)) {
    errors.push(
      `config '${file}': framework: unknown framework "${framework}" (known: ${registry.frameworkIds().join(', ')})`,
    );
    framework = undefined;
  }
  return { registry, rules, framework };
}

/**
 * The nearest `.mlsd.json` of each design (its folder or one above, up to the cwd when the design
 * is inside it, else up to the root), read once per folder; its own frameworks and case studies
 * join the run's registry. Problems are named once, with the file and field.
 */
class NearestConfigs {
  private readonly byFolder = new Map<string, ProjectConfig | undefined>();
  private readonly byFile = new Map<string, ProjectConfig>();

  constructor(
    private readonly env: CliEnvironment,
    private readonly registry: FrameworkRegistry,
    private readonly errors: string[],
  ) {}

  of(design: string): ProjectConfig | undefined {
    const folder = path.dirname(design);
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const inside = !path.relative(this.env.cwd, folder).startsWith('..');
    const found = findProjectConfig(folder, inside ? this.env.cwd : undefined, (file) => {
      try {
        return this.env.readFile(file);
      } catch {
        return undefined;
      }
    });
    const config = found ? this.load(found.file, found.text) : undefined;
    this.byFolder.set(folder, config);
    return config;
  }

  private load(file: string, text: string): ProjectConfig {
    const known = this.byFile.get(file);
    if (known) return known;
    const shown = displayPath(file, this.env.cwd);
    const { config, problems } = parseProjectConfig(text, file, shown);
    this.errors.push(...problems);
    const before = this.registry.errors.length;
    for (const item of config.frameworks) this.registry.loadFrameworkFile(item);
    for (const item of config.problems) this.registry.loadCaseStudyFile(item);
    for (const error of this.registry.errors.slice(before))
      this.errors.push(`${shown}: ${error.message}`);
    if (config.framework !== undefined && !this.registry.hasFramework(config.framework)) {
      this.errors.push(
        `${shown}: framework: unknown framework "${config.framework}" (known: ${this.registry.frameworkIds().join(', ')}); the default is used.`,
      );
      config.framework = undefined;
    }
    this.byFile.set(file, config);
    return config;
  }
}

function listFrameworks(registry: FrameworkRegistry, cwd: string): string {
  const where = (source: DataSource) =>
    source.builtIn ? 'built-in' : displayPath(source.file, cwd);
  const lines = ['Frameworks (front matter "framework:", .mlsd.json "framework", --framework):'];
  for (const source of registry.frameworkSources()) {
    const suffix = source.id === DEFAULT_FRAMEWORK_ID ? ', default' : '';
    lines.push(`  ${source.id.padEnd(22)} ${source.title} (${where(source)}${suffix})`);
  }
  lines.push('', 'Case studies (front matter "problem:"):');
  for (const source of registry.caseStudySources())
    lines.push(`  ${source.id.padEnd(22)} ${source.title} (${where(source)})`);
  return `${lines.join('\n')}\n`;
}

export function runCli(args: string[], env: CliEnvironment): CliResult {
  let options: Options | 'help' | 'version';
  try {
    options = parseArguments(args);
  } catch (error) {
    if (error instanceof UsageError) {
      return { stdout: '', stderr: `mlsd: ${error.message}\n\n${HELP}`, exitCode: 2 };
    }
    throw error;
  }
  if (options === 'help') return { stdout: HELP, stderr: '', exitCode: 0 };
  if (options === 'version') return { stdout: `${VERSION}\n`, stderr: '', exitCode: 0 };

  const errors: string[] = [];
  const warnings: string[] = [];
  const config = loadConfig(options.config, env, errors);
  const nearest = options.config ? undefined : new NearestConfigs(env, config.registry, errors);
  if (options.command === 'frameworks') {
    // The .mlsd.json of the cwd (or above) adds its own frameworks to the list.
    nearest?.of(path.join(env.cwd, 'design.mlsd.md'));
    const stdout = listFrameworks(config.registry, env.cwd);
    const stderr = errors.map((e) => `mlsd: ${e}\n`).join('');
    return { stdout, stderr, exitCode: errors.length > 0 ? 2 : 0 };
  }
  if (options.framework !== undefined && !config.registry.hasFramework(options.framework)) {
    return {
      stdout: '',
      stderr: `mlsd: --framework: unknown framework '${options.framework}' (known: ${config.registry.frameworkIds().join(', ')})\n`,
      exitCode: 2,
    };
  }
  const { files, problems } = collectDesignFiles(options.paths, env.cwd);
  errors.push(...problems);

  const reports: FileReport[] = [];
  // One analyzer for the run: parts shared between designs (a template's) are parsed once.
  const analyzer = new Analyzer({ registry: config.registry });
  for (const file of files) {
    const shown = displayPath(file, env.cwd);
    let text: string;
    try {
      text = env.readFile(file);
    } catch (error) {
      errors.push(`cannot read '${shown}': ${reason(error)}`);
      continue;
    }
    if (text.includes('\u0000') && !file.endsWith('.md')) {
      errors.push(`'${shown}' is not a text file; skipped`);
      continue;
    }
    if (isTooLarge(text)) {
      errors.push(tooLargeMessage(text, `'${shown}'`));
      continue;
    }
    try {
      const own = nearest?.of(file);
      const analysis = analyzer.analyse(text, {
        rules: own ? own.rules : config.rules,
        framework: options.framework ?? own?.framework ?? config.framework,
        forceFramework: options.framework !== undefined,
      });
      for (const failure of analysis.ruleFailures) errors.push(`${shown}: ${failure}`);
      // Bad front matter is an error finding (exit 1), and also said on stderr in one line.
      const yamlError = analysis.document.frontMatter?.errors[0];
      if (yamlError) {
        const line = analysis.document.lines.positionAt(yamlError.start).line + 1;
        warnings.push(`${shown}:${line}: ${yamlError.message} The rest of the file was checked.`);
      }
      reports.push(toFileReport(shown, analysis));
    } catch (error) {
      // The checker must never take the run down: name the file and go on with the others.
      errors.push(`${shown}: could not be checked (${(error as Error)?.message ?? String(error)})`);
    }
  }

  const colourEnv =
    env.env.FORCE_COLOR !== undefined
      ? env.env.FORCE_COLOR !== '0'
      : env.env.NO_COLOR === undefined;
  const colours = { enabled: options.colour ?? (env.stdoutIsTty && colourEnv) };
  let stdout: string;
  switch (options.format) {
    case 'json':
      stdout = formatJson(reports);
      break;
    case 'sarif':
      stdout = formatSarif(reports, allRules, VERSION, errors, (rule) => ruleHelp(rule));
      break;
    default:
      stdout = formatStylish(reports, colours, errors.length);
  }

  const diagnostics = reports.flatMap((r) => r.diagnostics);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const warningCount = diagnostics.filter((d) => d.severity === 'warning').length;
  let exitCode = 0;
  if (errorCount > 0 || (options.maxWarnings >= 0 && warningCount > options.maxWarnings))
    exitCode = 1;
  if (errors.length > 0) exitCode = 2;
  const stderr =
    [...errors, ...warnings].map((e) => `mlsd: ${e}\n`).join('') +
    (options.maxWarnings >= 0 && warningCount > options.maxWarnings && options.format === 'stylish'
      ? `mlsd: ${plural(warningCount, 'warning')}, more than --max-warnings ${options.maxWarnings}\n`
      : '');
  return { stdout, stderr, exitCode };
}
