// Loaded into the language server by scripts/benchMemory.ts (NODE_OPTIONS=--import): on SIGUSR2
// it writes the V8 heap statistics (and, when MLSD_PROBE_SNAPSHOT names a folder, a heap snapshot)
// to the file MLSD_PROBE_OUT names. Measuring only: the server itself knows nothing of it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';

const out = process.env.MLSD_PROBE_OUT;
if (out) {
  process.on('SIGUSR2', () => {
    const heap = v8.getHeapStatistics();
    const spaces = Object.fromEntries(
      v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]),
    );
    fs.writeFileSync(out, JSON.stringify({ heap, spaces, memory: process.memoryUsage() }));
    const dir = process.env.MLSD_PROBE_SNAPSHOT;
    if (dir) v8.writeHeapSnapshot(path.join(dir, `server-${process.pid}.heapsnapshot`));
  });
}

// MLSD_PROBE_GC names a file: the language server (started with --stdio) appends each garbage
// collection to it (kind, duration in ms), to count the collections an edit run meets.
const gcLog = process.env.MLSD_PROBE_GC;
if (gcLog && process.argv.includes('--stdio')) {
  const { PerformanceObserver, constants } = await import('node:perf_hooks');
  const kinds = {
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
  };
  new PerformanceObserver((list) => {
    const lines = list
      .getEntries()
      .map((e) => `${process.pid} ${kinds[e.detail?.kind] ?? '?'} ${e.duration.toFixed(2)}\n`);
    fs.appendFileSync(gcLog, lines.join(''));
  }).observe({ entryTypes: ['gc'] });
}
