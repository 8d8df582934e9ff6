// Warming the edit path of a large design just opened (issue 19). Opening analyses the whole text
// once; a keystroke takes another path (the previous parts reused, the part typed into read
// again), whose loops over a large design's ~1,000 parts V8 compiles only after a dozen edits of
// that design: measured on the bench's 1 MB designs, the first 10-12 edits took 1.5-3x the time of
// the later ones. The server therefore types a few spaces into blank lines of a copy of the design
// it opened, spread over the text, each analysed as the next version of the copy (a document of
// its own, `Analyzer.copyLast`, forgotten at the end): the design's own last analysis is not
// touched, nothing is published or shown, and the next real analysis is the same with or without
// the warm-up (test/unit/warmUp.test.ts). It starts once the server has been idle for a moment
// after the open and stops at the first change: a writer who types at once (or a bench that does)
// gets no warm-up and no delay; one who reads the design first gets a compiled path.

/** Designs shorter than this are not warmed: their edits are fast from the first (100 KB: ~5 ms). */
import type { PieceText } from '../core/pieceText';

export const WARM_UP_MIN_LENGTH = 200_000;
/** How many tentative edits: V8 had compiled the edit path after 10-12 edits of a 1 MB design. */
export const WARM_UP_EDITS = 12;
/** At most this long in all (a tentative edit of a 1 MB design took 10-30 ms before compiled). */
export const WARM_UP_MS = 400;
/** How long after the open's diagnostics the warm-up starts, if nothing was typed meanwhile. */
export const WARM_UP_DELAY_MS = 300;

/**
 * The texts the warm-up types, one after the other: `text` with one more space typed into a blank
 * line each time, at `count` places spread evenly over it (fewer when it has fewer blank lines). A
 * space makes a blank line no less blank, but the edit path reads the part it falls in again, as it
 * would after a keystroke.
 */
export function* warmUpTexts(text: PieceText, count = WARM_UP_EDITS): Generator<PieceText> {
  let typed = text;
  let last = -1;
  for (let i = 0; i < count; i++) {
    const blank = typed.indexOf(
      '\n\n',
      Math.max(last + 2, Math.floor(((i + 0.5) / count) * typed.length)),
    );
    if (blank < 0) return;
    last = blank;
    // An edit of the pieces, as the server's document makes one: the copy is read as a keystroke
    // is, without a string of the whole text.
    typed = typed.edit(blank + 1, blank + 1, ' ');
    yield typed;
  }
}

export interface WarmUpDriver<Text = PieceText> {
  /** Analyses one "what if" text tentatively (nothing kept, nothing published). */
  analyse(text: Text): void;
  /** False once the warm-up should stop: the design was changed or closed, or another began. */
  current(): boolean;
  /** Runs `step` on a later turn of the event loop (after input that is waiting). */
  nextTurn(step: () => void): void;
  /** Milliseconds, for the time bound. */
  now(): number;
  /** Told once, when the warm-up ends: how many texts it analysed. */
  finished?(analysed: number): void;
}

/**
 * Analyses the texts one per turn of the event loop, so that a keystroke arriving meanwhile waits
 * for one of them at most and stops the rest; stops too after `budgetMs`, or at the first error
 * (a real analysis of the design reports it).
 */
export function runWarmUp<Text>(
  texts: Iterator<Text>,
  driver: WarmUpDriver<Text>,
  budgetMs = WARM_UP_MS,
): void {
  const started = driver.now();
  let analysed = 0;
  const step = () => {
    const next = driver.current() && driver.now() - started <= budgetMs ? texts.next() : undefined;
    try {
      if (!next || next.done) return driver.finished?.(analysed);
      driver.analyse(next.value);
    } catch {
      return driver.finished?.(analysed);
    }
    analysed++;
    driver.nextTurn(step);
  };
  driver.nextTurn(step);
}
