import { strict as assert } from 'node:assert';
import { analyse } from '../../helpers/analyse';
import { completions } from '../../../server/src/features/completion';
import { builtInRegistry } from '../../../server/src/framework/registry';
import { DESIGN } from './fixture';

function at(text: string, marker: string) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(marker));
  return { line, character: lines[line].indexOf(marker) + marker.length };
}

describe('completion', () => {
  it('offers step headings at the start of a heading line, missing ones first, numbered like the document', () => {
    const text = DESIGN + '\n## \n';
    const items = completions(
      analyse(text),
      builtInRegistry(),
      { line: text.split('\n').indexOf('## '), character: 3 },
      true,
    );
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(sorted.map((i) => i.label).slice(0, 3), [
      '3. Data preparation',
      '6. Deployment and serving',
      '7. Monitoring and infrastructure',
    ]);
    assert.equal(items.length, 7);
    const data = sorted[0];
    assert.ok(
      data.textEdit &&
        'newText' in data.textEdit &&
        data.textEdit.newText.startsWith('3. Data preparation\n\n- **'),
    );
  });

  it('offers the uncovered topics of the step as bullet stubs', () => {
    const text = DESIGN + '\n- \n';
    const line = text.split('\n').lastIndexOf('- ');
    const items = completions(analyse(text), builtInRegistry(), { line, character: 2 }, true);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('Online metrics'), labels.join(', '));
    assert.ok(!labels.includes('Offline metrics'));
    const online = items.find((i) => i.label === 'Online metrics')!;
    assert.equal(
      online.textEdit && 'newText' in online.textEdit ? online.textEdit.newText : '',
      '- **Online metrics**: ${1}',
    );
  });

  it('completes front matter keys and values', () => {
    const keys = completions(
      analyse('---\ntitle: x\n\n---\n'),
      builtInRegistry(),
      { line: 2, character: 0 },
      true,
    );
    assert.deepEqual(
      keys.map((k) => k.label),
      ['problem', 'framework', 'level', 'minutes'],
    );
    const levels = completions(
      analyse(DESIGN.replace('problem:', 'level: s\nproblem:')),
      builtInRegistry(),
      at(DESIGN.replace('problem:', 'level: s\nproblem:'), 'level: s'),
      true,
    );
    assert.deepEqual(
      levels.map((l) => l.label),
      ['junior', 'mid', 'senior', 'staff'],
    );
  });

  it('offers nothing inside code blocks or plain prose', () => {
    const text = DESIGN + '\n```\n## \n```\n';
    const line = text.split('\n').lastIndexOf('## ');
    assert.deepEqual(
      completions(analyse(text), builtInRegistry(), { line, character: 3 }, true),
      [],
    );
    const prose = at(DESIGN, 'Weighted logistic');
    assert.deepEqual(completions(analyse(DESIGN), builtInRegistry(), prose, true), []);
  });
});
