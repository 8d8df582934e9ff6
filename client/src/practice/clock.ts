// The one source of time of practice mode. The extension uses the system clock; the tests (unit
// tests, and the editor tests through a command kept out of the palette) move a clock that only
// moves when told, so a 45-minute session runs in seconds.

export interface Ticker {
  dispose(): void;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `tick` every `intervalMs` (of this clock's time) until disposed. */
  every(intervalMs: number, tick: () => void): Ticker;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(intervalMs, tick) {
    const handle = setInterval(tick, intervalMs);
    return { dispose: () => clearInterval(handle) };
  },
};

/**
 * A clock that moves only when `advance` is called: every ticker due in the advanced stretch runs
 * at its time, in order, so what depends on each tick sees every tick.
 */
export class ManualClock implements Clock {
  private time: number;
  private readonly tickers = new Set<{ intervalMs: number; next: number; tick: () => void }>();

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  every(intervalMs: number, tick: () => void): Ticker {
    const ticker = { intervalMs: Math.max(1, intervalMs), next: this.time + intervalMs, tick };
    this.tickers.add(ticker);
    return { dispose: () => this.tickers.delete(ticker) };
  }

  advance(ms: number): void {
    const end = this.time + Math.max(0, ms);
    for (;;) {
      let due: { intervalMs: number; next: number; tick: () => void } | undefined;
      for (const ticker of this.tickers) if (!due || ticker.next < due.next) due = ticker;
      if (!due || due.next > end) break;
      this.time = due.next;
      due.next += due.intervalMs;
      due.tick();
    }
    this.time = end;
  }
}

/**
 * The system clock that the editor tests can move forward (the test-only command
 * `mlsd.advancePracticeClock`, kept out of the palette): `advance` adds to an offset one interval
 * at a time and runs the tickers at each, as if that time had passed.
 */
export class AdvanceableClock implements Clock {
  private offset = 0;
  private readonly tickers = new Set<{ intervalMs: number; tick: () => void }>();

  now(): number {
    return Date.now() + this.offset;
  }

  every(intervalMs: number, tick: () => void): Ticker {
    const ticker = { intervalMs, tick };
    this.tickers.add(ticker);
    const handle = setInterval(tick, intervalMs);
    return {
      dispose: () => {
        clearInterval(handle);
        this.tickers.delete(ticker);
      },
    };
  }

  advance(ms: number): void {
    const step = Math.min(1000, ...[...this.tickers].map((t) => t.intervalMs));
    for (let done = 0; done < ms; done += step) {
      this.offset += Math.min(step, ms - done);
      for (const ticker of [...this.tickers]) ticker.tick();
    }
  }
}
