// In-process probe of the edit path on one of the bench's shaped designs (issue 19): warms up on
// 60 edits of a 100 KB design of the same shape, opens the design in an `Analyzer`, then types the
// bench's one-character edits into content lines (`contentLineEdits`, the same seed as `npm run
// bench`'s shapes section) and prints, per edit, the median and 95th percentile of the wall time
// and CPU time (analysis plus the diagnostics and summary the server builds from it) and of the
// bytes allocated. Not a test; counts of allocated bytes repeat from run to run where times on a
// busy machine do not.
//
//   npx tsx scripts/editProbe.ts [--shape deep|spread|flat] [--bytes N] [--edits N] [--alloc]
//       [--profile heap|cpu] [--min-run N] [--each]
//
// --alloc: collect the young generation before each edit and read the heap's growth across it (run
// with `node --min-semi-space-size=64 --max-semi-space-size=64 --import tsx` so that no collection
// falls inside an edit: the probe counts those that do and leaves them out). The new text itself
// (one byte per character) is flattened before the edit and not counted. Without --alloc the young
// generation is collected between edits when more than half full, as the server does
// (idleCollect.ts). --min-run: split parts every N characters between headings (the analyzer's
// testing option). --each: print every edit's wall/CPU time.
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import '../server/src/dataFiles';
import { Analyzer } from '../server/src/analysis/analyse';
import { LineIndex } from '../server/src/core/text';
import { designSummary } from '../server/src/features/designSummary';
import { diagnosticsFor } from '../server/src/features/diagnostics';
import { contentLineEdits, DESIGN_SHAPES, generateShapedDesign } from './designGenerator';
import { quantile } from './quantile';

const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const shape = argument('--shape', 'deep') as (typeof DESIGN_SHAPES)[number]['shape'];
const bytes = Number(argument('--bytes', '1000000'));
const count = Number(argument('--edits', '60'));
const alloc = process.argv.includes('--alloc');
// --profile heap|cpu: sample allocations or time over the edits only, print the top functions (by
// bytes allocated or self time) and write the profile to /tmp/editProbe.heapprofile|cpuprofile.
const profile = argument('--profile', '');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize?: number;
  children?: (ProfileNode | number)[];
}

/** Self bytes (heap) or self samples (cpu) per function, the largest first. */
function topFunctions(nodes: ProfileNode[], self: (node: ProfileNode) => number): string[] {
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/.*\/(server|node_modules)\//, '$1/')}:${lineNumber + 1}`;
    const value = self(node);
    total += value;
    byFunction.set(key, (byFunction.get(key) ?? 0) + value);
  }
  return [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([key, value]) => `${((100 * value) / total).toFixed(1).padStart(5)}%  ${key}`);
}

/** The nodes of a heap profile's tree, flattened. */
function flatten(node: ProfileNode, out: ProfileNode[] = []): ProfileNode[] {
  out.push(node);
  for (const child of node.children ?? []) if (typeof child !== 'number') flatten(child, out);
  return out;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;

// The bench's seed for this shape and size (scripts/bench.ts, shapedDesigns: 100 KB then 1 MB).
const shapeIndex = DESIGN_SHAPES.findIndex((s) => s.shape === shape);
const seed = 2000 + 2 * shapeIndex + (bytes > 100_000 ? 1 : 0);

// Start times of the collections (delivered late, so matched with the edits' windows at the end).
const collections: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collections.push(entry.startTime);
}).observe({ entryTypes: ['gc'] });

const minRun = process.argv.includes('--min-run') ? Number(argument('--min-run', '')) : undefined;
const analyzer = new Analyzer(minRun ? { testing: { minRun } } : {});
const uri = 'file:///probe.mlsd.md';
const checkDesign = (text: string) => {
  const analysis = analyzer.analyse(text, { document: uri });
  diagnosticsFor(analysis);
  designSummary(uri, analysis, true);
};

