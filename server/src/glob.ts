// Glob patterns from the `mlsd.files` setting. A workspace's settings are not trusted input, and
// general glob libraries compile patterns to regular expressions: picomatch reads "(a+)+b" as a
// regex group and took 24 s to test it against a 30-character path; "*a*a*a*a*a*a*a*a*a*a*b" took
// 2 s. This matcher knows only VS Code's glob syntax (`*`, `**`, `?`, `[…]`, `{a,b}`) and matches
// without backtracking into nested choices: each alternative of the braces is matched on its own,
// and `*` and `**` use the single-backtrack wildcard algorithm, so a test costs at most
// (pattern length × path length) steps. Everything else in a pattern is a literal character.

/** Longest pattern accepted. */
export const MAX_GLOB_LENGTH = 512;
/** Most alternatives a pattern's braces may expand to. */
export const MAX_GLOB_ALTERNATIVES = 64;

/** One character of a segment pattern: a literal, `?`, a class `[…]`, or `*`. */
type Token =
  | { kind: 'char'; char: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; negated: boolean; ranges: [string, string][] };

/** A path segment pattern, or `**` (any number of segments). */
type Segment = { kind: 'globstar' } | { kind: 'segment'; tokens: Token[] };

export interface GlobMatcher {
  (path: string): boolean;
}

export type CompiledGlob = { ok: true; match: GlobMatcher } | { ok: false; reason: string };

/**
 * Compiles a glob. `nocase` matches regardless of case. Backslashes are read as path separators
 * (people on Windows write them), so there is no escaping.
 */
export function compileGlob(pattern: string, options: { nocase?: boolean } = {}): CompiledGlob {
  if (pattern.length > MAX_GLOB_LENGTH) {
    return { ok: false, reason: `it is longer than ${MAX_GLOB_LENGTH} characters` };
  }
  const source = pattern.split('\\').join('/');
  const expanded = expandBraces(options.nocase ? source.toLowerCase() : source);
  if (typeof expanded === 'string') return { ok: false, reason: expanded };
  const alternatives: Segment[][] = [];
  for (const alternative of expanded) {
    const segments = parseSegments(alternative);
    if (typeof segments === 'string') return { ok: false, reason: segments };
    alternatives.push(segments);
  }
  const match: GlobMatcher = (path) => {
    const names = (options.nocase ? path.toLowerCase() : path).split('/');
    return alternatives.some((segments) => matchSegments(segments, names));
  };
  return { ok: true, match };
}

/** The brace alternatives of a pattern, or why it cannot be expanded. */
function expandBraces(pattern: string): string[] | string {
  const open = pattern.indexOf('{');
  if (open < 0) {
    return pattern.includes('}') ? 'it has a "}" with no "{" before it' : [pattern];
  }
  // The group that opens at `open`: split its top level at commas.
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < pattern.length && close < 0; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) close = i;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return 'it has a "{" with no "}" after it';
  const before = pattern.slice(0, open);
  const after = pattern.slice(close + 1);
  if (before.includes('}')) return 'it has a "}" with no "{" before it';
  const bounds = [open, ...commas, close];
  const results: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const choice = pattern.slice(bounds[k] + 1, bounds[k + 1]);
    // Expanding the rest (nested groups, later groups) for each choice.
    const rest = expandBraces(choice + after);
    if (typeof rest === 'string') return rest;
    for (const tail of rest) {
      results.push(before + tail);
      if (results.length > MAX_GLOB_ALTERNATIVES) {
        return `its braces expand to more than ${MAX_GLOB_ALTERNATIVES} patterns`;
      }
    }
  }
  return results;
}

function parseSegments(pattern: string): Segment[] | string {
  const segments: Segment[] = [];
  for (const part of pattern.split('/')) {
    if (part === '**') {
      // Consecutive `**` mean the same as one.
      if (segments[segments.length - 1]?.kind !== 'globstar') segments.push({ kind: 'globstar' });
      continue;
    }
    const tokens = parseTokens(part);
    if (typeof tokens === 'string') return tokens;
    segments.push({ kind: 'segment', tokens });
  }
  return segments;
}

function parseTokens(part: string): Token[] | string {
  const tokens: Token[] = [];
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '*') {
      // `**` inside a name is a `*`; runs of stars are one.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'any' });
    } else if (c === '[') {
      const end = part.indexOf(']', i + 2);
      if (end < 0) return 'it has a "[" with no "]" after it';
      let body = part.slice(i + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let j = 0; j < body.length; j++) {
        if (body[j + 1] === '-' && j + 2 < body.length) {
          ranges.push([body[j], body[j + 2]]);
          j += 2;
        } else {
          ranges.push([body[j], body[j]]);
        }
      }
      tokens.push({ kind: 'class', negated, ranges });
      i = end;
    } else {
      tokens.push({ kind: 'char', char: c });
    }
  }
  return tokens;
}

function matchToken(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === char;
    case 'any':
      return true;
    case 'class': {
      const inside = token.ranges.some(([from, to]) => from <= char && char <= to);
      return inside !== token.negated;
    }
    case 'star':
      return false;
  }
}

/**
 * Wildcard matching with one backtrack point: on a mismatch, the last star takes one more item.
 * Never exponential: at most (pattern length × items) steps. Used for the characters of a name
 * (`*` is the star) and, one level up, for the names of a path (`**` is the star).
 */
function matchWildcards<P, T>(
  patterns: readonly P[],
  items: ArrayLike<T>,
  isStar: (pattern: P) => boolean,
  matches: (pattern: P, item: T) => boolean,
): boolean {
  let p = 0;
  let i = 0;
  let starAt = -1;
  let starItem = 0;
  while (i < items.length) {
    const pattern = patterns[p];
    if (p < patterns.length && !isStar(pattern) && matches(pattern, items[i])) {
      p++;
      i++;
    } else if (p < patterns.length && isStar(pattern)) {
      starAt = p++;
      starItem = i;
    } else if (starAt >= 0) {
      p = starAt + 1;
      i = ++starItem;
    } else {
      return false;
    }
  }
  while (p < patterns.length && isStar(patterns[p])) p++;
  return p === patterns.length;
}

function matchName(tokens: readonly Token[], name: string): boolean {
  return matchWildcards(tokens, name, (token) => token.kind === 'star', matchToken);
}

function matchSegments(segments: readonly Segment[], names: readonly string[]): boolean {
  return matchWildcards(
    segments,
    names,
    (segment) => segment.kind === 'globstar',
    (segment, name) => segment.kind === 'segment' && matchName(segment.tokens, name),
  );
}
