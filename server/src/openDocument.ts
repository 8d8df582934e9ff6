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
import { PieceText } from './core/pieceText';
import { lowerBound } from './core/search';
import { LineIndex } from './core/text';

export class OpenDocument {
  /** The text now. */
  source: PieceText;
  /** Its lines: `LineIndex` places positions as the library's document does (same clamping). */
  private lines: LineIndex;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.source = PieceText.cut(content);
    this.lines = new LineIndex(content);
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
        document.lines = new LineIndex(change.text);
      }
    }
    document.version = version;
    return document;
  }

  /** Replaces [start, end) with `text`: a new version of the text, the line starts moved. */
  private replace(start: number, end: number, text: string): void {
    this.source = this.source.edit(start, end, text);
    const source = this.source;
    // Moved in place: the array is this document's own (the old index is dropped below).
    const starts = this.lines.lineStarts;
    // A line starts after "\n", and after "\r" not followed by "\n": the starts before `start`
    // are as they were (their two characters are), so are those after the old `end` + 1 (moved);
    // between, only the characters the edit put in (and the one after them) are read.
    const diff = text.length - (end - start);
    const low = lowerBound(starts, Math.max(1, start));
    const high = lowerBound(starts, end + 1);
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
    this.lines = new LineIndex(source, starts);
  }

  getText(range?: Range): string {
    if (!range) return this.source.toString();
    return this.source.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }
}

/** The configuration that makes `TextDocuments` keep `OpenDocument`s. */
export const openDocuments: TextDocumentsConfiguration<OpenDocument> = {
  create: OpenDocument.create,
  update: OpenDocument.update,
};

/** A range whose start is not after its end. */
function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character)
    ? { start: end, end: start }
    : range;
}
