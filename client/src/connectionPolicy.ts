// When the client gives up on the language server: the decisions behind the language client's
// error handler, kept free of the VS Code API so that they are unit-tested.

/** Restarts allowed within the window; one more crash in it and the server is left stopped. */
const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60_000;
/** Errors reading from a running server tolerated before the client stops it. */
const MAX_READ_ERRORS = 3;

export class ConnectionPolicy {
  private readonly crashes: number[] = [];
  private readErrors = 0;

  /**
   * A connection error. `message` is set when writing that message failed: the server has gone
   * (several messages can be in flight when it dies, each failing on its own), and the close that
   * follows restarts it or not (see `closed`), so such errors never stop the client. Other errors
   * come from a server that still runs but cannot be understood: after a few, it is stopped.
   */
  error(message: unknown): 'continue' | 'shutdown' {
    if (message !== undefined) return 'continue';
    this.readErrors++;
    return this.readErrors <= MAX_READ_ERRORS ? 'continue' : 'shutdown';
  }

  /** The connection closed at `now` (the server exited): restart it, unless it keeps crashing. */
  closed(now: number): 'restart' | 'stop' {
    this.crashes.push(now);
    while (now - this.crashes[0] > CRASH_WINDOW_MS) this.crashes.shift();
    return this.crashes.length <= MAX_RESTARTS ? 'restart' : 'stop';
  }

  /** The server is running again: its read errors start from zero. */
  running(): void {
    this.readErrors = 0;
  }
}
