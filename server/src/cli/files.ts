// Turns the command line's paths (files, folders, globs) into the design files to check.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareText } from '../core/text';
import { compileGlob } from '../glob';
import { isPracticeReportFileName } from '../../../common/src/practice';

export const DESIGN_SUFFIX = '.mlsd.md';
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', '.cache']);

export interface FileList {
  files: string[];
  /** One line per path that could not be used. */
  problems: string[];
}

export function collectDesignFiles(inputs: string[], cwd = process.cwd()): FileList {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      if (isGlob(input)) {
        const matched = expandGlob(input, cwd);
        if (typeof matched === 'string') problems.push(matched);
        else if (matched.length === 0) problems.push(`no files match '${input}'`);
        else matched.forEach((file) => files.add(file));
      } else {
        problems.push(`cannot read '${input}': ${reason(error)}`);
      }
      continue;
    }
    if (stat.isDirectory()) {
      const found = walk(absolute).filter((file) => file.endsWith(DESIGN_SUFFIX));
      if (found.length === 0) problems.push(`no *${DESIGN_SUFFIX} files in '${input}'`);
      found.forEach((file) => files.add(file));
    } else {
      files.add(absolute);
    }
  }
  return { files: [...files].sort(comparePaths(cwd)), problems };
}

function comparePaths(cwd: string) {
  return (a: string, b: string) => compareText(displayPath(a, cwd), displayPath(b, cwd));
}

/** The path as shown to the user: relative to the working folder, with forward slashes. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  const shown =
    relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  return shown.split(path.sep).join('/');
}

function isGlob(input: string): boolean {
  return /[*?[\]{}]/.test(input);
}

/** The files a glob matches, or why the glob cannot be used. */
function expandGlob(pattern: string, cwd: string): string[] | string {
  // The base is the leading segments without glob characters; the walk starts there.
  const segments = pattern.split(/[\\/]/);
  const literal = segments.findIndex((segment) => isGlob(segment));
  const base = path.resolve(
    cwd,
    segments.slice(0, literal).join('/') || (pattern.startsWith('/') ? '/' : '.'),
  );
  const glob = segments.slice(literal).join('/');
  const compiled = compileGlob(glob);
  if (!compiled.ok) return `the pattern '${pattern}' is not used: ${compiled.reason}`;
  // Like a shell, names starting with "." are matched only by a pattern segment that starts with ".".
  const dotted = /(?:^|\/)\./.test(glob);
  return walk(base).filter((file) => {
    const relative = path.relative(base, file).split(path.sep).join('/');
    // A practice report saved beside its design is not a design, whatever the glob.
    return (
      compiled.match(relative) &&
      (dotted || !/(?:^|\/)\./.test(relative)) &&
      !isPracticeReportFileName(relative)
    );
  });
}

function walk(dir: string, out: string[] = [], depth = 0): string[] {
  if (depth > 40) return out;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, out, depth + 1);
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
  return out;
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ?? String((error as Error)?.message ?? error);
  }
}
