// Which parts a text is made of: the parts of the previous analysis of the same document where
// the text is unchanged, cached parts where the same text was seen before, new parts elsewhere.
import type { PieceText } from '../core/pieceText';
import type { CompiledFramework } from '../framework/compile';
import { PartScanner } from '../parse/parts';
import {
  buildPart,
  NONE,
  type Part,
  type PartCache,
  type PartEntry,
  type ResolveFramework,
} from './partCache';
import type { AssignmentMemo } from '../parse/stepAssignment';
import type { PlacedContent } from './assemble';
import type { CoverageMemo } from './topicCoverage';

/** How the last analysis of a document split it: lets the next one skip what did not change. */
export interface Layout {
  /** The text analysed: the next version, edited from it, says what differs. */
  source: PieceText;
  /** Its parts, each with its first line (what the next analysis reuses). */
  parts: Part[];
  /** Its line starts (shared with the next analysis's while the text is the same). */
  lineStarts: number[];
  /** Its code and HTML ranges and comments, placed (the next analysis reuses those it keeps). */
  placed: PlacedContent;
  /** Its topic coverage, reused for the steps whose slices an edit leaves as they were. */
  coverage: CoverageMemo;
  /** Which headings open the steps, reused while the headings are as they were. */
  assignment?: AssignmentMemo;
  /** Parts built for it and not yet in the cache: they go in if the next analysis keeps them. */
  pending: PartEntry[];
}

export interface SplitOptions {
  /** False to split inside fences and HTML blocks too (tests: the parts must be joined back). */
  trackBlocks: boolean;
  /** False to parse every part with remark (tests). */
  fastParser: boolean;
  /** Characters between run starts in a stretch with no heading (tests: small, to split often). */
  minRun?: number;
  /** The previous layout of the same document: its parts are reused where the text is the same. */
  previous?: Layout;
}

/**
 * The parts of `source`, and those of them built now that wait to join the cache; undefined when
 * the text must be analysed whole (link reference definitions reach across parts; a front matter
 * with no end runs to the end of the text).
 */
export function partsOf(
  source: PieceText,
  resolve: ResolveFramework,
  cache: PartCache,
  { trackBlocks, fastParser, minRun, previous }: SplitOptions,
): { parts: Part[]; pending: PartEntry[] } | undefined {
  // Parts of the previous text that are still there: those before the edit keep their offsets,
  // those after it move by the length the edit added. The text is scanned again only from the
  // last unchanged part before the edit until the scan meets an unchanged part after it.
  const old = previous?.parts ?? [];
  const delta = source.length - (previous?.source.length ?? 0);
  // A version edited from the previous one says what differs; any other text is compared.
  const changed = previous ? source.changedSince(previous.source.id) : undefined;
  let first = 0;
  if (changed) {
    while (first < old.length && old[first].start + old[first].entry.text.length <= changed.from) {
      first++;
    }
  } else {
    while (first < old.length && sameAt(source, old[first].entry.text, old[first].start)) first++;
  }
  const reused = Math.max(0, first - 1);
  // The previous parts from `tail` on are all in the text, moved by `delta`: the scan may stop at
  // any of them (their starts rise, so one index walks along with the scan).
  let tail = old.length;
  while (tail - 1 > reused) {
    const start = old[tail - 1].start + delta;
    if (start <= old[reused].start) break;
    if (
      changed
        ? old[tail - 1].start < changed.oldTo
        : !sameAt(source, old[tail - 1].entry.text, start)
    ) {
      break;
    }
    tail--;
  }

  const scanFrom = reused > 0 ? old[reused].start : 0;
  // The scan reads a window of the text from `scanFrom`, to the end of the first unchanged part
  // after the edit (where it means to stop), or further if it does not stop there: only this
  // window is made a string, not the whole text.
  let windowEnd = tail < old.length ? windowAfter(old, tail, delta) : source.length;
  for (;;) {
    const scan = scanWindow(source, scanFrom, windowEnd, resolve, cache, old, reused, tail, delta, {
      trackBlocks,
      fastParser,
      minRun,
      previous,
    });
    if (scan === 'whole') return undefined;
    if (scan !== 'short') return scan;
    // The scan did not meet an unchanged part in the window: widen it to the end of the next.
    let next = tail;
    while (
      next < old.length &&
      old[next].start + delta + old[next].entry.text.length <= windowEnd
    ) {
      next++;
    }
    windowEnd =
      next < old.length
        ? Math.max(windowAfter(old, next, delta), Math.min(source.length, 2 * windowEnd - scanFrom))
        : source.length;
  }
}

