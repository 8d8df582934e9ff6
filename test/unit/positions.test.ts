// Positions are exact in LSP terms (0-based line, UTF-16 character) whatever the line endings,
// byte-order mark, tabs or characters outside the Basic Multilingual Plane.
import { strict as assert } from 'node:assert';
import { analyse, findingsOf } from '../helpers/analyse';

function headingTextRanges(text: string) {
  return analyse(text).document.headings.map((h) => ({ text: h.text.trim(), range: h.textRange }));
}

describe('positions', () => {
  const body = [
    '# Title',
    '',
    '## 1. Clarifying requirements',
    'Some text.',
    '',
    'Serving',
    '-------',
    'Text.',
  ];

  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`maps headings to their lines with ${name} line endings`, () => {
      const ranges = headingTextRanges(body.join(eol));
      assert.deepEqual(ranges[1].range, {
        start: { line: 2, character: 3 },
        end: { line: 2, character: 29 },
      });
      assert.deepEqual(
        ranges[2].range,
        { start: { line: 5, character: 0 }, end: { line: 5, character: 7 } },
        'setext: the text line',
      );
    });
  }

  it('keeps characters right after a byte-order mark', () => {
    const text = '\uFEFF## 1. Clarifying requirements\nText.\n';
    const [heading] = headingTextRanges(text);
    assert.deepEqual(heading.range.start, { line: 0, character: 4 });
    assert.equal(
      text.slice(heading.range.start.character, heading.range.end.character),
      '1. Clarifying requirements',
    );
  });

  it('counts an emoji as two UTF-16 characters and a tab as one', () => {
    const text = '## 🎯 1. Clarifying requirements\n\n-\tTODO item with 😀 TBD\n';
    const [heading] = headingTextRanges(text);
    assert.deepEqual(heading.range, {
      start: { line: 0, character: 3 },
      end: { line: 0, character: 32 },
    });
    const placeholders = findingsOf(analyse(text), 'MLSD007');
    assert.deepEqual(
      placeholders.map((f) => [f.range.start.character, f.range.end.character]),
      [
        [2, 6],
        [20, 23],
      ],
    );
  });

  it('points front matter errors at the value, with front matter and a BOM', () => {
    const text = '\uFEFF---\r\ntitle: x\r\nlevel: guru\r\n---\r\n# T\r\n';
    const [finding] = findingsOf(analyse(text), 'MLSD008');
    assert.deepEqual(finding.range, {
      start: { line: 2, character: 7 },
      end: { line: 2, character: 11 },
    });
  });

  it('ignores headings inside code, HTML comments and front matter', () => {
    const text = [
      '---',
      '# Data',
      'title: "## Evaluation"',
      '---',
      '```',
      '## Model development',
      '```',
      '',
      '    ## Serving (indented code)',
      '',
      '<!--',
      '## Monitoring',
      '-->',
      '',
      '<div>',
      '',
      '</div>',
    ].join('\n');
    const analysis = analyse(text);
    assert.deepEqual(analysis.document.headings, []);
    assert.equal(analysis.steps.filter((s) => s.section).length, 0);
  });
});
