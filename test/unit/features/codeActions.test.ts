import { strict as assert } from 'node:assert';
import type { CodeActionParams } from 'vscode-languageserver';
import { analyse } from '../../helpers/analyse';
import { applyEdits } from '../../../server/src/core/applyEdits';
import { codeActions, insertMissingStepsEdits } from '../../../server/src/features/codeActions';
import { toDiagnostic } from '../../../server/src/features/diagnostics';
import { DESIGN } from './fixture';

const URI = 'file:///x.mlsd.md';

function params(
  analysis: ReturnType<typeof analyse>,
  filter: (ruleId: string) => boolean,
  only?: string[],
): CodeActionParams {
  const diagnostics = analysis.findings.filter((f) => filter(f.ruleId)).map(toDiagnostic);
  return {
    textDocument: { uri: URI },
    range: diagnostics[0]?.range ?? {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    },
    context: { diagnostics, only },
  };
}

describe('code actions', () => {
  it('offers the missing-step fix, disable comments, and only what context.only asks for', () => {
    const analysis = analyse(DESIGN);
    const all = codeActions(
      analysis,
      URI,
      params(analysis, (id) => id === 'MLSD001'),
    );
    assert.ok(all.some((a) => a.title === "Insert step 3 'Data preparation'" && a.isPreferred));
    assert.ok(all.some((a) => a.title === 'Disable MLSD001 for this line'));
    const onlyFixAll = codeActions(
      analysis,
      URI,
      params(analysis, (id) => id === 'MLSD001', ['source.fixAll.mlsd']),
    );
    assert.deepEqual(
      onlyFixAll.map((a) => a.kind),
      ['source.fixAll.mlsd'],
    );
  });

  it('disable-for-line appends a comment that silences exactly that finding', () => {
    const analysis = analyse(DESIGN);
    const p = params(analysis, (id) => id === 'MLSD006');
    const action = codeActions(analysis, URI, {
      ...p,
      context: { diagnostics: [p.context.diagnostics[0]] },
    }).find((a) => a.title.startsWith('Disable MLSD006 for this line'))!;
    const fixed = applyEdits(DESIGN, action.edit!.changes![URI]);
    const before = analysis.findings.filter((f) => f.ruleId === 'MLSD006').length;
    const after = analyse(fixed).findings.filter((f) => f.ruleId === 'MLSD006').length;
    // All MLSD006 findings of that step sit on its heading line, so all of them go.
    const sameLine = analysis.findings.filter(
      (f) =>
        f.ruleId === 'MLSD006' && f.range.start.line === p.context.diagnostics[0].range.start.line,
    ).length;
    assert.equal(after, before - sameLine);
  });

  it('disable-for-file goes after the front matter, keeping the YAML valid', () => {
    const analysis = analyse(DESIGN);
    const action = codeActions(
      analysis,
      URI,
      params(analysis, (id) => id === 'MLSD001'),
    ).find((a) => a.title === 'Disable MLSD001 for this file')!;
    const fixed = applyEdits(DESIGN, action.edit!.changes![URI]);
    assert.match(fixed, /^---\n[\s\S]*?\n---\n<!-- mlsd-disable-file MLSD001 -->\n# Video/);
    const again = analyse(fixed);
    assert.equal(
      again.findings.filter((f) => f.ruleId === 'MLSD001' || f.ruleId === 'MLSD008').length,
      0,
    );
  });

  it('renames a step heading to the canonical title, keeping its numbering', () => {
    const text = DESIGN.replace('## 5. Evaluation', '## 5. Metrics & evaluation');
    const analysis = analyse(text);
    const line = text.split('\n').indexOf('## 5. Metrics & evaluation');
    const [rename] = codeActions(analysis, URI, {
      textDocument: { uri: URI },
      range: { start: { line, character: 4 }, end: { line, character: 4 } },
      context: { diagnostics: [], only: ['refactor.rewrite'] },
    });
    assert.equal(rename.title, "Rename heading to '5. Evaluation'");
    assert.equal(applyEdits(text, rename.edit!.changes![URI]), DESIGN);
  });

  it('fix-all inserts all missing steps in framework order and converges', () => {
    const analysis = analyse(DESIGN);
    const { edits, inserted } = insertMissingStepsEdits(analysis);
    assert.deepEqual(inserted, ['data', 'serving', 'monitoring']);
    const fixed = applyEdits(DESIGN, edits);
    const numbers = fixed
      .split('\n')
      .filter((l) => /^## \d\. /.test(l))
      .map((l) => l.slice(3, 4));
    assert.deepEqual(numbers, ['1', '2', '3', '4', '5', '6', '7']);
    const again = analyse(fixed);
    assert.equal(again.steps.filter((s) => !s.section).length, 0);
    assert.deepEqual(insertMissingStepsEdits(again).edits, []);
  });

  it('adds stubs for all missing required topics of a step in one action', () => {
    const text = DESIGN.replace(
      'Offline: recall@k and nDCG.',
      'We will see how it goes in practice with real users over time.',
    );
    const analysis = analyse(text);
    const p = params(analysis, (id) => id === 'MLSD006');
    const evaluation = p.context.diagnostics.filter(
      (d) => (d.data as { stepId: string }).stepId === 'evaluation',
    );
    assert.ok(evaluation.length >= 2);
    const action = codeActions(analysis, URI, {
      ...p,
      context: { diagnostics: [evaluation[0]] },
    }).find((a) => a.title.startsWith('Add stubs for all'))!;
    const fixed = applyEdits(text, action.edit!.changes![URI]);
    assert.match(
      fixed,
      /over time\.\n\n- \*\*Offline metrics\*\*: TODO\n- \*\*Online metrics\*\*: TODO/,
    );
  });
});
