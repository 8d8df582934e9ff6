// Finds unfilled template text: TODO/TBD markers, "<describe the goal>", "{{...}}", and lines whose
// whole content is a placeholder phrase ("fill in", "..."). Code, HTML blocks and front matter are
// skipped; a phrase such as "fill in" inside a real sentence is not a placeholder.
import type { PlaceholderPhrases } from '../framework/compile';
import type { Placeholder } from '../model/analysis';
import type { DesignDocument } from '../model/document';

const MARKER =
  /(?<![\p{L}\p{N}_])(?:TODO|TBD|TBC|FIXME|XXX)(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}])todo(?=:)/gu;
const MUSTACHE = /\{\{[^{}\n]{0,80}\}\}/g;
const ANGLE = /<([A-Za-z][A-Za-z' ]{1,60}?)>/g;
const HTML_TAGS = new Set(
  (
    'a abbr b blockquote br center cite code dd del details div dl dt em figcaption figure font h1 h2 h3 ' +
    'h4 h5 h6 hr i img ins kbd li mark ol p picture pre q s samp section small source span strike strong ' +
    'sub summary sup table tbody td th thead tr tt u ul var video audio iframe'
  ).split(' '),
);
const LINE_PREFIX = /^\s*(?:>\s*)*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)?/;
const LABEL = /^(?:\*\*|__)?[^:：*_]{1,60}?(?:\*\*|__)?\s*[:：]\s*/;

const MAX_PLACEHOLDER_LINE = 1000;

export function findPlaceholders(
  document: DesignDocument,
  phrases: PlaceholderPhrases,
): Placeholder[] {
  const { lines, source: text } = document;
  const found: Placeholder[] = [];
  const { wholeLine: wholeLinePhrases, cjk: cjkPhrases } = phrases;
  let skip = 0;
  const nonProse = [...document.nonProse].sort((a, b) => a.start - b.start);

  for (let line = 0; line < lines.lineCount; line++) {
    const lineStart = lines.lineStarts[line];
    const lineEnd = lines.lineEnd(line);
    while (skip < nonProse.length && nonProse[skip].end <= lineStart) skip++;
    if (
      skip < nonProse.length &&
      nonProse[skip].start <= lineStart &&
      nonProse[skip].end >= lineEnd
    )
      continue;
    const content = text.slice(lineStart, lineEnd);
    if (content.trim() === '') continue;
    const add = (at: number, length: number) => {
      const start = lineStart + at;
      if (!insideNonProse(nonProse, start)) {
        found.push({ start, end: start + length, line, text: content.slice(at, at + length) });
      }
    };
    const before = found.length;
    for (const pattern of [MARKER, MUSTACHE]) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(content); m; m = pattern.exec(content)) add(m.index, m[0].length);
    }
    ANGLE.lastIndex = 0;
    for (let m = ANGLE.exec(content); m; m = ANGLE.exec(content)) {
      const firstWord = m[1].split(' ')[0].toLowerCase();
      if (m[1].includes(' ') && !HTML_TAGS.has(firstWord)) add(m.index, m[0].length);
    }
    for (const phrase of cjkPhrases) {
      for (
        let at = content.indexOf(phrase);
        at >= 0;
        at = content.indexOf(phrase, at + phrase.length)
      ) {
        add(at, phrase.length);
      }
    }
    // A line (or a "Label:" value) that is nothing but a placeholder phrase. Phrases are short, so
    // a long line is never one (and the trimming patterns below are quadratic on a long line).
    if (found.length === before && content.length <= MAX_PLACEHOLDER_LINE) {
      const afterPrefix = content
        .replace(/<!--[\s\S]*?-->/g, '')
        .trimEnd()
        .replace(LINE_PREFIX, '');
      const value = afterPrefix.replace(LABEL, '');
      const bare = value
        .replace(/^[\s*_`[(<]+|[\s*_`\])>]+$/g, '')
        .replace(/^#+\s*/, '')
        .toLowerCase();
      if (bare && wholeLinePhrases.has(bare)) {
        const at = content.lastIndexOf(value.trim());
        add(at, value.trim().length);
      }
    }
  }
  return found;
}

function insideNonProse(nonProse: { start: number; end: number }[], offset: number): boolean {
  return nonProse.some((range) => offset >= range.start && offset < range.end);
}
