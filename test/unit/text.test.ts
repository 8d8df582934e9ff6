import { strict as assert } from 'node:assert';
import { applyEdits } from '../../server/src/core/applyEdits';
import { LineIndex } from '../../server/src/core/text';
import { forgetWords, tokenize } from '../../server/src/core/tokens';

describe('LineIndex', () => {
  it('treats \\n, \\r\\n and \\r as line breaks, as LSP does', () => {
    const index = new LineIndex('a\nbb\r\nccc\rd');
    assert.deepEqual(index.lineStarts, [0, 2, 6, 10]);
    assert.equal(index.lineText(1), 'bb');
    assert.equal(index.lineText(2), 'ccc');
    assert.deepEqual(index.positionAt(7), { line: 2, character: 1 });
    assert.equal(index.offsetAt({ line: 3, character: 0 }), 10);
  });

  it('counts characters in UTF-16 code units (emoji take two)', () => {
    const index = new LineIndex('## 🎯 Goal\nx');
    assert.deepEqual(index.positionAt('## 🎯 Goal'.indexOf('G')), { line: 0, character: 6 });
  });

  it('clamps positions past a line or the text', () => {
    const index = new LineIndex('ab\r\ncd');
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 6);
    assert.deepEqual(
      index.positionAt(3),
      { line: 0, character: 2 },
      'inside \\r\\n clamps to the line end',
    );
  });

  it('reports the dominant line ending', () => {
    assert.equal(new LineIndex('a\r\nb\r\nc\n').eol, '\r\n');
    assert.equal(new LineIndex('a\nb').eol, '\n');
    assert.equal(new LineIndex('one line').eol, '\n');
  });
});

describe('tokenize', () => {
  it('reads a word written again as it read it the first time, at its own place', () => {
    // Each distinct word is read once: the capitals of "MAP" must not stick to "map".
    const tokens = tokenize('MAP map MAP maps', 10);
    assert.deepEqual(
      tokens.map((t) => [t.lower, t.stem, t.start, t.end, t.capitals ?? false]),
      [
        ['map', 'map', 10, 13, true],
        ['map', 'map', 14, 17, false],
        ['map', 'map', 18, 21, true],
        ['maps', 'map', 22, 26, false],
      ],
    );
    assert.notEqual(tokens[0], tokens[2]);
  });

  it('reads words the same after the idle server has emptied its word memo', () => {
    const text = 'Кликабельность CTR 推荐系统 users’ modelling';
    const before = tokenize(text);
    forgetWords();
    assert.deepEqual(tokenize(text), before);
  });
});

describe('applyEdits', () => {
  it('applies inserts and replacements by original positions', () => {
    const text = 'one\ntwo\nthree\n';
    const result = applyEdits(text, [
      {
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
        newText: 'inserted\n',
      },
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
        newText: 'ONE',
      },
    ]);
    assert.equal(result, 'ONE\ntwo\ninserted\nthree\n');
  });

  it('keeps inserts at the same point in the order given', () => {
    const at = { line: 0, character: 1 };
    assert.equal(
      applyEdits('ab', [
        { range: { start: at, end: at }, newText: '1' },
        { range: { start: at, end: at }, newText: '2' },
      ]),
      'a12b',
    );
  });
});
