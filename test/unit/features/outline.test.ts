import { strict as assert } from 'node:assert';
import { analyse } from '../../helpers/analyse';
import { codeLenses } from '../../../server/src/features/codeLens';
import { coverageOf } from '../../../server/src/features/coverageSummary';
import { documentSymbols } from '../../../server/src/features/documentSymbols';
import { foldingRanges } from '../../../server/src/features/folding';
import { DESIGN } from './fixture';

describe('document symbols, folding, code lenses, coverage', () => {
  const analysis = analyse(DESIGN + '\n## Other talking points\n\nCold start.\n');

  it('outlines the steps in order under the title, with coverage in the detail and sub-headings as children', () => {
    const [title] = documentSymbols(analysis);
    assert.equal(title.name, 'Video recommendations');
    const names = title.children!.map((c) => c.name);
    assert.deepEqual(names, [
      '1. Clarifying requirements',
      '2. Framing the problem as an ML task',
      '4. Model development',
      '5. Evaluation',
      'Other talking points',
    ]);
    assert.match(title.children![2].detail!, /^Step 4 · \d\/\d required topics$/);
    assert.deepEqual(
      title.children![2].children!.map((c) => c.name),
      ['Loss function'],
    );
    assert.equal(title.children![4].detail, 'extra section');
  });

  it('folds each step and the extra section', () => {
    assert.deepEqual(
      foldingRanges(analysis).map((r) => [r.startLine, r.endLine]),
      [
        [6, 9],
        [11, 14],
        [16, 23],
        [25, 27],
        [29, 31],
      ],
    );
  });

  it('puts an insert lens at the top and a coverage lens above each step', () => {
    const lenses = codeLenses(analysis);
    assert.equal(lenses[0].command!.title, '$(add) Insert 3 missing steps: 3, 6, 7');
    assert.equal(lenses[0].command!.command, 'mlsd.insertMissingSteps');
    assert.deepEqual(
      lenses.slice(1).map((l) => l.range.start.line),
      [6, 11, 16, 25],
    );
    assert.match(lenses[4].command!.title, /^Step 5 · 1\/2 required topics · \d+ words$/);
  });

  it('reports coverage for the status bar', () => {
    const coverage = coverageOf(analysis);
    assert.equal(coverage.stepsPresent, 4);
    assert.equal(coverage.problem, 'video-recommendation');
    const data = coverage.steps.find((s) => s.id === 'data')!;
    assert.equal(data.present, false);
    assert.equal(data.insertLine, 16, 'data is inserted before step 4');
    assert.ok(coverage.requiredCovered < coverage.requiredTotal);
  });
});
