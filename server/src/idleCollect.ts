// Gives memory back when the server is idle. V8 keeps a grown heap (a young generation of 32 MB
// after a burst such as opening many designs) until a full collection arms its memory reducer;
// a server that then waits for keystrokes never triggers one. One full collection a few seconds
// after the last analysis does (the heap shrinks some seconds later). The collector is reached
// through V8's gc extension, which only a new context gets once the flag is set. Between edits, the
// young generation is collected before it fills (collectYoungBetweenEdits).
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { forgetWords } from './core/tokens';

export type Collect = (options?: { type: 'minor' | 'major' }) => void;

let collect: Collect | undefined | null;
let timer: NodeJS.Timeout | undefined;

function collector(): Collect | undefined {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as Collect;
    } catch {
      collect = null;
    }
  }
  return collect ?? undefined;
}

/**
 * Collects garbage `delayMs` after the last call (each call restarts the wait), and again a few
 * times while the server stays idle: V8 shrinks the heap only once it has seen a low allocation
 * rate over several collections.
 */
export function collectWhenIdle(delayMs = 1000, times = 12): void {
  clearTimeout(timer);
  let left = times;
  const run = () => {
    if (left === times) forgetWords();
    collector()?.();
    timer = --left > 0 ? setTimeout(run, delayMs) : undefined;
    timer?.unref();
  };
  timer = setTimeout(run, delayMs);
  timer.unref();
}

let youngPending = false;

/** The young generation's use: bytes used and bytes left before V8 must collect it. */
export interface YoungSpace {
  used: number;
  available: number;
}

function youngSpace(): YoungSpace | undefined {
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  return young && { used: young.space_used_size, available: young.space_available_size };
}

/**
 * Collects the young generation in the pause after an edit's diagnostics are sent, when it is more
 * than half full. A keystroke on a 1 MB design allocates 3-4 MB (the new text, the re-parsed run,
 * the model); left to V8, the collection falls inside the keystroke that fills the space (one in
 * seven or so), with that analysis's objects alive: most of the 95th percentile of edit latency.
 * Done here, it uses the time before the next keystroke and copies only what the last analysis
 * keeps. It runs after pending input is read (a keystroke already waiting comes first).
 * `collect` and `space`: tests only.
 */
export function collectYoungBetweenEdits(
  collect: Collect | undefined = collector(),
  space: () => YoungSpace | undefined = youngSpace,
): void {
  if (youngPending || !collect) return;
  youngPending = true;
  setImmediate(() => {
    youngPending = false;
    const young = space();
    if (young && young.used > young.available) collect({ type: 'minor' });
  });
}
