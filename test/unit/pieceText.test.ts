// The server's copy of an open document (issue 19): a text held as pieces, edited without making
// a string of the whole text, that says what differs from its recent ancestors; and the document
// over it, which must read and place text exactly as the LSP library's own document does.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceText } from '../../server/src/core/pieceText';
import { OpenDocument } from '../../server/src/openDocument';

const pieceOfText = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r', '\n\n', ' ', 'word', '## Heading\n', '😀', '\ud83d'),
  fc.string({ maxLength: 12 }),
  // Long inserts: pastes that make pieces of their own.
  fc.string({ minLength: 9_000, maxLength: 40_000 }),
);

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.nat({ max: 20 }), fc.nat({ max: 30_000 })),
  insert: fc.oneof(
    { weight: 6, arbitrary: pieceOfText },
    { weight: 1, arbitrary: fc.constant('') },
  ),
});

/** Some text of 0 to 100 KB, lines of every ending. */
const startText = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 200 }),
  fc
    .array(fc.constantFrom('line of words\n', 'more\r\n', 'x\r', '\n', '# Title\n'), {
      maxLength: 8_000,
    })
    .map((lines) => lines.join('')),
);

describe('PieceText', () => {
  it('reads as the string it stands for after any edits: length, slices, characters, searches', () => {
    fc.assert(
      fc.property(startText, fc.array(edit, { maxLength: 25 }), (start, edits) => {
        let text = start;
        let pieces = PieceText.cut(start);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          const end = Math.min(text.length, at + e.remove);
          text = text.slice(0, at) + e.insert + text.slice(end);
          pieces = pieces.edit(at, end, e.insert);
          assert.equal(pieces.length, text.length);
          for (const probe of [0, at - 1, at, at + e.insert.length, text.length - 1, text.length]) {
            assert.equal(pieces.charCodeAt(probe), text.charCodeAt(probe), `character ${probe}`);
            assert.equal(
              pieces.slice(probe - 3, probe + 9000),
              text.slice(probe - 3, probe + 9000),
            );
            assert.equal(pieces.indexOf('\n\n', probe), text.indexOf('\n\n', probe));
            assert.equal(pieces.indexOf('\r', probe), text.indexOf('\r', probe));
          }
        }
        assert.equal(pieces.toString(), text);
      }),
      { seed: 1205, numRuns: 150 },
    );
  });

  it('says which stretch differs from each recent ancestor', () => {
    fc.assert(
      fc.property(startText, fc.array(edit, { minLength: 1, maxLength: 15 }), (start, edits) => {
        const versions: { pieces: PieceText; text: string }[] = [];
        let text = start;
        let pieces = PieceText.cut(start);
        versions.push({ pieces, text });
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          const end = Math.min(text.length, at + e.remove);
          text = text.slice(0, at) + e.insert + text.slice(end);
          pieces = pieces.edit(at, end, e.insert);
          versions.push({ pieces, text });
        }
        for (const ancestor of versions.slice(0, -1)) {
          const changed = pieces.changedSince(ancestor.pieces.id);
          assert.ok(changed, 'an ancestor 15 edits back or nearer is remembered');
          const old = ancestor.text;
          assert.equal(text.slice(0, changed.from), old.slice(0, changed.from));
          assert.equal(text.slice(changed.to), old.slice(changed.oldTo));
          assert.equal(text.length - changed.to, old.length - changed.oldTo);
        }
        assert.equal(pieces.changedSince(pieces.id), undefined);
      }),
      { seed: 51205, numRuns: 150 },
    );
  });

  it('edits a large text by making one piece of a few kilobytes, not a string of the whole', () => {
    const text = 'A sentence of a design.\n\n'.repeat(40_000);
    const joins = PieceText.joins;
    let pieces = PieceText.cut(text);
    for (let i = 0; i < 100; i++) pieces = pieces.edit(i * 9_000, i * 9_000, 'x');
    assert.equal(PieceText.joins, joins, 'no edit joined the text');
    assert.equal(pieces.length, text.length + 100);
    assert.equal(pieces.toString().replace(/x/g, ''), text);
    assert.equal(PieceText.joins, joins + 1);
  });
});

describe('OpenDocument (the server keeps open designs as pieces)', () => {
  /** An LSP change somewhere in the document: a range (possibly reversed or past the end). */
  const change = fc.record({
    startLine: fc.integer({ min: -1, max: 9_000 }),
    startCharacter: fc.integer({ min: -1, max: 30 }),
    lines: fc.integer({ min: 0, max: 4 }),
    endCharacter: fc.integer({ min: 0, max: 30 }),
    text: pieceOfText,
    reversed: fc.boolean(),
  });

  it('holds the text, lines and positions the library document holds after the same changes', () => {
    fc.assert(
      fc.property(startText, fc.array(change, { maxLength: 20 }), (start, changes) => {
        const library = TextDocument.create('file:///d.mlsd.md', 'markdown', 1, start);
        const ours = OpenDocument.create('file:///d.mlsd.md', 'markdown', 1, start);
        let version = 1;
        for (const c of changes) {
          // Lines in the document: the library miscounts lines after a range past the end (its
          // line offsets get a hole), which the editor never sends.
          const last = library.lineCount - 1;
          const startLine = Math.max(0, Math.min(c.startLine, last));
          const a = { line: startLine, character: c.startCharacter };
          const b = { line: Math.min(startLine + c.lines, last), character: c.endCharacter };
          const range = c.reversed ? { start: b, end: a } : { start: a, end: b };
          version++;
          TextDocument.update(library, [{ range, text: c.text }], version);
          OpenDocument.update(ours, [{ range, text: c.text }], version);
          assert.equal(ours.version, version);
          assert.equal(ours.lineCount, library.lineCount);
          const length = library.getText().length;
          for (const offset of [0, 1, length >> 1, length - 1, length, length + 3]) {
            assert.deepEqual(
              ours.positionAt(offset),
              library.positionAt(offset),
              `offset ${offset}`,
            );
          }
          for (const line of [0, a.line, b.line, library.lineCount - 1, library.lineCount]) {
            for (const character of [0, 1, 5, 1_000]) {
              const position = { line, character };
              assert.equal(ours.offsetAt(position), library.offsetAt(position));
            }
          }
        }
        assert.equal(ours.getText(), library.getText());
        const whole = { start: { line: 0, character: 0 }, end: { line: 3, character: 2 } };
        assert.equal(ours.getText(whole), library.getText(whole));
      }),
      { seed: 4205, numRuns: 200 },
    );
  });

  it('takes a change of the whole text', () => {
    const document = OpenDocument.create('file:///d.mlsd.md', 'markdown', 1, 'one\ntwo');
    OpenDocument.update(document, [{ text: 'a\r\nb\rc' }], 2);
    assert.equal(document.getText(), 'a\r\nb\rc');
    assert.equal(document.lineCount, 3);
    assert.deepEqual(document.positionAt(5), { line: 2, character: 0 });
  });
});
