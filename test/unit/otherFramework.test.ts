// MLSD009 other-framework: says when the headings follow another framework clearly better, with a
// fix that names it in the front matter; quiet when the writer chose, and on the book's designs.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/analysis/analyse';
import { applyEdits } from '../../server/src/core/applyEdits';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const NINE_STEP = fs
  .readFileSync(path.join(FIXTURES, 'frameworks', 'nine-step-complete.mlsd.md'), 'utf8')
  .replace(/^---[\s\S]*?---\n\n?/, '');

const otherFramework = (text: string, framework?: string) =>
  new Analyzer().analyse(text, { framework }).findings.filter((f) => f.rule.id === 'MLSD009');

describe('MLSD009 other-framework', () => {
  it('says a 9-step design checked against the book follows the 9-step template', () => {
    const [finding, ...rest] = otherFramework(NINE_STEP);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'info');
    assert.match(finding.message, /'nine-step', 9 of its 9 steps\) better than .*'aminian-7'/);
    assert.equal(finding.range.start.line, 2);
  });

  it('fixes it by writing a front matter that names the framework, after which all is quiet', () => {
    const [finding] = otherFramework(NINE_STEP);
    const fixed = applyEdits(NINE_STEP, finding.fixes![0].edits);
    assert.ok(fixed.startsWith('---\nframework: nine-step\n---\n\n# Restaurant'));
    const analysis = new Analyzer().analyse(fixed);
    assert.equal(analysis.framework.id, 'nine-step');
    assert.deepEqual(
      analysis.findings.filter((f) => f.severity !== 'hint').map((f) => f.message),
      [],
    );
  });

  it('adds the key to an existing front matter, keeping its other keys', () => {
    const text = `---\nlevel: senior\n---\n\n${NINE_STEP}`;
    const [finding] = otherFramework(text);
    const fixed = applyEdits(text, finding.fixes![0].edits);
    assert.ok(fixed.startsWith('---\nlevel: senior\nframework: nine-step\n---\n'));
  });

  it('is quiet when the front matter names a framework, even the book\u2019s', () => {
    assert.deepEqual(otherFramework(`---\nframework: aminian-7\n---\n\n${NINE_STEP}`), []);
  });

  it('is quiet when the design is checked against the framework it follows', () => {
    assert.deepEqual(otherFramework(NINE_STEP, 'nine-step'), []);
  });

  it('is quiet on the book\u2019s example designs and rule fixtures', () => {
    const dirs = [path.join(FIXTURES, '..', '..', 'examples'), path.join(FIXTURES, 'rules')];
    for (const dir of dirs)
      // Every one but this rule's own fixture, which follows the nine-step template on purpose.
      for (const name of fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.mlsd.md') && !n.startsWith('other-framework')))
        assert.deepEqual(
          otherFramework(fs.readFileSync(path.join(dir, name), 'utf8')).map((f) => f.message),
          [],
          name,
        );
  });

  it('is quiet when only a few headings match the other framework', () => {
    const text =
      '# Design\n\n## Problem formulation\n\nx\n\n## Metrics\n\ny\n\n## Feature engineering\n\nz\n';
    assert.deepEqual(otherFramework(text), []);
  });
});
