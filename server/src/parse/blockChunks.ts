// Splits a text into runs of top-level blocks that remark parses on its own exactly as inside the
// whole text, so that a long part (a 1 MB list, a paragraph run with no headings) is parsed as
// many small texts: micromark's time grows faster than the length of one flow of blocks (its
// event lists are spliced as they grow), so one 1 MB list took 30 s where 2,000 runs of 500
// characters take well under a second. The document model is flat (paragraphs, headings, cells,
// code and HTML ranges), so a list split into several lists gives the same model.
//
// A run starts at a line at the left margin, outside the top-level fences and HTML blocks that
// `BlockTracker` follows, that either follows a blank line (nothing open can take it as lazy
// continuation, and no container continues at column 0) or is a bullet with content (it ends any
// list item at the margin and interrupts a paragraph). Link reference definitions reach across the
// text, so a text that may hold one ("]:") is not split; nor is a front matter with no end.
import { BlockTracker, isBlankLine } from './blocks';

/** Fewer characters than this are not worth splitting further (a run keeps whole blocks). */
export const MIN_RUN = 2048;

const FRONT_MATTER = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const BULLET_WITH_CONTENT = /^[-*+][ \t]+\S/;
const HTML_START = /^ {0,3}</;
// An empty list item's meaning depends on what precedes it (micromark reads a lone "-" after
// indented code as paragraph text): never a run start.
// Nor is a list item after indented code (micromark reads "2. x" there as paragraph text).
const LIST_START = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const EMPTY_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]*$/;

/** Offsets where runs of at least `minRun` characters start (the first is always 0). */
export function blockRunStarts(text: string, minRun = MIN_RUN): number[] {
  const starts = [0];
  if (text.length <= minRun || text.includes(']:')) return starts;
  const tracker = new BlockTracker();
  let at = 0;
  let nextCr = text.indexOf('\r');
  if (nextCr < 0) nextCr = Infinity;
  const readLine = (from: number): [end: number, next: number] => {
    if (nextCr < from) {
      const cr = text.indexOf('\r', from);
      nextCr = cr < 0 ? Infinity : cr;
    }
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    if (nextCr < nl) return [nextCr, text.charCodeAt(nextCr + 1) === 10 ? nextCr + 2 : nextCr + 1];
    return [nl, nl < text.length ? nl + 1 : text.length];
  };
  if (FRONT_MATTER.test(text)) {
    let closed = false;
    at = readLine(0)[1];
    while (at < text.length) {
      const [end, next] = readLine(at);
      const line = text.slice(at, end);
      at = next;
      if (/^---[ \t]*$/.test(line)) {
        closed = true;
        break;
      }
    }
    if (!closed) return starts;
  }
  const rule = new RunStartRule();
  let first = true;
  while (at < text.length) {
    const [end, next] = readLine(at);
    // A leading byte-order mark is not part of the first line's Markdown.
    const line = text.slice(at === 0 && text.charCodeAt(0) === 0xfeff ? 1 : at, end);
    if (
      !first &&
      !tracker.open &&
      at - starts[starts.length - 1] >= minRun &&
      rule.startsRun(line)
    ) {
      starts.push(at);
    }
    first = false;
    rule.feed(line);
    tracker.feed(line);
    at = next;
  }
  return starts;
}

/**
 * Whether a line may start a run, from the lines before it (`feed` each line in order). The
 * caller also checks that no top-level fence or HTML block is open (`BlockTracker`). After a line
 * that starts a run (or a heading: `reset`), the rule's state depends on that line only, so a scan
 * may start again at any run start.
 */
export class RunStartRule {
  private previousBlank = false;
  private htmlUntilBlank = false;
  private lastIndented = false;

  reset(): void {
    this.previousBlank = false;
    this.htmlUntilBlank = false;
    this.lastIndented = false;
  }

  startsRun(line: string): boolean {
    const code = line.charCodeAt(0);
    return (
      code !== 32 &&
      code !== 9 &&
      !isBlankLine(line) &&
      !EMPTY_ITEM.test(line) &&
      !(this.lastIndented && LIST_START.test(line)) &&
      !line.startsWith('---') && // at the top of a run it would open a front matter
      (this.previousBlank || (!this.htmlUntilBlank && BULLET_WITH_CONTENT.test(line)))
    );
  }

  feed(line: string): void {
    const code = line.charCodeAt(0);
    this.previousBlank = isBlankLine(line);
    if (!this.previousBlank) this.lastIndented = code === 32 || code === 9;
    // The tracker takes a line after a list item's first line for paragraph text, so it misses an
    // HTML block that only a blank line ends (`</pre>` after `- x`): none is split until one.
    if (this.previousBlank) this.htmlUntilBlank = false;
    else if (HTML_START.test(line)) this.htmlUntilBlank = true;
  }
}
