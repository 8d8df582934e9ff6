// Assembles the document model of a whole text from its parts: the parts' headings, code and
// HTML ranges and comments moved to where each part starts, then sections assigned over the whole.
import { LineIndex, type Range } from '../core/text';
import type { CompiledFramework } from '../framework/compile';
import { createDocument, type DesignDocument, type Heading } from '../model/document';
import { assignSections } from '../parse/sections';
import type { AssignmentMemo } from '../parse/stepAssignment';
import type { Part, PartEntry } from './partCache';

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

/** The document model of the whole text, from its parts. */
export function assemble(
  text: string,
  parts: Part[],
  framework: CompiledFramework,
  assignment?: { last?: AssignmentMemo },
): DesignDocument {
  // The previous part ends with a line break, so its last line start is this part's first.
  let count = 1;
  for (const part of parts) count += part.entry.document.lines.lineStarts.length - 1;
  const lineStarts = new Array<number>(count);
  let n = 0;
  for (const part of parts) {
    const starts = part.entry.document.lines.lineStarts;
    part.line = n === 0 ? 0 : n - 1;
    for (let k = n === 0 ? 0 : 1; k < starts.length; k++) lineStarts[n++] = starts[k] + part.start;
  }
  const lines = new LineIndex(text, lineStarts);
  const first = parts[0].entry.document;

  const headings: Heading[] = [];
  const nonProse: { start: number; end: number }[] = [];
  const comments: DesignDocument['comments'] = [];
  for (const { start, line, entry } of parts) {
    const part = entry.document;
    const ranges = placedRanges(entry, line);
    for (const [i, h] of part.headings.entries()) {
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
    for (const r of part.nonProse) nonProse.push({ start: r.start + start, end: r.end + start });
    for (const c of part.comments) {
      comments.push({ text: c.text, start: c.start + start, end: c.end + start });
    }
  }

  const document = createDocument({
    text,
    lines,
    bomLength: first.bomLength,
    frontMatter: first.frontMatter,
    headings,
    nonProse,
    comments,
    frameworkId: framework.id,
  });
  assignSections(document, framework, assignment);
  return document;
}
