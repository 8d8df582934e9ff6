// Property-based robustness tests (issue 6): for arbitrary text, mutated fixture designs and the
// named hostile documents, the checker never throws, analyses inputs up to 100 KB within 1 s (on a
// busy machine: within 4x a plain paragraph as long, timed then; test/fuzz/checks.ts, isHang), and
// every range it or an editor feature returns lies inside the document. CI runs a fixed seed and a
// reduced count; `npm run fuzz` (scripts/fuzz.ts) runs 100,000 cases. Set MLSD_FUZZ_SEED or
// MLSD_FUZZ_RUNS to replay or widen a run.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyseDesign } from '../../server/src/analysis/analyse';
import {
  MAX_CONTAINER_DEPTH,
  MAX_DELIMITER_RUN,
  MAX_INLINE_DELIMITERS,
  defuseMarkdown,
} from '../../server/src/parse/limits';
import { arbitraryText, corpus, HOSTILE, largeDesign, mutatedDesign } from '../fuzz/arbitraries';
import { BUDGET_MS, checkCase, describeFailure, isHang, type CaseResult } from '../fuzz/checks';

const SEED = Number(process.env.MLSD_FUZZ_SEED ?? 6_2024);
const RUNS = Number(process.env.MLSD_FUZZ_RUNS ?? 250);

const seeds = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 });

describe('fuzz: hostile input never crashes, hangs or points outside the document', function () {
  this.timeout(300_000);
  const times: number[] = [];
  let slowest = { ms: 0, name: '' };
  const record = (name: string, result: CaseResult) => {
    times.push(result.ms);
    if (result.ms > slowest.ms && result.bytes <= 100 * 1024) slowest = { ms: result.ms, name };
  };
  const expectClean = (name: string, result: CaseResult) => {
    record(name, result);
    if (result.crash || result.problems.length > 0 || isHang(result)) {
      throw new Error(`${name}: ${describeFailure(result)}`);
    }
  };

  // Mocha sets Error.stackTraceLimit to Infinity; the server and the CLI run with Node's 10. With
  // Infinity, the 800 errors yaml raises deep in its recursion for "[[[[…" each capture 5,000
  // frames, which takes seconds and once ran V8 out of memory.
  let stackTraceLimit: number;
  before(() => {
    stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 10;
    // Load the framework data and warm the JIT, so the first case is not timed with start-up.
    for (const { text } of corpus().slice(0, 5)) analyseDesign(text);
  });

  after(() => {
    Error.stackTraceLimit = stackTraceLimit;
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    console.log(
      `      fuzz: ${times.length} cases (seed ${SEED}), median ${median.toFixed(1)} ms, ` +
        `slowest up to 100 KB ${slowest.ms.toFixed(0)} ms (${slowest.name}), budget ${BUDGET_MS} ms`,
    );
  });

  describe('named hostile documents', () => {
    for (const hostile of HOSTILE) {
      it(hostile.name, () => {
        expectClean(
          hostile.name,
          checkCase(hostile.make(), [
            [7, 3],
            [1_000, 40],
            [31, 9_999],
          ]),
        );
      });
    }
  });

  it(`arbitrary text: bytes, NUL, lone surrogates, Markdown soup, CR/LF mixes (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(arbitraryText, seeds, (text, probe) => {
        expectClean('arbitrary text', checkCase(text, probe));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(`mutated fixture designs: lines inserted, deleted, duplicated, headings swapped and injected (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(mutatedDesign(), seeds, ({ name, text }, probe) => {
        expectClean(name, checkCase(text, probe));
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it('large designs: fixtures joined up to 100 KB, mutated (20 cases)', () => {
    fc.assert(
      fc.property(largeDesign(), seeds, ({ name, text }, probe) => {
        expectClean(name, checkCase(text, probe));
      }),
      { seed: SEED + 2, numRuns: 20 },
    );
  });

  it('every fixture design as it is', () => {
    for (const { name, text } of corpus())
      expectClean(
        name,
        checkCase(text, [
          [3, 5],
          [40, 2],
        ]),
      );
  });
});

describe('parser input limits (parse/limits.ts)', () => {
  it('returns ordinary designs unchanged (the same string)', () => {
    for (const { text } of corpus()) assert.equal(defuseMarkdown(text), text);
  });

  it('keeps every offset: the result has the same length and only markers are replaced', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const defused = defuseMarkdown(text);
        assert.equal(defused.length, text.length);
        for (let i = 0; i < text.length; i++) {
          if (defused[i] !== text[i]) {
            assert.equal(defused[i], '\ufffd');
            assert.match(text[i], /[-*+>_`[\]<0-9 \t]/);
          }
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it(`honours ${MAX_CONTAINER_DEPTH} nested containers on a line and neutralises the next`, () => {
    const text = '- '.repeat(MAX_CONTAINER_DEPTH + 3) + 'x';
    const defused = defuseMarkdown(text);
    assert.equal(defused.slice(0, MAX_CONTAINER_DEPTH * 2), text.slice(0, MAX_CONTAINER_DEPTH * 2));
    assert.equal(defused[MAX_CONTAINER_DEPTH * 2], '\ufffd');
    assert.equal(
      defuseMarkdown('- '.repeat(MAX_CONTAINER_DEPTH) + 'x'),
      '- '.repeat(MAX_CONTAINER_DEPTH) + 'x',
    );
  });

  it('leaves thematic breaks, fences and closing HTML tags alone', () => {
    const rule = '- '.repeat(200);
    assert.equal(defuseMarkdown(rule), rule);
    const script = `<script>\n${'a[i] = b[i] * c_d < 3;\n'.repeat(100)}</script>\n`;
    assert.ok(defuseMarkdown(script).endsWith('</script>\n'));
    const fence =
      '`'.repeat(MAX_DELIMITER_RUN + 10) + '\ncode\n' + '`'.repeat(MAX_DELIMITER_RUN + 10);
    assert.equal(defuseMarkdown(fence), fence);
  });

  it(`counts emphasis and link delimiters per paragraph (${MAX_INLINE_DELIMITERS} each)`, () => {
    const paragraph = '**a** '.repeat(MAX_INLINE_DELIMITERS / 2);
    assert.equal(defuseMarkdown(`${paragraph}\n\n${paragraph}`), `${paragraph}\n\n${paragraph}`);
    assert.notEqual(defuseMarkdown(`${paragraph}\n${paragraph}`), `${paragraph}\n${paragraph}`);
  });

  it('a step heading after a 10,000-deep list is still found', () => {
    const analysis = analyseDesign('- '.repeat(10_000) + 'x\n\n## 5. Evaluation\n\nAUC offline.\n');
    assert.ok(analysis.document.stepById.has('evaluation'));
  });
});