async function main(): Promise<void> {
  // Warm-up, as the bench's earlier designs warm the server: the edit path's code is compiled
  // before the edits that are measured (the first few edits of a fresh process take 2-4x longer).
  let warm = generateShapedDesign(100_000, shape, 2);
  const warmUri = 'file:///warm-up.mlsd.md';
  analyzer.analyse(warm, { document: warmUri });
  for (const edit of contentLineEdits(warm, 60, 1)) {
    const lines = new LineIndex(warm);
    const start = lines.offsetAt(edit.range.start);
    const end = lines.offsetAt(edit.range.end);
    warm = warm.slice(0, start) + edit.text + warm.slice(end);
    analyzer.analyse(warm, { document: warmUri });
  }
  analyzer.forget(warmUri);
  let text = generateShapedDesign(bytes, shape, 1);
  checkDesign(text);
  const edits = contentLineEdits(text, count, seed);
  const times: number[] = [];
  const allocated: number[] = [];
  const cpuTimes: number[] = [];
  const windows: [number, number][] = [];
  const used = () => v8.getHeapStatistics().used_heap_size;
  // The edits' offsets, worked out beforehand (no edit adds or removes a line).
  const lineStarts = new LineIndex(text).lineStarts.slice();
  const offsets = edits.map((edit) => {
    const start = lineStarts[edit.range.start.line] + edit.range.start.character;
    const end = lineStarts[edit.range.end.line] + edit.range.end.character;
    const delta = edit.text.length - (end - start);
    for (let line = edit.range.start.line + 1; line < lineStarts.length; line++) {
      lineStarts[line] += delta;
    }
    return { start, end, text: edit.text };
  });
  const session = new Session();
  if (profile) {
    session.connect();
    if (profile === 'heap') {
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 512,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    } else {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
    }
  }
  for (const { start, end, text: typed } of offsets) {
    text = text.slice(0, start) + typed + text.slice(end);
    // The server's text is flattened by the analysis's first read of it: done here, so that the
    // counts are the analysis's own (the new text, one byte per character, comes on top).
    text.indexOf('\u0000');
    if (alloc) gc({ type: 'minor' });
    else {
      const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      if (young && young.space_used_size > young.space_available_size) gc({ type: 'minor' });
    }
    await new Promise((resolve) => setImmediate(resolve));
    const before = used();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    checkDesign(text);
    const t1 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    times.push(t1 - t0);
    windows.push([t0, t1]);
    allocated.push(used() - before);
  }
  if (profile === 'heap') {
    const { profile: heap } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
      profile: { head: ProfileNode };
    };
    fs.writeFileSync('/tmp/editProbe.heapprofile', JSON.stringify(heap));
    console.log(topFunctions(flatten(heap.head), (node) => node.selfSize ?? 0).join('\n'));
  } else if (profile) {
    const { profile: cpu } = (await session.post('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[] };
    };
    fs.writeFileSync('/tmp/editProbe.cpuprofile', JSON.stringify(cpu));
    const hits = new Map<number, number>();
    for (const id of cpu.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
    console.log(topFunctions(cpu.nodes, (node) => hits.get(node.id) ?? 0).join('\n'));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  const held = windows.map(([t0, t1]) => collections.some((t) => t >= t0 && t <= t1));
  const editsWithCollection = held.filter(Boolean).length;
  // A collection inside an edit hides what it allocated: those edits are left out of the counts.
  const counted = allocated.filter((_, i) => !held[i]);

  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  if (process.argv.includes('--each')) {
    console.log(times.map((t, i) => `${t.toFixed(1)}/${cpuTimes[i].toFixed(1)}`).join(' '));
  }
  console.log(
    [
      `${shape} ${bytes} bytes, ${count} edits${alloc ? ' (alloc)' : ''}:`,
      `time median ${quantile(times, 0.5).toFixed(2)} ms p95 ${quantile(times, 0.95).toFixed(2)} ms`,
      `cpu median ${quantile(cpuTimes, 0.5).toFixed(2)} ms p95 ${quantile(cpuTimes, 0.95).toFixed(2)} ms`,
      alloc
        ? `allocated median ${kb(quantile(counted, 0.5))} p95 ${kb(quantile(counted, 0.95))} mean ${kb(counted.reduce((a, b) => a + b, 0) / counted.length)}`
        : '',
      `edits holding a collection ${editsWithCollection} (of ${collections.length} collections)`,
      `young generation ${kb(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0)}`,
    ]
      .filter(Boolean)
      .join('  '),
  );
}

void main();
