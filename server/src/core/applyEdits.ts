// Applies text edits to a string: one applier for the CLI, the server's fix-all and the tests.
import type { TextEdit } from './findings';
import { LineIndex } from './text';

/** Applies non-overlapping edits (positions refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const resolved = edits
    .map((edit, order) => ({
      start: lines.offsetAt(edit.range.start),
      end: lines.offsetAt(edit.range.end),
      newText: edit.newText,
      order,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let result = '';
  let at = 0;
  for (const edit of resolved) {
    if (edit.start < at) continue; // overlapping edit: the earlier one wins
    result += text.slice(at, edit.start) + edit.newText;
    at = Math.max(at, edit.end);
  }
  return result + text.slice(at);
}
