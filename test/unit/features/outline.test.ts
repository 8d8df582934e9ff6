import { strict as assert } from 'node:assert';
import { SymbolKind } from 'vscode-languageserver';
import { analyse } from '../../helpers/analyse';
import { codeLenses } from '../../../server/src/features/codeLens';
import { coverageOf } from '../../../server/src/features/coverageSummary';
import { documentSymbols } from '../../../server/src/features/documentSymbols';
import { foldingRanges } from '../../../server/src/features/folding';
import { DESIGN } from './fixture';

describe('document symbols, folding, code lenses, coverage', () => {
  const analysis = analyse(DESIGN + '\n## Other talking points\n\nCold start.\n');

  // Issue 18, point 9: VS Code shows this tree beside the Markdown outline, which lists the title:
  // it was listed twice, the steps as modules and the title as a string.
  it('outlines the steps in order at the root (no title), with coverage in the detail and sub-headings as children', () => {
    const symbols = documentSymbols(analysis);
    assert.deepEqual(
      symbols.map((c) => c.name),
      [
        '1. Clarifying requirements',
        '2. Framing the problem as an ML task',
        '4. Model development',
        '5. Evaluation',
        'Other talking points',
      ],
    );
    assert.match(symbols[2].detail!, /^Step 4 · \d\/\d required topics$/);
    assert.deepEqual(
      symbols[2].children!.map((c) => c.name),
      ['Loss function'],
    );
    assert.equal(symbols[4].detail, 'extra section');
    assert.deepEqual(
      symbols.map((s) => s.kind),
      [SymbolKind.Class, SymbolKind.Class, SymbolKind.Class, SymbolKind.Class, SymbolKind.String],
    );
    assert.equal(symbols[2].children![0].kind, SymbolKind.String);
  });

  it('leaves out a heading that wraps the steps, keeping what is under it', () => {
    const wrapped = analyse(
      [
        '# Title',
        '',
        '## Design',
        '',
        '### 1. Clarifying requirements',
        '',
        'Business objective: engagement.',
        '',
        '### 2. Framing the problem as an ML task',
        '',
        'Ranking.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      documentSymbols(wrapped).map((s) => s.name),
      ['1. Clarifying requirements', '2. Framing the problem as an ML task'],
    );
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
    assert.match(lenses[4].command!.title, /^Step 5 · 1\/2 required topics · \d+ words · 5 min$/);
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
