// Splits a design into parts for incremental analysis: a part starts at an ATX heading line that
// sits at the left margin outside fenced code, HTML blocks and the front matter, and runs to the
// next such line (part 0 is what comes before the first one, front matter included). Such a line
// always starts a new top-level block, so each part parses on its own exactly as it does inside
// the whole text; the two exceptions (a fence or HTML block this scan misjudged, and link
// reference definitions, which reach across the text) are caught after parsing by the caller.
//
// Only unindented headings split: an indented one ("  ## x") may sit inside a list item.

import { BlockTracker } from './blocks';

/**
 * Offsets where parts start (the first is always 0), or just [0] when the text should not be
 * split (an unclosed front matter runs to the end of the text). `trackBlocks` false splits inside
 * fences and HTML blocks too (tests use it: the caller must then join the parts back).
 */
export function splitParts(text: string, trackBlocks = true): number[] {
  const scanner = new PartScanner(text, 0, trackBlocks);
  const starts = [0];
  if (scanner.whole) return starts;
  for (let at = scanner.next(); at >= 0; at = scanner.next()) starts.push(at);
  return starts;
}

/**
 * Finds part starts one at a time from `from`, which must be 0 or a part start: there the scan is
 * outside any block, so the text after a part start splits the same whatever came before it.
 */
export class PartScanner {
  /** True when the text must not be split at all (its front matter has no end). */
  readonly whole: boolean = false;
  private at: number;
  private lineEnd = 0;
  private lineNext = 0;
  private nextCr = -1;
  private readonly blocks = new BlockTracker();

  constructor(
    private readonly text: string,
    from = 0,
    private readonly trackBlocks = true,
  ) {
    this.at = from;
    // Front matter: only at the very top; no split before its closing fence.
    if (from === 0 && /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/.test(text)) {
      this.readLine();
      this.at = this.lineNext;
      let closed = false;
      while (this.at < text.length) {
        this.readLine();
        const line = text.slice(this.at, this.lineEnd);
        this.at = this.lineNext;
        if (/^---[ \t]*$/.test(line)) {
          closed = true;
          break;
        }
      }
      if (!closed) this.whole = true;
    }
    // A part starts with its heading line, which is not a split of its own.
    if (from > 0) {
      this.readLine();
      this.at = this.lineNext;
    }
  }

  /** The line from `at`: where its content ends and where the next line starts. */
  private readLine(): void {
    const { text, at } = this;
    const length = text.length;
    if (this.nextCr < at) {
      const cr = text.indexOf('\r', at);
      this.nextCr = cr < 0 ? Infinity : cr;
    }
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = length;
    if (this.nextCr < nl) {
      this.lineEnd = this.nextCr;
      this.lineNext = text.charCodeAt(this.nextCr + 1) === 10 ? this.nextCr + 2 : this.nextCr + 1;
    } else {
      this.lineEnd = nl;
      this.lineNext = nl < length ? nl + 1 : length;
    }
  }

  /** The next part start, or -1 at the end of the text. */
  next(): number {
    const { text, blocks } = this;
    if (this.whole) return -1;
    while (this.at < text.length) {
      this.readLine();
      const at = this.at;
      const lineEnd = this.lineEnd;
      this.at = this.lineNext;
      if (!this.trackBlocks) {
        if (text.charCodeAt(at) === 35 && isAtxHeading(text, at, lineEnd) && at > 0) return at;
        continue;
      }
      if (!blocks.open && text.charCodeAt(at) === 35 /* # */ && isAtxHeading(text, at, lineEnd)) {
        blocks.reset();
        if (at > 0) return at;
        continue;
      }
      blocks.feed(text.slice(at, lineEnd));
    }
    return -1;
  }
}

function isAtxHeading(text: string, at: number, lineEnd: number): boolean {
  let i = at;
  while (i < lineEnd && i - at < 7 && text.charCodeAt(i) === 35) i++;
  const hashes = i - at;
  if (hashes < 1 || hashes > 6) return false;
  if (i === lineEnd) return true;
  const after = text.charCodeAt(i);
  return after === 32 || after === 9;
}
