// Assembles the document model of a whole text from its parts: the parts' headings, code and
// HTML ranges and comments moved to where each part starts, then sections assigned over the whole.
import type { TextSource } from '../core/pieceText';
import { LineIndex, type Range } from '../core/text';
import type { CompiledFramework } from '../framework/compile';
import {
  createDocument,
  type DesignDocument,
  type Heading,
  type HtmlComment,
} from '../model/document';
import { assignSections } from '../parse/sections';
import type { AssignmentMemo } from '../parse/stepAssignment';
import type { Part, PartEntry } from './partCache';

const NO_RANGES: Range[] = [];

/**
 * The document's line starts, and each part's first line (set on the part). The previous version's
 * parts that are still there keep their lines: those before the edit as they were (one copy of
 * their line starts), those after it moved by what the edit added; only the parts between are
 * read. The result is what reading every part would give.
 */
function placeLines(parts: Part[], previous: Placement | undefined): PlacedLines {
  const old = previous?.parts ?? [];
  const oldStarts = previous?.lineStarts ?? [];
  const n = parts.length;
  const m = old.length;
  let same = 0;
  while (same < n && same < m && parts[same].entry === old[same].entry) {
    parts[same].line = old[same].line;
    same++;
  }
  if (same === n && n === m) return { lineStarts: oldStarts, same, after: 0, delta: 0 };
  // Parts at the end that are the previous ones, all moved by the same number of characters (not
  // those of the start, nor the first part, which holds line 0).
  const delta = n > 0 && m > 0 ? parts[n - 1].start - old[m - 1].start : 0;
  const most = Math.min(n, m) - Math.max(same, 1);
  let after = 0;
  while (
    after < most &&
    parts[n - 1 - after].entry === old[m - 1 - after].entry &&
    parts[n - 1 - after].start - old[m - 1 - after].start === delta
  ) {
    after++;
  }
  // Line starts before the first changed part: the previous ones up to that part's first line.
  const kept = same === 0 ? 0 : same < m ? old[same].line + 1 : oldStarts.length;
  let count = kept;
  for (let p = same; p < n - after; p++) {
    count += parts[p].entry.document.lines.lineStarts.length - (p === 0 ? 0 : 1);
  }
  const oldTail = after === 0 ? oldStarts.length : old[m - after].line + 1;
  count += oldStarts.length - oldTail;
  // As a rule the edit adds no line: one copy of the previous starts, then the changed ones.
  let lineStarts: number[];
  if (count === oldStarts.length) {
    lineStarts = oldStarts.slice();
  } else {
    lineStarts = new Array<number>(count);
    for (let i = 0; i < kept; i++) lineStarts[i] = oldStarts[i];
  }
  let k = kept;
  for (let p = same; p < n - after; p++) {
    const part = parts[p];
    const starts = part.entry.document.lines.lineStarts;
    part.line = p === 0 ? 0 : k - 1;
    for (let i = p === 0 ? 0 : 1; i < starts.length; i++) lineStarts[k++] = starts[i] + part.start;
  }
  if (after > 0) {
    const moved = k - 1 - old[m - after].line;
    for (let p = n - after, q = m - after; p < n; p++, q++) parts[p].line = old[q].line + moved;
    for (let i = oldTail; i < oldStarts.length; i++) lineStarts[k++] = oldStarts[i] + delta;
  }
  return { lineStarts, same, after, delta };
}

/**
 * Line starts, and how the parts match the previous version's: the first `same` are its first,
 * the last `after` its last, moved by `delta` characters.
 */
interface PlacedLines {
  lineStarts: number[];
  same: number;
  after: number;
  delta: number;
}

function shiftRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/**
 * The part's heading ranges moved down `line` lines: made once per place, and shared by the
 * documents that hold the part there (ranges are never changed once made).
 */
function placedRanges(entry: PartEntry, line: number): Range[] {
  if (entry.placedRanges?.line !== line) {
    const ranges: Range[] = [];
    for (const h of entry.document.headings) {
      ranges.push(shiftRange(h.range, line), shiftRange(h.textRange, line));
    }
    entry.placedRanges = { line, ranges };
  }
  return entry.placedRanges.ranges;
}

/** What assembling a document left for the next version of it: its parts, placed, and lines. */
export interface Placement {
  /** The parts with their first lines set. */
  parts: Part[];
  lineStarts: number[];
  /** The document's code and HTML ranges and comments, with where each part's begin. */
  placed?: PlacedContent;
}

