// `npm run fuzz`: the long run of the property tests in test/unit/fuzz.test.ts. Not a test: it
// checks 100,000 generated inputs (arbitrary text, mutated fixture designs, large joined designs,
// the named hostile documents) against the same checks (test/fuzz/checks.ts), keeps going past a
// failure, saves each failing input under .cache/fuzz/, and prints a report: cases run, crashes,
// out-of-range results, hangs (over 1 s for up to 100 KB), max and median time, and the seed to
// replay with. Exit code 1 when anything failed.
//
//   npm run fuzz -- [--runs N] [--seed S]
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import '../server/src/dataFiles';
import { analyseDesign } from '../server/src/analysis/analyse';
import { LONG_SHAPES } from '../test/fuzz/longShapes';
import {
  arbitraryText,
  corpus,
  HOSTILE,
  largeDesign,
  mutatedDesign,
} from '../test/fuzz/arbitraries';
import {
  BUDGET_BYTES,
  BUDGET_MS,
  HANG_RATIO,
  checkCase,
  describeFailure,
  isHang,
  type CaseResult,
} from '../test/fuzz/checks';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const runs = Number(option('--runs') ?? 100_000);
const seed = Number(option('--seed') ?? Date.now() % 2 ** 31);
const outDir = path.join(__dirname, '..', '.cache', 'fuzz');
const BATCH = 500;

// Of every 100 cases: 45 arbitrary texts, 50 mutated designs, 5 large designs.
const cases = fc.oneof(
  { weight: 45, arbitrary: arbitraryText.map((text) => ({ name: 'arbitrary text', text })) },
  { weight: 50, arbitrary: mutatedDesign() },
  { weight: 5, arbitrary: largeDesign() },
);
const probes = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 });

interface Failure {
  kind: 'crash' | 'range' | 'hang';
  name: string;
  file: string;
  detail: string;
}

const times: number[] = [];
const failures: Failure[] = [];
let slowest = { ms: 0, bytes: 0, name: '' };
let largest = 0;

function record(name: string, text: string, result: CaseResult): void {
  times.push(result.ms);
  largest = Math.max(largest, text.length);
  if (result.bytes <= BUDGET_BYTES && result.ms > slowest.ms) {
    slowest = { ms: result.ms, bytes: result.bytes, name };
  }
  const kind = result.crash
    ? 'crash'
    : result.problems.length > 0
      ? 'range'
      : isHang(result)
        ? 'hang'
        : undefined;
  if (!kind) return;
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${kind}-${seed}-${failures.length + 1}.mlsd.md`);
  fs.writeFileSync(file, text);
  failures.push({ kind, name, file, detail: describeFailure(result) });
  console.log(`  ${kind.toUpperCase()} in ${name} (${text.length} characters): saved to ${file}`);
}

function main(): void {
  Error.stackTraceLimit = 10; // as in the server (see test/unit/fuzz.test.ts)
  for (const { text } of corpus().slice(0, 5)) analyseDesign(text); // load data, warm up
  const started = Date.now();
  console.log(`mlsd fuzz: ${runs} cases, seed ${seed}`);

  for (const hostile of HOSTILE) {
    const text = hostile.make();
    record(
      hostile.name,
      text,
      checkCase(text, [
        [7, 3],
        [1_000, 40],
        [31, 9_999],
      ]),
    );
  }
  let done = HOSTILE.length;
  for (let batch = 0; done < runs; batch++) {
    const count = Math.min(BATCH, runs - done);
    const sample = fc.sample(fc.tuple(cases, probes), { seed: seed + batch, numRuns: count });
    for (const [{ name, text }, probe] of sample) record(name, text, checkCase(text, probe));
    done += count;
    if (Math.floor(done / 10_000) !== Math.floor((done - count) / 10_000) || done === runs) {
      const minutes = ((Date.now() - started) / 60_000).toFixed(1);
      console.log(`  ${done} cases, ${failures.length} failures, ${minutes} min`);
    }
  }

  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const count = (kind: Failure['kind']) => failures.filter((f) => f.kind === kind).length;
  console.log('');
  console.log('## mlsd fuzz report');
  console.log('');
  console.log(`- seed: ${seed} (replay: npm run fuzz -- --runs ${runs} --seed ${seed})`);
  console.log(
    `- cases run: ${times.length} (${HOSTILE.length} named hostile documents, the rest generated)`,
  );
  console.log(`- crashes (an exception from the analysis or a feature): ${count('crash')}`);
  console.log(`- out-of-document ranges or other broken results: ${count('range')}`);
  console.log(
    `- hangs (over ${BUDGET_MS} ms and ${HANG_RATIO}x a plain paragraph as long, for up to ` +
      `${BUDGET_BYTES / 1024} KB): ${count('hang')}`,
  );
  console.log(
    `- analysis time: median ${at(0.5).toFixed(2)} ms, 99th percentile ${at(0.99).toFixed(1)} ms, ` +
      `max up to 100 KB ${slowest.ms.toFixed(0)} ms (${slowest.name}, ${slowest.bytes} characters), ` +
      `max overall ${sorted[sorted.length - 1].toFixed(0)} ms (largest input ${largest} characters)`,
  );
  for (const shape of LONG_SHAPES) {
    // Time per KB at 250 KB and 1 MB: close when analysis time grows linearly with length.
    const perKb = [250, 1000].map((kb) => {
      const text = shape.make(kb * 1024);
      const start = performance.now();
      analyseDesign(text);
      return (performance.now() - start) / kb;
    });
    console.log(
      `- ${shape.name}: ${perKb[0].toFixed(2)} ms per KB at 250 KB, ${perKb[1].toFixed(2)} at 1 MB ` +
        `(ratio ${(perKb[1] / perKb[0]).toFixed(2)}; 1 is linear)`,
    );
  }
  console.log(`- wall time: ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  for (const failure of failures.slice(0, 20)) {
    console.log(`\n${failure.kind} — ${failure.name} — ${failure.file}\n    ${failure.detail}`);
  }
  process.exitCode = failures.length > 0 ? 1 : 0;
}

main();
