// The heading table (test/fixtures/headings.json): heading text -> the step it names or opens.
// Without "within", the heading is a level-2 heading after a title; with "within": "<step>", it is
// a level-3 sub-heading inside that step's level-2 section.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../helpers/analyse';
import { builtInRegistry } from '../../server/src/framework/registry';

interface Row {
  text: string;
  expect: string | null;
  within?: string;
  note?: string;
}

const rows: Row[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'headings.json'), 'utf8'),
);

function stepOf(row: Row): string | null {
  const framework = builtInRegistry().defaultFramework;
  let text: string;
  let line: number;
  if (row.within) {
    const title = framework.stepById.get(row.within)!.title;
    text = `# Title\n\n## ${title}\n\nSome text about it.\n\n### ${row.text}\n\nMore text.\n`;
    line = 6;
  } else {
    text = `# Title\n\nIntro.\n\n## ${row.text}\n\nSome text.\n`;
    line = 4;
  }
  const heading = analyse(text).document.headings.find((h) => h.range.start.line === line)!;
  return heading.stepIds.length > 0 ? heading.stepIds[0] : null;
}

describe('heading table', () => {
  it('has at least 80 rows, including near misses and non-English headings', () => {
    assert.ok(rows.length >= 80, `${rows.length} rows`);
    assert.ok(rows.some((r) => r.within));
    assert.ok(rows.some((r) => r.expect === null));
    assert.ok(rows.some((r) => /[^\p{ASCII}]/u.test(r.text)));
  });
  for (const row of rows) {
    const where = row.within ? ` (inside ${row.within})` : '';
    it(`"${row.text}"${where} -> ${row.expect ?? 'no step'}`, () => {
      assert.equal(stepOf(row), row.expect, row.note);
    });
  }
});
