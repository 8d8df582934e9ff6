// Standard input for `--stdio`, cleaned of broken framing. vscode-jsonrpc's reader drops a message
// whose Content-Length header is missing or not a number but keeps its body in the buffer, so the
// next header is read from the middle of that body and every later message is lost: the server
// stays up but never answers again. This filter passes well-formed frames through unchanged and,
// after a broken one, skips to the next "Content-Length:" header, so one bad message costs only
// itself. (VS Code talks to the server over Node IPC, which has no framing; this is for the
// editors that use stdio.)
import { Transform, type TransformCallback } from 'node:stream';
import { format } from 'node:util';

/** Largest body accepted (a 10 MB document is about 10 MB of JSON). */
const MAX_BODY = 256 * 1024 * 1024;
const HEADER_NAME = Buffer.from('content-length:');
const HEADER_END = Buffer.from('\r\n\r\n');
/** A header block: lines "Name: value", then an empty line. */
const HEADER_BLOCK = /^(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r\n)+\r\n/;
/** A header block starting inside a body whose Content-Length was too large. */
const EMBEDDED_HEADER = /Content-Length: *\d+\r\n(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r\n)*\r\n/i;

export class FrameFilter extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** Body length of the frame whose header has been read, or -1. */
  private bodyLength = -1;
  private headerLength = 0;
  /** How far into the pending body the too-long check has looked. */
  private scanned = 0;
  /** Frames dropped or cut because their framing was broken. */
  dropped = 0;

  constructor(private readonly onDrop: (reason: string) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      this.drain();
    } catch (error) {
      this.discard(`framing error: ${(error as Error).message}`);
      this.buffer = Buffer.alloc(0);
      this.bodyLength = -1;
    }
    done();
  }

  private discard(reason: string): void {
    this.dropped++;
    this.onDrop(reason);
  }

  private drain(): void {
    for (;;) {
      if (this.bodyLength < 0 && !this.readHeader()) return;
      const available = this.buffer.length - this.headerLength;
      if (available < this.bodyLength) {
        if (!this.cutTooLongBody()) return;
        continue;
      }
      // A complete body may still hold the start of the next message.
      if (this.cutTooLongBody(this.headerLength + this.bodyLength)) continue;
      const end = this.headerLength + this.bodyLength;
      this.emitFrame(this.buffer.subarray(this.headerLength, end));
      this.buffer = this.buffer.subarray(end);
      this.bodyLength = -1;
      // What follows a frame must be the next header; anything else is the rest of a frame whose
      // Content-Length was too small.
      if (this.buffer.length > 0 && !startsLikeHeader(this.buffer)) {
        this.discard('bytes after a frame that are not a header (Content-Length too small?)');
        this.resync(0);
      }
    }
  }

  /** Reads the header block at the start of the buffer; false when more data is needed. */
  private readHeader(): boolean {
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        // A header is a few dozen bytes: a long run with no blank line is not one.
        if (this.buffer.length > 4096) {
          this.discard('no header in 4 KB');
          this.resync(1);
        }
        return false;
      }
      const block = this.buffer.subarray(0, end + HEADER_END.length).toString('latin1');
      const length = HEADER_BLOCK.test(block)
        ? /^content-length: *(\d{1,12}) *$/im.exec(block)?.[1]
        : undefined;
      const bodyLength = length === undefined ? NaN : Number(length);
      if (Number.isSafeInteger(bodyLength) && bodyLength <= MAX_BODY) {
        this.bodyLength = bodyLength;
        this.headerLength = block.length;
        this.scanned = 0;
        return true;
      }
      this.discard(`bad header ${JSON.stringify(block.slice(0, 80))}`);
      this.resync(1);
      if (this.buffer.length === 0) return false;
    }
  }

  /**
   * When a whole header block appears inside a body (complete or not), its Content-Length was too
   * large (JSON never holds a raw blank line), so the frame ends there.
   */
  private cutTooLongBody(until = this.buffer.length): boolean {
    const from = this.headerLength + Math.max(0, this.scanned - 64);
    const pending = this.buffer.subarray(from, until).toString('latin1');
    const match = EMBEDDED_HEADER.exec(pending);
    this.scanned = until - this.headerLength;
    if (!match) return false;
    const cut = from + match.index;
    this.discard('a header inside a body (Content-Length too large?)');
    this.emitFrame(this.buffer.subarray(this.headerLength, cut));
    this.buffer = this.buffer.subarray(cut);
    this.bodyLength = -1;
    return true;
  }

  /** Drops bytes up to the next "Content-Length:" at or after `from`. */
  private resync(from: number): void {
    const lower = Buffer.from(this.buffer.toString('latin1').toLowerCase(), 'latin1');
    const next = lower.indexOf(HEADER_NAME, from);
    if (next >= 0) {
      this.buffer = this.buffer.subarray(next);
    } else {
      // Keep only a tail that may be the start of a header split across chunks. (A longer tail
      // could hold a blank line, be read as a header again, and never be dropped.)
      let keep = Math.min(HEADER_NAME.length - 1, lower.length);
      while (
        keep > 0 &&
        !HEADER_NAME.subarray(0, keep).equals(lower.subarray(lower.length - keep))
      ) {
        keep--;
      }
      this.buffer = this.buffer.subarray(this.buffer.length - keep);
    }
    this.bodyLength = -1;
  }

  private emitFrame(body: Buffer): void {
    this.push(Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'));
    this.push(body);
  }
}

function startsLikeHeader(buffer: Buffer): boolean {
  const head = buffer.subarray(0, HEADER_NAME.length).toString('latin1').toLowerCase();
  // Enough of the buffer to tell, or all of it a prefix of a header name.
  return /^[a-z][a-z0-9-]*:?$/.test(head) || /^[a-z][a-z0-9-]*:/.test(head);
}

/**
 * The input and output for `--stdio`: stdin through the frame filter, stdout as it is. Passing
 * streams (not `--stdio`) to createConnection skips its console patch, so console output is sent
 * to stderr here: a stray console.log on stdout would corrupt the protocol.
 */
export function stdioStreams(log: (message: string) => void): {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
} {
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(`${format(...args)}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.dir = toStderr;
  console.table = toStderr;
  const filter = new FrameFilter((reason) => log(`Dropped a malformed message: ${reason}.`));
  process.stdin.pipe(filter);
  return { input: filter, output: process.stdout };
}
