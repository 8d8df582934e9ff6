// Splits a design into parts for incremental analysis: a part starts at an ATX heading line that
// sits at the left margin outside fenced code, HTML blocks and the front matter, and runs to the
// next such line (part 0 is what comes before the first one, front matter included). Such a line
// always starts a new top-level block, so each part parses on its own exactly as it does inside
// the whole text; the two exceptions (a fence or HTML block this scan misjudged, and link
// reference definitions, which reach across the text) are caught after parsing by the caller.
// A long stretch with no heading is also split where a run of top-level blocks may start
// (blockChunks.ts), every MIN_PART characters or so: an edit then re-reads that run, not the whole
// stretch (issue 19: 1 MB of prose under one heading).
//
// Only unindented headings split: an indented one ("  ## x") may sit inside a list item.

import { RunStartRule } from './blockChunks';
import { BlockTracker } from './blocks';

/**
 * Characters from a part start before a run start splits the part. An edit in a part with a link,
 * code span, table or nested list has remark read the whole part again, and remark allocates some
 * 400 bytes per character it reads: parts of 1 to 2 KB rather than 2 to 4 KB halve that for a
 * keystroke in the prose people write (issue 19, the deep 1 MB shape: about 1.8 -> 1.4 MB
 * allocated per edit). Shorter still, the work per part that each edit does for every part
 * (placing it, slicing its step) outweighs what remark saves.
 */
export const MIN_PART = 1024;

/**
 * Offsets where parts start (the first is always 0), or just [0] when the text should not be
 * split (an unclosed front matter runs to the end of the text). `trackBlocks` false splits inside
 * fences and HTML blocks too (tests use it: the caller must then join the parts back).
 */
export function splitParts(text: string, trackBlocks = true, minRun = MIN_PART): number[] {
  const scanner = new PartScanner(text, 0, trackBlocks, minRun);
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
  /** Where the text may be split between headings (only when blocks are tracked). */
  private readonly runs = new RunStartRule();
  /** The last part start: a run start is at least MIN_PART characters after it. */
  private lastStart: number;

  constructor(
    private readonly text: string,
    from = 0,
    private readonly trackBlocks = true,
    /** Characters from the last part start before a run start splits (tests make it small). */
    private readonly minRun = MIN_PART,
    /**
     * Where `text` starts in the document: the engine scans a window of a large text from a part
     * start (analysis/layout.ts). Offsets given and returned are the window's.
     */
    private readonly base = 0,
  ) {
    this.at = from;
    this.lastStart = from;
    // Front matter: only at the very top; no split before its closing fence.
    if (from + base === 0 && /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/.test(text)) {
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
    // A part starts with its heading line, which is not a split of its own; a run start line is
    // read as any other line (it may open a fence), and is not a split either (it is MIN_PART
    // characters from nothing).
    if (from + base > 0) {
      this.readLine();
      if (text.charCodeAt(from) === 35 && isAtxHeading(text, from, this.lineEnd)) {
        this.at = this.lineNext;
        this.runs.reset();
      }
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
        if (text.charCodeAt(at) === 35 && isAtxHeading(text, at, lineEnd) && at + this.base > 0) {
          return at;
        }
        continue;
      }
      if (!blocks.open && text.charCodeAt(at) === 35 /* # */ && isAtxHeading(text, at, lineEnd)) {
        blocks.reset();
        this.runs.reset();
        this.lastStart = at;
        if (at + this.base > 0) return at;
        continue;
      }
      const line = text.slice(at, lineEnd);
      // A leading byte-order mark is not part of the first line's Markdown.
      const own = at + this.base === 0 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
      const split =
        at - this.lastStart >= this.minRun &&
        !blocks.open &&
        this.runs.startsRun(own) &&
        at + this.base > 0;
      this.runs.feed(own);
      blocks.feed(line);
      if (split) {
        this.lastStart = at;
        return at;
      }
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
