// Which parts a text is made of: the parts of the previous analysis of the same document where
// the text is unchanged, cached parts where the same text was seen before, new parts elsewhere.
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
  text: string;
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
 * The parts of `text`, and those of them built now that wait to join the cache; undefined when
 * the text must be analysed whole (link reference definitions reach across parts; a front matter
 * with no end runs to the end of the text).
 */
export function partsOf(
  text: string,
  resolve: ResolveFramework,
  cache: PartCache,
  { trackBlocks, fastParser, minRun, previous }: SplitOptions,
): { parts: Part[]; pending: PartEntry[] } | undefined {
  // Parts of the previous text that are still there: those before the edit keep their offsets,
  // those after it move by the length the edit added. The text is scanned again only from the
  // last unchanged part before the edit until the scan meets an unchanged part after it.
  const old = previous?.parts ?? [];
  let first = 0;
  while (first < old.length && sameAt(text, old[first].entry.text, old[first].start)) first++;
  const reused = Math.max(0, first - 1);
  const delta = text.length - (previous?.text.length ?? 0);
  // The previous parts from `tail` on are all in the text, moved by `delta`: the scan may stop at
  // any of them (their starts rise, so one index walks along with the scan).
  let tail = old.length;
  while (tail - 1 > reused) {
    const start = old[tail - 1].start + delta;
    if (start <= old[reused].start || !sameAt(text, old[tail - 1].entry.text, start)) break;
    tail--;
  }

  // The parts before the edit are the previous ones, where they were: the same objects (a part's
  // line is set by assemble to what it was, so they are not written to).
  const parts: Part[] = old.slice(0, reused);
  let framework: CompiledFramework | undefined = reused > 0 ? old[0].entry.framework : undefined;
  const scanFrom = reused > 0 ? old[reused].start : 0;
  const scanner = new PartScanner(text, scanFrom, trackBlocks, minRun);
  if (scanner.whole) return undefined;

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
  let start = scanFrom;
  let next = scanner.next();
  let resume = tail;
  while (start >= 0) {
    while (resume < old.length && old[resume].start + delta < start) resume++;
    const j = resume < old.length && old[resume].start + delta === start ? resume : undefined;
    if (j !== undefined && old[j].entry.framework === framework) {
      // The rest of the text is the rest of the previous one.
      for (let k = j; k < old.length; k++) {
        parts.push(
          delta === 0 ? old[k] : { start: old[k].start + delta, line: 0, entry: old[k].entry },
        );
      }
      break;
    }
    const isFirst = start === 0;
    let entry = lookup(text.slice(start, next < 0 ? text.length : next), isFirst);
    while (entry.open && next >= 0) {
      next = scanner.next();
      entry = lookup(text.slice(start, next < 0 ? text.length : next), isFirst);
    }
    if (entry.definitions || entry.looseFrontMatter) return undefined;
    framework ??= entry.framework;
    parts.push({ start, line: 0, entry });
    start = next;
    next = start < 0 ? -1 : scanner.next();
  }
  for (const entry of previous?.pending ?? NONE) {
    if (parts.some((part) => part.entry === entry)) cache.add(entry);
  }
  return { parts, pending: pending.filter((entry) => parts.some((part) => part.entry === entry)) };
}

/** Whether `part` is in `text` at `at` (a string comparison V8 does with memcmp). */
function sameAt(text: string, part: string, at: number): boolean {
  return at + part.length <= text.length && text.slice(at, at + part.length) === part;
}
