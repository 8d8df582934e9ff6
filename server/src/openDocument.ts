// The server's copy of a document open in the editor: the `TextDocument` the LSP library's
// `TextDocuments` keeps, with its text held as a `PieceText` (core/pieceText.ts). The library's
// own document makes a new string of the whole text on every keystroke and flattens it when it
// next reads a character (issue 19: 3 ms of a 1 MB design's edit went there). This one edits one
// piece, keeps the line starts up to date by reading only the characters the edit put in, and
// gives the analyzer a version that says what changed. `getText()` joins the text (features that
// need it as a string ask); the edit path never does.
import type {
  Position,
  Range,
  TextDocumentContentChangeEvent,
  TextDocumentsConfiguration,
} from 'vscode-languageserver';
import { PieceText, type TextSource } from './core/pieceText';

export class OpenDocument {
  /** The text now. */
  source: PieceText;
  /** Offset of the first character of each line (as the library's document counts lines). */
  private lineStarts: number[];

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.source = PieceText.cut(content);
    this.lineStarts = lineStartsOf(content);
  }

  static create(uri: string, languageId: string, version: number, content: string): OpenDocument {
    return new OpenDocument(uri, languageId, version, content);
  }

  /** Applies the editor's changes in order, as the library's `TextDocument.update` does. */
  static update(
    document: OpenDocument,
    changes: TextDocumentContentChangeEvent[],
    version: number,
  ): OpenDocument {
    for (const change of changes) {
      if ('range' in change && change.range) {
        const range = wellFormed(change.range);
        document.replace(document.offsetAt(range.start), document.offsetAt(range.end), change.text);
      } else {
        document.source = PieceText.cut(change.text);
        document.lineStarts = lineStartsOf(change.text);
      }
    }
    document.version = version;
    return document;
  }

  /** Replaces [start, end) with `text`: a new version of the text, the line starts moved. */
  private replace(start: number, end: number, text: string): void {
    this.source = this.source.edit(start, end, text);
    const source = this.source;
    const starts = this.lineStarts;
    // A line starts after "\n", and after "\r" not followed by "\n": the starts before `start`
    // are as they were (their two characters are), so are those after the old `end` + 1 (moved);
    // between, only the characters the edit put in (and the one after them) are read.
    const diff = text.length - (end - start);
    const low = firstAtOrAfter(starts, Math.max(1, start));
    const high = firstAtOrAfter(starts, end + 1);
    const found: number[] = [];
    const last = Math.min(start + text.length, source.length);
    for (let at = Math.max(1, start); at <= last; at++) {
      const code = source.charCodeAt(at - 1);
      if (code === 10 || (code === 13 && source.charCodeAt(at) !== 10)) found.push(at);
    }
    if (found.length === high - low) {
      for (let i = 0; i < found.length; i++) starts[low + i] = found[i];
    } else {
      starts.splice(low, high - low, ...found);
    }
    if (diff !== 0) {
      for (let i = low + found.length; i < starts.length; i++) starts[i] += diff;
    }
  }

  getText(range?: Range): string {
    if (!range) return this.source.toString();
    return this.source.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.source.length));
    const starts = this.lineStarts;
    const line = firstAtOrAfter(starts, at + 1) - 1;
    return { line, character: beforeLineBreak(this.source, at, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.source.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.source.length;
    return beforeLineBreak(this.source, Math.min(lineStart + position.character, next), lineStart);
  }
}

/** The configuration that makes `TextDocuments` keep `OpenDocument`s. */
export const openDocuments: TextDocumentsConfiguration<OpenDocument> = {
  create: OpenDocument.create,
  update: OpenDocument.update,
};

/** Line starts of a whole text ("\r\n", "\n" and "\r" each end a line). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The index of the first value at or after `value` in ascending `values` (their length if none). */
function firstAtOrAfter(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** An offset moved back before the line break it is in or after (never before `lineStart`). */
function beforeLineBreak(source: TextSource, offset: number, lineStart: number): number {
  let at = offset;
  while (at > lineStart) {
    const code = source.charCodeAt(at - 1);
    if (code !== 10 && code !== 13) break;
    at--;
  }
  return at;
}

/** A range whose start is not after its end. */
function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character)
    ? { start: end, end: start }
    : range;
}
