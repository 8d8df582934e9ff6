// Positions in LSP terms: 0-based line, UTF-16 character. Line breaks are \r\n, \n or \r, as the
// LSP specification says; offsets index the JavaScript string (UTF-16 code units).
import type { TextSource } from './pieceText';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  /** `lineStarts`, when given, must be what the constructor would compute (incremental analysis). */
  constructor(
    readonly text: TextSource,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
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
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset, clamped to the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    const character = Math.min(clamped - this.lineStarts[low], this.lineLength(low));
    return { line: low, character };
  }

  /** The offset of a position, clamped to its line and to the text. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return start + Math.max(0, Math.min(position.character, this.lineLength(position.line)));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset where the line's content ends (before its line break). */
  lineEnd(line: number): number {
    const start = this.lineStarts[line];
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (
      end > start &&
      (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)
    ) {
      end--;
    }
    return end;
  }

  lineLength(line: number): number {
    return this.lineEnd(line) - this.lineStarts[line];
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  private eolMemo?: string;

  /** The line break the document uses most ("\n" when it has none). */
  get eol(): string {
    // Fixes ask for it once per step; counting reads every line of the document.
    return (this.eolMemo ??= this.countEol());
  }

  private countEol(): string {
    // Most texts have no "\r" at all: one search says so.
    if (this.text.indexOf('\r') < 0) return '\n';
    let crlf = 0;
    let lf = 0;
    let cr = 0;
    for (let line = 1; line < this.lineStarts.length; line++) {
      const breakStart = this.lineEnd(line - 1);
      const brk = this.text.slice(breakStart, this.lineStarts[line]);
      if (brk === '\r\n') crlf++;
      else if (brk === '\n') lf++;
      else cr++;
    }
    if (crlf > lf && crlf >= cr) return '\r\n';
    if (cr > lf && cr > crlf) return '\r';
    return '\n';
  }
}

export function compareRanges(a: Range, b: Range): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character
  );
}

/**
 * Strings in code-unit order. For ids, paths and English titles; unlike localeCompare it does not
 * load ICU's collation data (2.5 MB of the server's memory).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
