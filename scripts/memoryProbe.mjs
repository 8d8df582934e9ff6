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