/** Where the previous part `index`, moved by `delta`, ends. */
function windowAfter(old: Part[], index: number, delta: number): number {
  return old[index].start + delta + old[index].entry.text.length;
}

/**
 * Scans the text in [scanFrom, windowEnd) for part starts, reusing the previous parts once it
 * meets one of them: the parts of the whole text, 'whole' when the text must be analysed whole,
 * or 'short' when the window ended before the scan met an unchanged part (the window is not the
 * end of the text, so its last part may go on).
 */
function scanWindow(
  source: PieceText,
  scanFrom: number,
  windowEnd: number,
  resolve: ResolveFramework,
  cache: PartCache,
  old: Part[],
  reused: number,
  tail: number,
  delta: number,
  { trackBlocks, fastParser, minRun, previous }: SplitOptions,
): { parts: Part[]; pending: PartEntry[] } | 'whole' | 'short' {
  const atEnd = windowEnd >= source.length;
  const text = scanFrom === 0 && atEnd ? source.toString() : source.slice(scanFrom, windowEnd);
  const length = text.length;
  // The parts before the edit are the previous ones, where they were: the same objects (a part's
  // line is set by assemble to what it was, so they are not written to).
  const parts: Part[] = old.slice(0, reused);
  let framework: CompiledFramework | undefined = reused > 0 ? old[0].entry.framework : undefined;
  const scanner = new PartScanner(text, 0, trackBlocks, minRun, scanFrom);
  if (scanner.whole) return 'whole';

  // A part typed into is built again on every keystroke. Caching each version would keep them all
  // alive (and make every garbage collection copy them) though none is used again: a part built
  // during an edit joins the cache only when the next analysis still has it, that is once the
  // typing has moved elsewhere. Parts of a document's first analysis join at once (another
  // document, or the same one opened again, may share them).
  const pending: PartEntry[] = [];
  const lookup = (slice: string, isFirst: boolean): PartEntry => {
    let entry = cache.get(slice, framework);
    if (entry && isFirst && entry.framework !== resolve(entry.document.frontMatter?.values)) {
      entry = undefined;
    }
    if (!entry) {
      entry = buildPart(slice, resolve, isFirst ? undefined : framework, fastParser);
      if (previous) pending.push(entry);
      else cache.add(entry);
    }
    return entry;
  };
  // Offsets in the window from here on (`base` is where it starts in the text).
  const base = scanFrom;
  let start = 0;
  let next = scanner.next();
  let resume = tail;
  while (start >= 0) {
    while (resume < old.length && old[resume].start + delta < start + base) resume++;
    const j =
      resume < old.length && old[resume].start + delta === start + base ? resume : undefined;
    if (j !== undefined && old[j].entry.framework === framework) {
      // The rest of the text is the rest of the previous one.
      for (let k = j; k < old.length; k++) {
        parts.push(
          delta === 0 ? old[k] : { start: old[k].start + delta, line: 0, entry: old[k].entry },
        );
      }
      break;
    }
    if (next < 0 && !atEnd) return 'short';
    const isFirst = start + base === 0;
    let entry = lookup(text.slice(start, next < 0 ? length : next), isFirst);
    while (entry.open && next >= 0) {
      next = scanner.next();
      if (next < 0 && !atEnd) return 'short';
      entry = lookup(text.slice(start, next < 0 ? length : next), isFirst);
    }
    if (entry.definitions || entry.looseFrontMatter) return 'whole';
    framework ??= entry.framework;
    parts.push({ start: start + base, line: 0, entry });
    start = next;
    next = start < 0 ? -1 : scanner.next();
  }
  for (const entry of previous?.pending ?? NONE) {
    if (parts.some((part) => part.entry === entry)) cache.add(entry);
  }
  return { parts, pending: pending.filter((entry) => parts.some((part) => part.entry === entry)) };
}

/** Whether `part` is in `source` at `at`. */
function sameAt(source: PieceText, part: string, at: number): boolean {
  return at + part.length <= source.length && source.slice(at, at + part.length) === part;
}
