// Gives memory back when the server is idle. V8 keeps a grown heap (a young generation of 32 MB
// after a burst such as opening many designs) until a full collection arms its memory reducer;
// a server that then waits for keystrokes never triggers one. One full collection a few seconds
// after the last analysis does (the heap shrinks some seconds later). The collector is reached
// through V8's gc extension, which only a new context gets once the flag is set.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { forgetWords } from './core/tokens';

let collect: (() => void) | undefined | null;
let timer: NodeJS.Timeout | undefined;

function collector(): (() => void) | undefined {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
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
