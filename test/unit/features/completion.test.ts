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
    const headings = items.filter((i) => !String(i.label).startsWith('Insert template'));
    assert.equal(headings.length, 7);
  });

  // Issue 18, point 1: "## Model" + Enter became "## Model development" and six TODO bullets.
  it('a heading item puts in the heading words only, never the template, and nothing is preselected', () => {
    const text = DESIGN + '\n## Data\n\nWe use a two-tower model.\n';
    const line = text.split('\n').indexOf('## Data');
    const items = completions(analyse(text), builtInRegistry(), { line, character: 7 }, true);
    const heading = items.find((i) => i.label === '3. Data preparation')!;
    assert.ok(heading.textEdit && 'range' in heading.textEdit);
    assert.deepEqual(heading.textEdit, {
      range: { start: { line, character: 3 }, end: { line, character: 7 } },
      newText: '3. Data preparation',
    });
    // The heading being typed does not make its step present: it is still "missing".
    assert.match(heading.detail!, /^Missing step 3 · the heading only/);
    assert.ok(
      items.every((i) => i.preselect !== true),
      'no item is preselected',
    );
    for (const item of items) {
      if (String(item.label).startsWith('Insert template')) continue;
      const newText = item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '';
      assert.doesNotMatch(newText, /\n|TODO/, `${String(item.label)} inserts only a heading`);
    }
  });

  it("offers each missing step's template as its own item, labelled as such, sorted after every heading", () => {
    const text = DESIGN + '\n## \n';
    const line = text.split('\n').indexOf('## ');
    const items = completions(analyse(text), builtInRegistry(), { line, character: 3 }, true);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    const templates = sorted.filter((i) => String(i.label).startsWith('Insert template: '));
    assert.deepEqual(
      templates.map((i) => i.label),
      [
        'Insert template: Data preparation (heading + topic stubs)',
        'Insert template: Deployment and serving (heading + topic stubs)',
        'Insert template: Monitoring and infrastructure (heading + topic stubs)',
      ],
    );
    assert.deepEqual(sorted.slice(-3), templates, 'templates sort after all headings');
    const data = templates[0];
    assert.ok(
      data.textEdit &&
        'newText' in data.textEdit &&
        data.textEdit.newText.startsWith('3. Data preparation\n\n- **'),
    );
    // Its filter text starts with "template", so typed heading words rank the heading first.
    assert.match(data.filterText!, /^template /);
    assert.equal(data.preselect, false);
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
