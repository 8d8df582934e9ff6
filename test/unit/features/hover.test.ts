import { strict as assert } from 'node:assert';
import { analyse } from '../../helpers/analyse';
import { hover } from '../../../server/src/features/hover';
import { DESIGN } from './fixture';

function lineOf(text: string, start: string) {
  return text.split('\n').findIndex((l) => l.startsWith(start));
}

describe('hover', () => {
  it('on a step heading: summary, minutes and a topic checklist with evidence lines and missing topics', () => {
    const result = hover(analyse(DESIGN), {
      line: lineOf(DESIGN, '## 5. Evaluation'),
      character: 5,
    })!;
    const value = (result.contents as { value: string }).value;
    assert.match(value, /\*\*Step 5 of 7: Evaluation\*\* · about 5 of 45 minutes/);
    assert.match(value, /- Covered: Offline metrics — line 28 \(“recall”\)/);
    assert.match(value, /- \*\*Missing:\*\* Online metrics/);
  });

  // Issue 18, point 2: "Model selection: line 51 ("ve mod")", and emoji that show as empty boxes
  // where no emoji font is installed.
  it('quotes the words that matched on a wrapped list item, in plain text without emoji', () => {
    const text = [
      '# D',
      '',
      '## Model development',
      '',
      '- We',
      '  have tried a two-tower',
      '  model; the loss is cross-entropy.',
      '',
    ].join('\n');
    const value = (hover(analyse(text), { line: 2, character: 4 })!.contents as { value: string })
      .value;
    assert.match(value, /- Covered: Model selection — line 6 \(“two-tower”\)/);
    assert.doesNotMatch(value, /\p{Extended_Pictographic}/u);
  });

  it('on a finding: the rule, its severity and a link to its page', () => {
    const text = DESIGN + '\nTODO: finish.\n';
    const line = text.split('\n').indexOf('TODO: finish.');
    const value = (hover(analyse(text), { line, character: 1 })!.contents as { value: string })
      .value;
    assert.match(value, /\*\*MLSD007 placeholder\*\* \(hint\)/);
    assert.match(value, /\[Rule documentation\]\(file:.*MLSD007\.md\)/);
  });

  it('on a step heading: follow-up questions, those on uncovered topics first', () => {
    const value = (
      hover(analyse(DESIGN), { line: lineOf(DESIGN, '## 5. Evaluation'), character: 5 })!
        .contents as { value: string }
    ).value;
    const part = value.split('**An interviewer may ask**')[1];
    assert.ok(part, value);
    const asked = part.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(asked.length, 3);
    // Online metrics are not covered in the fixture: a question on them comes first, marked.
    assert.match(asked[0], /^- \(not covered yet\) /);
  });

  // Issue 13: every step verdict is explainable from the heading's hover.
  it('on a step heading: the evidence that made it open the step', () => {
    const text = [
      '# Jobs feed',
      '## 1. Requirements',
      'x',
      '## 2. Data strategy',
      'Data sources: application logs and profile features.',
      '## 3. Model',
      'x',
      '## Offline metrics',
      'x',
      '## Online metrics',
      'x',
    ].join('\n');
    const analysis = analyse(text);
    const at = (line: number) =>
      (hover(analysis, { line, character: 4 })!.contents as { value: string }).value;
    assert.match(
      at(3),
      /_Matched as Data preparation:_ 'data' in heading \(before a general head word\), numbered 2 like the other steps, at the level of the other step headings, section mentions data sources/,
    );
    assert.match(at(9), /_Evaluation opens at line 8; this heading continues it\._/);
  });

  it('on plain prose: nothing', () => {
    assert.equal(hover(analyse(DESIGN), { line: lineOf(DESIGN, 'Weighted'), character: 2 }), null);
  });
});
