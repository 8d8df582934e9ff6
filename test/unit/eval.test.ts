// The scorer of `npm run eval` (scripts/eval.ts): its arithmetic on a synthetic two-document corpus
// written here, and a clean skip when there is no corpus.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scoreCorpus } from '../../scripts/eval';
import {
  emptyScore,
  formatStepMiss,
  formatTopicMiss,
  scoreDocument,
  topicConfusion,
  stepFigures,
  topicFigures,
} from '../../scripts/eval/score';

const steps = (lines: Partial<Record<string, number | null>>) => ({
  requirements: null,
  framing: null,
  data: null,
  model: null,
  evaluation: null,
  serving: null,
  monitoring: null,
  ...lines,
});

describe('eval scorer', () => {
  it('counts step hits, misses and extras, ambiguous steps and pseudo-heading documents apart', () => {
    const score = emptyScore();
    scoreDocument(
      score,
      'a.md',
      { steps: steps({ requirements: 1, data: 5, model: 9, serving: 12 }), ambiguous: ['serving'] },
      { steps: steps({ requirements: 1, data: 6, evaluation: 20, serving: 30 }), topics: {} },
    );
    // requirements: tp; data: fn + fp; model: fn; evaluation: fp; serving: ambiguous.
    assert.deepEqual(score.steps, { tp: 1, fp: 2, fn: 2 });
    assert.deepEqual(score.english, { tp: 1, fp: 2, fn: 2 });
    assert.deepEqual(score.otherLanguages, { tp: 0, fp: 0, fn: 0 });
    assert.equal(formatStepMiss(score.stepMisses[0]), 'a.md: data expected line 5, got line 6');
    scoreDocument(
      score,
      'b.md',
      { steps: steps({ requirements: 3 }), pseudoHeadings: true },
      { steps: steps({}), topics: {} },
    );
    assert.equal(score.stepDocuments, 1);
    const f = stepFigures(score.steps);
    assert.equal(f.precision, 1 / 3);
    assert.equal(f.recall, 1 / 3);
    assert.ok(Math.abs(f.f1 - 1 / 3) < 1e-12);
  });

  it('judges topics of steps the checker found; unchecked and unfound counted apart', () => {
    const score = emptyScore();
    scoreDocument(
      score,
      'c.md',
      {
        steps: steps({ requirements: 1, data: 4 }),
        lang: 'ru',
        topics: {
          requirements: { a: true, b: true, c: false, d: false, e: true },
          data: { f: true },
        },
      },
      {
        steps: steps({ requirements: 1 }),
        topics: {
          requirements: { a: 'covered', b: 'missing', c: 'missing', d: 'covered', e: 'unchecked' },
        },
      },
    );
    assert.deepEqual(score.otherLanguages, { tp: 1, fp: 0, fn: 1 });
    const t = score.topics;
    assert.equal(t.judged, 4);
    assert.equal(t.agree, 2);
    assert.equal(t.unchecked, 1);
    assert.equal(t.notJudged, 1);
    assert.deepEqual(topicFigures(t), {
      agreement: 0.5,
      coveredCalledMissing: 0.5,
      gapsReported: 0.5,
    });
    // The document's headings are in Russian: its topics count as non-English, none as English.
    assert.deepEqual(score.topicsOther, t);
    assert.equal(score.topicsEnglish.judged, 0);
  });

  it('lists which topics are judged wrong how often, with the words taken as evidence', () => {
    const score = emptyScore();
    scoreDocument(
      score,
      'd.md',
      {
        steps: steps({ requirements: 1, model: 5 }),
        topics: { requirements: { goal: false, scale: true }, model: { loss: true } },
      },
      {
        steps: steps({ requirements: 1, model: 5 }),
        topics: {
          requirements: { goal: 'covered', scale: 'missing' },
          model: { loss: 'missing' },
        },
        evidence: { requirements: { goal: 'grow' } },
      },
    );
    scoreDocument(
      score,
      'e.md',
      { steps: steps({ requirements: 1 }), topics: { requirements: { goal: false } } },
      { steps: steps({ requirements: 1 }), topics: { requirements: { goal: 'covered' } } },
    );
    assert.equal(score.topicsEnglish.judged, 4);
    assert.equal(
      formatTopicMiss(score.topicMisses[0]),
      'd.md: requirements/goal a gap, called covered by "grow"',
    );
    assert.deepEqual(topicConfusion(score.topicMisses), [
      { topic: 'requirements/goal', calledMissing: 0, calledCovered: 2 },
      { topic: 'model/loss', calledMissing: 1, calledCovered: 0 },
      { topic: 'requirements/scale', calledMissing: 1, calledCovered: 0 },
    ]);
  });

  it('scores a corpus directory per labels file, and skips cleanly without one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-eval-'));
    try {
      fs.mkdirSync(path.join(dir, 'docs'));
      const doc = [
        '# A design',
        '',
        '## 1. Clarifying requirements',
        '',
        'The business objective is more bookings; 10M daily users; latency under 100 ms.',
        '',
        '## 2. Data preparation',
        '',
        'Some words.',
      ].join('\n');
      fs.writeFileSync(path.join(dir, 'docs', 'x01.mlsd.md'), doc);
      fs.writeFileSync(path.join(dir, 'docs', 'y01.mlsd.md'), doc);
      const label = {
        steps: steps({ requirements: 3, data: 7 }),
        topics: { requirements: { 'business-objective': true, scale: true } },
      };
      fs.writeFileSync(path.join(dir, 'labels-x.json'), JSON.stringify({ 'x01.mlsd.md': label }));
      fs.writeFileSync(
        path.join(dir, 'labels-y.json'),
        JSON.stringify({
          'y01.mlsd.md': { ...label, steps: steps({ requirements: 3, data: 8 }) },
          'y02.mlsd.md': label,
        }),
      );
      const result = scoreCorpus(dir);
      assert.deepEqual(
        result.groups.map((g) => g.name),
        ['x', 'y'],
      );
      assert.deepEqual(result.groups[0].score.steps, { tp: 2, fp: 0, fn: 0 });
      assert.deepEqual(result.groups[1].score.steps, { tp: 1, fp: 1, fn: 1 });
      assert.deepEqual(result.all.steps, { tp: 3, fp: 1, fn: 1 });
      assert.equal(result.all.topics.agree, 4);
      assert.equal(result.warnings.length, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../../scripts/eval.ts'), dir],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /no corpus/);
  });
});
