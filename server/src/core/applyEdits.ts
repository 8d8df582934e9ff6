// Applies text edits to a string (the CLI, the tests) or to a text held as pieces (the server's
// fix-all): one applier.
import type { TextEdit } from './findings';
import type { PieceText } from './pieceText';
import { LineIndex } from './text';

/** Applies non-overlapping edits (positions refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let at = 0;
  for (const edit of placedEdits(new LineIndex(text), edits)) {
    result += text.slice(at, edit.start) + edit.newText;
    at = Math.max(at, edit.end);
  }
  return result + text.slice(at);
}

/**
 * The same edits applied to a text held as pieces, whose lines are `lines`: a new version of it,
 * which says what differs from `source` (the engine then reads only that stretch again).
 */
export function applyEditsToPieces(
  source: PieceText,
  lines: LineIndex,
  edits: readonly TextEdit[],
): PieceText {
  const placed = placedEdits(lines, edits);
  let result = source;
  // From the last to the first: each edit leaves the offsets before it as they were.
  for (let i = placed.length - 1; i >= 0; i--) {
    result = result.edit(placed[i].start, placed[i].end, placed[i].newText);
  }
  return result;
}

/** The edits as offsets, in order; an edit overlapping an earlier one is left out. */
function placedEdits(
  lines: LineIndex,
  edits: readonly TextEdit[],
): { start: number; end: number; newText: string }[] {
  const resolved = edits
    .map((edit, order) => ({
      start: lines.offsetAt(edit.range.start),
      end: lines.offsetAt(edit.range.end),
      newText: edit.newText,
      order,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const placed: { start: number; end: number; newText: string }[] = [];
  let at = 0;
  for (const edit of resolved) {
    if (edit.start < at) continue; // overlapping edit: the earlier one wins
    placed.push(edit);
    at = Math.max(at, edit.end);
  }
  return placed;
}
