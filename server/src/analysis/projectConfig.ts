// `.mlsd.json`: one config file for the editor and the CLI, found in a design's folder or the
// nearest folder above it (like ESLint and markdownlint configs). JSON with comments (read by the
// few lines of `withoutComments`, not jsonc-parser: its 10 KB would take the bundles over 1 MB),
// data only: rule severities, the framework to use, and paths of the user's own framework and
// case-study files. Reading files is the caller's (an injected reader), so the browser build can pass one
// that asks the client, or none. A bad field is named with the file; the rest of the file applies.
import { allRules } from '../rules';
import { resolveRuleSettings, type RuleSettings } from './ruleSettings';

export const CONFIG_FILE_NAME = '.mlsd.json';
/** A config larger than this is not read: it is data, not a place for a corpus. */
export const MAX_CONFIG_CHARS = 64 * 1024;
/** Own framework or case-study files used at most per config. */
export const MAX_DATA_FILES = 20;
/** Folders walked up at most when looking for a config. */
const MAX_DEPTH = 64;

export interface ProjectConfig {
  /** The config file, as the reader named it. */
  file: string;
  rules?: RuleSettings;
  framework?: string;
  /** Own framework files, resolved against the config's folder. */
  frameworks: string[];
  /** Own case-study files, resolved against the config's folder. */
  problems: string[];
}

export interface ParsedConfig {
  config: ProjectConfig;
  /** "<file>: <field>: <problem>", one per bad field. */
  problems: string[];
}

const KEYS = ['$schema', 'rules', 'framework', 'frameworks', 'problems'];

/** Reads a config's text; a bad value is reported and left out, the other fields still apply. */
export function parseProjectConfig(text: string, file: string, shown = file): ParsedConfig {
  const config: ProjectConfig = { file, frameworks: [], problems: [] };
  const problems: string[] = [];
  const say = (field: string, problem: string) =>
    problems.push(`${shown}: ${field ? `${field}: ` : ''}${problem}`);
  if (text.length > MAX_CONFIG_CHARS) {
    say('', `is larger than ${MAX_CONFIG_CHARS / 1024} KB and is not read; defaults apply.`);
    return { config, problems };
  }
  const json = withoutComments(text.replace(/^\uFEFF/, ''));
  let raw: unknown;
  try {
    raw = json.trim() === '' ? undefined : JSON.parse(json);
  } catch (error) {
    // Comments became spaces, so a position in `json` is one in the file.
    const at = /position (\d+)/.exec((error as Error).message);
    const line = json.slice(0, at ? Number(at[1]) : json.length).split('\n').length;
    say('', `is not valid JSON (on line ${line}); defaults apply.`);
    return { config, problems };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    say('', 'must be a JSON object such as {"framework": "nine-step"}; defaults apply.');
    return { config, problems };
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KEYS.includes(key))
      say(key, `unknown field (allowed: ${KEYS.slice(1).join(', ')}); ignored.`);
  }
  if (record.rules !== undefined) {
    const resolved = resolveRuleSettings(allRules, record.rules as RuleSettings);
    for (const problem of resolved.problems) say('rules', problem);
    if (resolved.severities.size > 0) config.rules = Object.fromEntries(resolved.severities);
  }
  if (record.framework !== undefined) {
    if (typeof record.framework === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(record.framework))
      config.framework = record.framework;
    else say('framework', `expected a framework id such as "nine-step"; ignored.`);
  }
  for (const key of ['frameworks', 'problems'] as const) {
    const list = record[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === '')) {
      say(key, 'expected a list of file paths relative to the config; ignored.');
      continue;
    }
    if (list.length > MAX_DATA_FILES)
      say(key, `lists ${list.length} files; the first ${MAX_DATA_FILES} are used.`);
    config[key] = (list as string[]).slice(0, MAX_DATA_FILES).map((item) => joinPath(file, item));
  }
  return { config, problems };
}

/**
 * JSON with comments as JSON: line and block comments and trailing commas become spaces (line
 * breaks kept), so positions in the result are positions in the text. Strings are left alone.
 */
export function withoutComments(text: string): string {
  const out = text.split('');
  let inString = false;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '/' && out[i + 1] === '/') {
      while (i < out.length && out[i] !== '\n') out[i++] = ' ';
    } else if (c === '/' && out[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? out.length : end + 2;
      for (; i < stop; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
      i--;
    }
  }
  // Trailing commas: a comma whose next character (past spaces) closes an object or array.
  inString = false;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === ',') {
      let j = i + 1;
      while (j < out.length && /\s/.test(out[j])) j++;
      if (out[j] === '}' || out[j] === ']') out[i] = ' ';
    }
  }
  return out.join('');
}

/** The folder of a path, with either separator; the path itself at a root. */
export function parentOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  if (cut < 0) return '.';
  return cut === 0 ? file.slice(0, 1) : file.slice(0, cut);
}

/** A path relative to the folder of `file` (absolute paths are kept). */
function joinPath(file: string, relative: string): string {
  if (/^([A-Za-z]:)?[\\/]/.test(relative)) return relative;
  const separator = file.includes('\\') && !file.includes('/') ? '\\' : '/';
  const parts = parentOf(file).split(/[\\/]/);
  for (const part of relative.split(/[\\/]/)) {
    if (part === '..') {
      if (parts.length > 1) parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join(separator) || separator;
}

/**
 * The nearest `.mlsd.json` at or above `folder`, not above `stopAt` (the workspace folder or the
 * CLI's cwd; undefined: up to the root). `read` returns a file's text, or undefined when absent.
 */
export function findProjectConfig(
  folder: string,
  stopAt: string | undefined,
  read: (file: string) => string | undefined,
): { file: string; text: string } | undefined {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const stop = stopAt?.replace(/[\\/]+$/, '');
  let dir = folder.replace(/[\\/]+$/, '') || separator;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const file =
      dir === separator
        ? `${separator}${CONFIG_FILE_NAME}`
        : `${dir}${separator}${CONFIG_FILE_NAME}`;
    const text = read(file);
    if (text !== undefined) return { file, text };
    if (stop !== undefined && (dir === stop || !dir.startsWith(stop))) return undefined;
    const parent = parentOf(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}
