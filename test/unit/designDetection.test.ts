// Step detection over the fixture designs (test/fixtures/designs/*.mlsd.md with *.expect.json):
// precision and recall of (step, heading line) pairs must stay at or above 0.98, and each fixture's
// counted findings must match.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse, stepLines } from '../helpers/analyse';

const dir = path.join(__dirname, '..', 'fixtures', 'designs');

interface Expectation {
  description: string;
  steps: Record<string, number | null>;
  rules?: Record<string, number>;
}

const fixtures = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.mlsd.md'))
  .sort()
  .map((file) => ({
    file,
    text: fs.readFileSync(path.join(dir, file), 'utf8'),
    expected: JSON.parse(
      fs.readFileSync(path.join(dir, file.replace(/\.mlsd\.md$/, '.expect.json')), 'utf8'),
    ) as Expectation,
  }));

describe('step detection on the fixture designs', () => {
  it('has at least 30 fixtures', () => {
    assert.ok(fixtures.length >= 30, `${fixtures.length} fixtures`);
  });

  it('finds steps with precision and recall of at least 0.98', () => {
    let truePositives = 0;
    let predicted = 0;
    let expected = 0;
    const misses: string[] = [];
    for (const fixture of fixtures) {
      const actual = stepLines(analyse(fixture.text));
      for (const [step, line] of Object.entries(fixture.expected.steps)) {
        const got = actual[step];
        if (line !== null) expected++;
        if (got !== null) predicted++;
        if (line !== null && got === line) truePositives++;
        else if (line !== got) misses.push(`${fixture.file}: ${step} expected ${line}, got ${got}`);
      }
    }
    const precision = truePositives / predicted;
    const recall = truePositives / expected;
    console.log(
      `      step detection: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)} (${truePositives}/${predicted} predicted, ${truePositives}/${expected} expected, ${fixtures.length} designs)`,
    );
    if (misses.length) console.log(misses.map((m) => `        ${m}`).join('\n'));
    assert.ok(precision >= 0.98, `precision ${precision}`);
    assert.ok(recall >= 0.98, `recall ${recall}`);
  });

  for (const fixture of fixtures) {
    if (!fixture.expected.rules) continue;
    it(`${fixture.file}: ${fixture.expected.description}`, () => {
      const analysis = analyse(fixture.text);
      for (const [ruleId, count] of Object.entries(fixture.expected.rules!)) {
        const found = analysis.findings.filter((f) => f.rule.id === ruleId);
        assert.equal(
          found.length,
          count,
          `${ruleId}: ${found.map((f) => `${f.range.start.line + 1}: ${f.message}`).join(' | ')}`,
        );
      }
    });
  }
});
