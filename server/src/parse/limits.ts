// Input limits for the Markdown parser. micromark (under remark-parse) takes time quadratic in the
// nesting depth of containers on a line (`- - - - x`, `>>>>> x`), in the number of emphasis and
// link delimiters in one paragraph (`*_*_*_…`, `[[[[…`), and in the length of a delimiter run
// (`**********x**********` nests strong emphasis thousands deep, which then overflows the stack of
// any recursive walk); each `<` in a paragraph may scan the rest of it for the end of an HTML
// comment or tag. No design is written like that, but a pasted file can be: 20 KB of `- ` took
// 30 s and then crashed the analysis. `defuseMarkdown` replaces the markers past each limit with
// U+FFFD, one UTF-16 unit for one, so every offset the parser reports is still an offset into the
// original text; below the limits the text is returned unchanged (the same string).

/** Container markers (`>`, list bullets and numbers) honoured at the start of one line. */
export const MAX_CONTAINER_DEPTH = 32;
/** Columns of leading whitespace honoured (deeper indentation nests lists line by line). */
export const MAX_INDENT_COLUMNS = 128;
/** Emphasis, code and link delimiters per paragraph: runs of `*`, `_`, `` ` ``; each `[`, `]`. */
export const MAX_INLINE_DELIMITERS = 128;
/**
 * Inline HTML openers per paragraph: each `<` but `</` (which ends an HTML block such as
 * `<script>`, so it is never touched). Each may scan the rest of the paragraph.
 */
export const MAX_INLINE_TAGS = 32;
/** Characters honoured in one run of `*`, `_` or `` ` ``. */
export const MAX_DELIMITER_RUN = 32;

const MASK = 0xfffd;

const enum Code {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Hash = 35,
  Star = 42,
  Plus = 43,
  Dash = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Less = 60,
  Greater = 62,
  Slash = 47,
  RightParen = 41,
  LeftBracket = 91,
  RightBracket = 93,
  Underscore = 95,
  Backtick = 96,
  Tilde = 126,
}

function isSpace(code: number): boolean {
  return code === Code.Space || code === Code.Tab;
}

function isLineEnd(code: number): boolean {
  return code === Code.LineFeed || code === Code.CarriageReturn || Number.isNaN(code);
}

/** The text with the Markdown markers past the limits above replaced by U+FFFD. */
export function defuseMarkdown(text: string): string {
  const masked: number[] = [];
  const length = text.length;
  let delimiters = 0; // in the current paragraph
  let tags = 0;
  let at = 0;
  while (at < length) {
    let lineEnd = at;
    while (lineEnd < length && !isLineEnd(text.charCodeAt(lineEnd))) lineEnd++;

    // Leading whitespace and container markers.
    let i = at;
    let columns = 0;
    let depth = 0;
    let listItem = false;
    let stopped = false;
    while (i < lineEnd && !stopped) {
      const code = text.charCodeAt(i);
      if (isSpace(code)) {
        columns = code === Code.Tab ? columns + 4 - (columns % 4) : columns + 1;
        if (columns > MAX_INDENT_COLUMNS) {
          masked.push(i);
          stopped = true;
        }
        i++;
        continue;
      }
      let markerEnd = -1;
      if (code === Code.Greater) {
        markerEnd = i + 1;
      } else if (code === Code.Dash || code === Code.Star || code === Code.Plus) {
        if (isSpace(text.charCodeAt(i + 1)) || i + 1 === lineEnd) markerEnd = i + 1;
      } else if (code >= Code.Zero && code <= Code.Nine) {
        let j = i;
        while (
          j < lineEnd &&
          j - i < 10 &&
          text.charCodeAt(j) >= Code.Zero &&
          text.charCodeAt(j) <= Code.Nine
        )
          j++;
        const after = text.charCodeAt(j);
        if (
          j - i <= 9 &&
          (after === Code.Dot || after === Code.RightParen) &&
          (isSpace(text.charCodeAt(j + 1)) || j + 1 === lineEnd)
        )
          markerEnd = j + 1;
      }
      if (markerEnd < 0) break;
      if (isThematicBreak(text, i, lineEnd)) break;
      depth++;
      if (depth > MAX_CONTAINER_DEPTH) {
        masked.push(i);
        stopped = true;
        break;
      }
      if (code !== Code.Greater) listItem = true;
      i = markerEnd;
    }

    // The line's content: a new block ends the paragraph; delimiters count towards it.
    const first = text.charCodeAt(i);
    const blank = i >= lineEnd || (stopped ? false : isBlank(text, i, lineEnd));
    // (A line starting with "<" may start an HTML block, which is not a paragraph: its "<" stays.)
    const blockStart = first === Code.Hash || first === Code.Less || isFence(text, i, lineEnd);
    if (blank || listItem || blockStart) delimiters = tags = 0;
    if (!blank && !stopped && !isFence(text, i, lineEnd) && !isThematicBreak(text, i, lineEnd)) {
      if (first === Code.Less) i++;
      while (i < lineEnd) {
        const code = text.charCodeAt(i);
        if (code === Code.Star || code === Code.Underscore || code === Code.Backtick) {
          let runEnd = i + 1;
          while (runEnd < lineEnd && text.charCodeAt(runEnd) === code) runEnd++;
          delimiters++;
          const keep = delimiters > MAX_INLINE_DELIMITERS ? 0 : MAX_DELIMITER_RUN;
          for (let k = i + keep; k < runEnd; k++) masked.push(k);
          i = runEnd;
          continue;
        }
        if (code === Code.LeftBracket || code === Code.RightBracket) {
          delimiters++;
          if (delimiters > MAX_INLINE_DELIMITERS) masked.push(i);
        } else if (code === Code.Less && text.charCodeAt(i + 1) !== Code.Slash) {
          tags++;
          if (tags > MAX_INLINE_TAGS) masked.push(i);
        }
        i++;
      }
    }
    // A heading is a paragraph of its own.
    if (first === Code.Hash) delimiters = tags = 0;

    at = lineEnd;
    if (text.charCodeAt(at) === Code.CarriageReturn) at++;
    if (text.charCodeAt(at) === Code.LineFeed) at++;
  }
  if (masked.length === 0) return text;
  const codes = new Uint16Array(length);
  for (let k = 0; k < length; k++) codes[k] = text.charCodeAt(k);
  for (const k of masked) codes[k] = MASK;
  let result = '';
  for (let k = 0; k < length; k += 8192) {
    result += String.fromCharCode(...codes.subarray(k, Math.min(length, k + 8192)));
  }
  return result;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function isFence(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(start);
  if (code !== Code.Backtick && code !== Code.Tilde) return false;
  return (
    end - start >= 3 && text.charCodeAt(start + 1) === code && text.charCodeAt(start + 2) === code
  );
}

/** `---`, `* * *`, `___`: three or more of one marker and nothing else but spaces. */
function isThematicBreak(text: string, start: number, end: number): boolean {
  const marker = text.charCodeAt(start);
  if (marker !== Code.Dash && marker !== Code.Star && marker !== Code.Underscore) return false;
  let count = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === marker) count++;
    else if (!isSpace(code)) return false;
  }
  return count >= 3;
}
