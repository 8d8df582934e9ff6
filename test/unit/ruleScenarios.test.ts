// One scenario test for the rule fixtures in test/fixtures/rules: each fixture marks the findings
// it expects with an HTML comment on the line the finding starts on:
//   ## 6. Serving <!-- expect: MLSD005 -->
// and names the rules it checks (others are ignored) in a comment anywhere:
//   <!-- check: MLSD001 MLSD006 -->
// Fixtures may set rules with <!-- settings: {"MLSD005": "warning"} -->.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseDesign } from '../../server/src/analysis/analyse';
import { applyEdits } from '../../server/src/core/applyEdits';
import { allRules } from '../../server/src/rules';

const dir = path.join(__dirname, '..', 'fixtures', 'rules');

function expectations(text: string) {
  const expected: string[] = [];
  let checked: Set<string> | undefined;
  let settings: Record<string, unknown> | undefined;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const match of line.matchAll(
      /<!--\s*expect:\s*([^>]*?)\s*-->|#\s*expect:\s*((?:MLSD\d{3}[\s,]*)+)$/g,
    )) {
      for (const id of (match[1] ?? match[2]).split(/[\s,]+/).filter(Boolean))
        expected.push(`${index + 1} ${id}`);
    }
    const check = /<!--\s*check:\s*([^>]*?)\s*-->/.exec(line);
    if (check) checked = new Set(check[1].split(/[\s,]+/).filter(Boolean));
    const set = /<!--\s*settings:\s*(\{.*\})\s*-->/.exec(line);
    if (set) settings = JSON.parse(set[1]);
  });
  return { expected: expected.sort(), checked, settings };
}

describe('rule fixtures (test/fixtures/rules)', () => {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mlsd.md'))
    .sort();
  it('has fixtures for every rule', () => {
    const all = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    for (const { meta } of allRules) {
      const id = meta.id;
      assert.match(all, new RegExp(`expect:[^>]*${id}`), `no fixture expects ${id}`);
      // A design check also needs a fixture where it stays quiet while checked.
      if (Number(id.slice(4)) >= 100) {
        const quiet = files.some((f) => {
          const text = fs.readFileSync(path.join(dir, f), 'utf8');
          return new RegExp(`check:[^>]*${id}`).test(text) && !text.includes(`expect: ${id}`);
        });
        assert.ok(quiet, `no fixture checks that ${id} stays quiet`);
      }
    }
  });
  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const { expected, checked, settings } = expectations(text);
      const analysis = analyseDesign(text, { rules: settings });
      const actual = analysis.findings
        .filter((f) => !checked || checked.has(f.rule.id))
        .map((f) => `${f.range.start.line + 1} ${f.rule.id}`)
        .sort();
      assert.deepEqual(
        actual,
        expected,
        analysis.findings
          .map((f) => `${f.range.start.line + 1} ${f.rule.id} ${f.message}`)
          .join('\n'),
      );

      // Every fix must remove its finding without touching the rest of the text.
      for (const finding of analysis.findings) {
        for (const fix of finding.fixes ?? []) {
          const fixed = applyEdits(text, fix.edits);
          const after = analyseDesign(fixed, { rules: settings });
          const still = after.findings.filter(
            (f) =>
              f.rule.id === finding.rule.id &&
              f.stepId === finding.stepId &&
              f.topicId === finding.topicId &&
              f.message === finding.message,
          );
          if (finding.rule.id !== 'MLSD006')
            assert.equal(still.length, 0, `fix '${fix.title}' left: ${finding.message}`);
          assert.ok(
            isSubsequence(text, fixed) || /^Change/.test(fix.title),
            `fix '${fix.title}' removed text`,
          );
        }
      }
    });
  }
});

function isSubsequence(original: string, result: string): boolean {
  let at = 0;
  for (const ch of result) if (at < original.length && ch === original[at]) at++;
  return at === original.length;
}
