// Which documents are designs: `*.mlsd.md`, plus the globs of the `mlsd.files` setting.
import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

function matcherFor(pattern: string): (path: string) => boolean {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    try {
      const compiled = picomatch(pattern, { dot: true, nocase: process.platform !== 'linux' });
      matcher = (p) => compiled(p);
    } catch {
      matcher = () => false; // a broken pattern matches nothing; the setting's problem is reported elsewhere
    }
    if (matchers.size > 200) matchers.clear();
    matchers.set(pattern, matcher);
  }
  return matcher;
}

export function isDesignPath(path: string, patterns: readonly string[] = []): boolean {
  const normalised = path.split('\\').join('/');
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