/**
 * What the parts hold, placed in the document, and per part how many come before it (arrays one
 * longer than the parts): the next version copies those of the parts before an edit and moves
 * those after it, without reading those parts again (an edit on a 1 MB design otherwise visits
 * the document of each of its ~1,000 parts, most of which hold none of these).
 */
export interface PlacedContent {
  nonProse: { start: number; end: number }[];
  comments: HtmlComment[];
  headingsBefore: number[];
  nonProseBefore: number[];
  commentsBefore: number[];
}

/**
 * The document model of the whole text, from its parts. `previous`: the placement of the last
 * version of the same document, whose unchanged parts keep their lines.
 */
export function assemble(
  source: TextSource,
  parts: Part[],
  framework: CompiledFramework,
  assignment?: { last?: AssignmentMemo },
  previous?: Placement,
): { document: DesignDocument; placed: PlacedContent } {
  const placedLines = placeLines(parts, previous);
  const lines = new LineIndex(source, placedLines.lineStarts);
  const first = parts[0].entry.document;
  const n = parts.length;
  const before = previous?.placed;
  // Parts matched with the previous version's: its first `same` and last `after` (none without
  // its placed content).
  const same = before ? placedLines.same : 0;
  const after = before ? placedLines.after : 0;
  const m = previous?.parts.length ?? 0;
  const { delta } = placedLines;

  const headings: Heading[] = [];
  const nonProse: { start: number; end: number }[] = [];
  const comments: HtmlComment[] = [];
  const headingsBefore = new Array<number>(n + 1);
  const nonProseBefore = new Array<number>(n + 1);
  const commentsBefore = new Array<number>(n + 1);
  const addHeadings = (p: number) => {
    const { start, line, entry } = parts[p];
    const partHeadings = entry.document.headings;
    const ranges = partHeadings.length > 0 ? placedRanges(entry, line) : NO_RANGES;
    for (let i = 0; i < partHeadings.length; i++) {
      const h = partHeadings[i];
      headings.push({
        index: headings.length,
        depth: h.depth,
        setext: h.setext,
        text: h.text,
        range: ranges[2 * i],
        start: h.start + start,
        end: h.end + start,
        textRange: ranges[2 * i + 1],
        textStart: h.textStart + start,
        textEnd: h.textEnd + start,
        match: h.match,
        role: 'none',
        stepIds: [],
      });
    }
  };
  for (let p = 0; p < n; p++) {
    headingsBefore[p] = headings.length;
    nonProseBefore[p] = nonProse.length;
    commentsBefore[p] = comments.length;
    // A part matched with the previous version's: its headings are read only if it has some (they
    // are new objects: sections set their roles), its ranges and comments are the previous ones,
    // moved after the edit.
    const q = p < same ? p : p >= n - after ? p - n + m : -1;
    if (before && q >= 0) {
      if (before.headingsBefore[q + 1] > before.headingsBefore[q]) addHeadings(p);
      const moved = q >= same && delta !== 0;
      for (let i = before.nonProseBefore[q]; i < before.nonProseBefore[q + 1]; i++) {
        const r = before.nonProse[i];
        nonProse.push(moved ? { start: r.start + delta, end: r.end + delta } : r);
      }
      for (let i = before.commentsBefore[q]; i < before.commentsBefore[q + 1]; i++) {
        const c = before.comments[i];
        comments.push(moved ? { text: c.text, start: c.start + delta, end: c.end + delta } : c);
      }
      continue;
    }
    addHeadings(p);
    const { start, entry } = parts[p];
    const part = entry.document;
    for (const r of part.nonProse) nonProse.push({ start: r.start + start, end: r.end + start });
    for (const c of part.comments) {
      comments.push({ text: c.text, start: c.start + start, end: c.end + start });
    }
  }
  headingsBefore[n] = headings.length;
  nonProseBefore[n] = nonProse.length;
  commentsBefore[n] = comments.length;

  const document = createDocument({
    source,
    lines,
    bomLength: first.bomLength,
    frontMatter: first.frontMatter,
    headings,
    nonProse,
    comments,
    frameworkId: framework.id,
  });
  assignSections(document, framework, assignment);
  return {
    document,
    placed: { nonProse, comments, headingsBefore, nonProseBefore, commentsBefore },
  };
}
