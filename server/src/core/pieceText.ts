// A text held as pieces, so that typing into a large design makes no string of the whole design
// (issue 19). A JavaScript string is immutable: the library's text document builds a new 1 MB
// string on every keystroke, and the first read flattens it into memory the process never
// touched (a large object, about 250 page faults, 3 ms per edit on the machines we measure, and
// a megabyte more for the collector each time). An edit here makes one new piece of at most a
// few kilobytes and a new list of the pieces; every other piece is shared with the version
// before. Each version also says which stretch differs from each of its recent ancestors, so the
// engine finds what an edit changed without comparing the text (analysis/layout.ts).

/** What reading a text needs: a string is one, and so is a `PieceText`. */
export interface TextSource {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start?: number, end?: number): string;
  indexOf(search: string, position?: number): number;
}

/** The stretch of a text that differs from an ancestor: [from, to) here, [from, oldTo) there. */
export interface ChangedStretch {
  /** The ancestor's `id`. */
  since: number;
  from: number;
  oldTo: number;
  to: number;
}

/** Pieces are cut to this length when an edit makes a longer one. */
const PIECE = 8192;
/** How many ancestors a version remembers its difference from. */
const REMEMBERED = 16;

let lastId = 0;

export class PieceText implements TextSource {
  /** Unique per version: what a later version's `changes` name. */
  readonly id = ++lastId;
  readonly length: number;
  /** Where each piece starts (one longer than the pieces: the last is the length). */
  private readonly starts: number[];
  private joined?: string;
  /** The piece read last: reads tend to stay in one piece. */
  private hint = 0;

  private constructor(
    private readonly pieces: readonly string[],
    /** The stretch that differs from each recent ancestor, the nearest first. */
    readonly changes: readonly ChangedStretch[] = [],
  ) {
    const starts = new Array<number>(pieces.length + 1);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      starts[i] = at;
      at += pieces[i].length;
    }
    starts[pieces.length] = at;
    this.starts = starts;
    this.length = at;
    if (pieces.length === 1) this.joined = pieces[0];
  }

  /** A text of one piece: `toString()` gives `text` itself, without a copy. */
  static of(text: string): PieceText {
    return new PieceText([text]);
  }

  /**
   * A text cut into pieces (the server's copy of a document opened in the editor): `toString()`
   * gives `text` itself until it is edited.
   */
  static cut(text: string): PieceText {
    const cut = new PieceText(cutPieces(text));
    cut.joined = text;
    return cut;
  }

  /** The whole text as one string, joined on the first call (features that need it). */
  toString(): string {
    if (this.joined === undefined) {
      PieceText.joins++;
      this.joined = this.pieces.join('');
    }
    return this.joined;
  }

  /** How many times any `PieceText` was joined into one string (tests: the edit path joins none). */
  static joins = 0;

  /** The piece holding `offset` (the last piece for the end of the text). */
  private pieceAt(offset: number): number {
    const { starts } = this;
    const hint = this.hint;
    if (starts[hint] <= offset && offset < starts[hint + 1]) return hint;
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    this.hint = low;
    return low;
  }

  charCodeAt(index: number): number {
    if (this.joined !== undefined) return this.joined.charCodeAt(index);
    if (!(index >= 0 && index < this.length)) return NaN;
    const i = this.pieceAt(index);
    return this.pieces[i].charCodeAt(index - this.starts[i]);
  }

  slice(start = 0, end = this.length): string {
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const from = clamp(start < 0 ? this.length + start : start, this.length);
    const to = clamp(end < 0 ? this.length + end : end, this.length);
    if (to <= from) return '';
    const first = this.pieceAt(from);
    const firstStart = this.starts[first];
    if (to <= this.starts[first + 1])
      return this.pieces[first].slice(from - firstStart, to - firstStart);
    const out: string[] = [this.pieces[first].slice(from - firstStart)];
    let i = first + 1;
    for (; this.starts[i + 1] < to; i++) out.push(this.pieces[i]);
    out.push(this.pieces[i].slice(0, to - this.starts[i]));
    return out.join('');
  }

  indexOf(search: string, position = 0): number {
    if (this.joined !== undefined) return this.joined.indexOf(search, position);
    const from = clamp(position, this.length);
    const m = search.length;
    if (m === 0) return from;
    const { pieces, starts } = this;
    for (let i = this.pieceAt(from); i < pieces.length; i++) {
      const found = pieces[i].indexOf(search, Math.max(0, from - starts[i]));
      // A match inside this piece comes before any that runs into the next one.
      if (found >= 0) return found + starts[i];
      if (m > 1 && i + 1 < pieces.length) {
        const near = Math.max(from, starts[i + 1] - (m - 1));
        const across = this.slice(near, starts[i + 1] + m - 1).indexOf(search);
        if (across >= 0) return near + across;
      }
    }
    return -1;
  }

  /**
   * This text with [start, end) replaced by `text`: a new version sharing the pieces the edit
   * leaves alone. Offsets are clamped to the text.
   */
  edit(start: number, end: number, text: string): PieceText {
    const from = clamp(start, this.length);
    const to = Math.max(from, clamp(end, this.length));
    const pieces = this.pieces;
    // The pieces the edit touches: from the one holding `from` (at a boundary, the piece that
    // starts there) to the last that starts before `to`.
    const first = this.pieceAt(from);
    let last = first;
    while (last + 1 < pieces.length && this.starts[last + 1] < to) last++;
    const before = pieces[first].slice(0, from - this.starts[first]);
    const after = pieces[last].slice(to - this.starts[last]);
    const edited = before + text + after;
    const replaced =
      edited.length === 0 ? [] : edited.length > 2 * PIECE ? cutPieces(edited) : [edited];
    const next = [...pieces.slice(0, first), ...replaced, ...pieces.slice(last + 1)];
    if (next.length === 0) next.push('');
    const inserted = from + text.length;
    const changes: ChangedStretch[] = [{ since: this.id, from, oldTo: to, to: inserted }];
    for (const c of this.changes) {
      if (changes.length >= REMEMBERED) break;
      // The union of the two stretches, in the ancestor's coordinates and in the new text's.
      const low = Math.min(c.from, from);
      const high = Math.max(c.to, to);
      changes.push({
        since: c.since,
        from: low,
        oldTo: high - c.to + c.oldTo,
        to: high - to + inserted,
      });
    }
    return new PieceText(next, changes);
  }

  /** The stretch that differs from the version with id `since`, if this one remembers it. */
  changedSince(since: number): ChangedStretch | undefined {
    return this.changes.find((c) => c.since === since);
  }
}

/** A string cut into pieces of `PIECE` characters, not between the halves of a surrogate pair. */
function cutPieces(text: string): string[] {
  if (text.length <= 2 * PIECE) return [text];
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + PIECE);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end++;
    // A view into `text` (V8 does not copy a slice): the pieces together keep `text` alive once,
    // as the document's text; the pieces an edit makes are strings of their own.
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

function clamp(offset: number, length: number): number {
  return offset < 0 ? 0 : offset > length ? length : offset;
}

/** The text of a source as one string (a string is returned as it is). */
export function textOf(source: TextSource): string {
  return typeof source === 'string' ? source : source.toString();
}
