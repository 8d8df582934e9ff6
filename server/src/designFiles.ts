// Which documents are designs: `*.mlsd.md`, plus the globs of the `mlsd.files` setting.
import { compileGlob, type GlobMatcher } from './glob';
import { isPracticeReportFileName } from '../../common/src/practice';

// Paths are compared without case on Windows and macOS; in the browser (no process) with case, as
// the virtual file systems of web editors do.
const CASE_INSENSITIVE_PATHS =
  typeof process !== 'undefined' && typeof process.platform === 'string'
    ? process.platform !== 'linux'
    : false;

const matchers = new Map<string, GlobMatcher>();

function matcherFor(pattern: string): GlobMatcher {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    const compiled = compileGlob(pattern, { nocase: CASE_INSENSITIVE_PATHS });
    // A pattern that does not compile matches nothing; settings validation names it to the user.
    matcher = compiled.ok ? compiled.match : () => false;
    if (matchers.size > 200) matchers.clear();
    matchers.set(pattern, matcher);
  }
  return matcher;
}

export function isDesignPath(path: string, patterns: readonly string[] = []): boolean {
  const normalised = path.split('\\').join('/');
  // A practice report saved beside its design (`x.mlsd.report.md`) is never itself a design.
  if (isPracticeReportFileName(normalised)) return false;
  if (normalised.toLowerCase().endsWith('.mlsd.md')) return true;
  const name = normalised.slice(normalised.lastIndexOf('/') + 1);
  const relative = normalised.replace(/^[A-Za-z]:/, '').replace(/^\/+/, '');
  return patterns.some((pattern) => {
    // VS Code matches document patterns anywhere in the path: "notes/*.md" means "**/notes/*.md".
    const anywhere = /^(?:\*\*\/|\/|[A-Za-z]:)/.test(pattern) ? pattern : `**/${pattern}`;
    const matcher = matcherFor(pattern);
    const anywhereMatcher = matcherFor(anywhere);
    return matcher(normalised) || matcher(relative) || matcher(name) || anywhereMatcher(relative);
  });
}
