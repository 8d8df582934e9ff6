// Parsing a text run by run of top-level blocks (parse/blockChunks.ts) must give exactly the
// model of parsing it whole: on the fixtures and examples and on random text built from the
// constructs that could make a run boundary wrong (lists, lazy lines, fences, HTML blocks,
// quotes, setext underlines, definitions, front matter), split at every boundary allowed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { builtInRegistry } from '../../server/src/framework/registry';
import type { ParsedText } from '../../server/src/model/document';
import { blockRunStarts } from '../../server/src/parse/blockChunks';
import { parseDesignTree } from '../../server/src/parse/parseDesign';

const framework = builtInRegistry().defaultFramework;
const root = path.join(__dirname, '..', '..');

function model({ document, blocks }: ParsedText) {
  return {
    headings: document.headings,
    blocks,
    nonProse: document.nonProse,
    comments: document.comments,
    frontMatter: document.frontMatter,
    steps: document.steps,
  };
}

/** Checks the run-by-run model against the whole-text one; gives the number of runs. */
function check(text: string): number {
  const whole = parseDesignTree(text, () => framework, Infinity);
  const runs = parseDesignTree(text, () => framework, 1);
  assert.deepStrictEqual(model(runs), model(whole), `runs differ on ${JSON.stringify(text)}`);
  const lastWhole = whole.tree.children.at(-1)?.position?.end.offset;
  assert.equal(runs.tree.children.at(-1)?.position?.end.offset, lastWhole);
  return blockRunStarts(text, 1).length;
}

const LINES = [
  '',
  '',
  '   ',
  'Plain words about the ranking model.',
  'A **bold** claim with [a link](http://x.y) and `code`.',
  '- item one',
  '- item *two*',
  '* star item',
  '+ plus item',
  '1. first',
  '2. second',
  '3) third',
  '  continued in the item',
  '    indented code or continuation',
  '\tTabbed line',
  '  - nested item',
  '- ```',
  '```',
  '~~~',
  '  ```',
  '> quoted words',
  '> - quoted item',
  '<div>',
  '</div>',
  '<!-- a comment',
  '-->',
  '<pre>',
  '</pre>',
  '---',
  '===',
  '- - -',
  '* * *',
  '## 2. Data preparation',
  'Heading underlined',
  '[ref]: http://example.com',
  'A [ref] use.',
  '-',
  '- ',
  '| a | b |',
  '|---|---|',
  '\\- escaped',
];

const randomText = fc
  .tuple(
    fc.constantFrom('', '---\ntitle: x\n---\n', '---\na: b\n\n', '\ufeff'),
    fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 40 }),
    fc.constantFrom('\n', '\r\n', ''),
  )
  .map(([head, lines, end]) => head + lines.join(end === '\r\n' ? '\r\n' : '\n') + end);

describe('parsing run by run of top-level blocks', () => {
  it('gives the model of the whole text on the fixtures and examples', () => {
    let split = 0;
    for (const dir of ['test/fixtures/designs', 'test/fixtures/rules', 'examples']) {
      for (const file of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.md'))) {
        if (check(fs.readFileSync(path.join(root, dir, file), 'utf8')) > 1) split++;
      }
    }
    assert.ok(split > 20, `only ${split} files were split`);
  });

  it('gives the model of the whole text on random text', function () {
    this.timeout(60_000);
    let split = 0;
    fc.assert(
      fc.property(randomText, (text) => {
        if (check(text) > 1) split++;
      }),
      { seed: Number(process.env.SEED ?? 1919), numRuns: Number(process.env.RUNS ?? 2000) },
    );
    assert.ok(split > 400, `only ${split} of 2000 random texts were split`);
  });

  it('does not split where a definition may reach across, or in open front matter', () => {
    assert.deepEqual(blockRunStarts('a\n\nb\n\n[x]: /u\n', 1), [0]);
    assert.deepEqual(blockRunStarts('---\na: 1\n\nb\n\n- c\n', 1), [0]);
    assert.deepEqual(blockRunStarts('a\n\nb\n- c\n```\n\nd\n```\n', 1), [0, 3, 5]);
  });

  it('parses a long list in time linear in its length', () => {
    const item = (i: number) => `- item ${i} with [a link](http://x.y/${i}) and \`code\`\n`;
    const list = (n: number) => Array.from({ length: n }, (_, i) => item(i)).join('');
    assert.ok(blockRunStarts(list(4000)).length > 50);
  });
});
