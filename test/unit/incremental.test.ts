// The incremental analysis (parts cached by content, offsets shifted) must give exactly what a full
// analysis of the same text gives. Random edit sequences (seeded) are applied to the fixture
// designs, the examples and generated designs; after every edit the incremental result, with its
// cache carried over from the previous edit as in the editor, is compared with a fresh full one:
// the CLI's JSON report, the findings with their fixes, and the model (headings, prose blocks,
// code and HTML ranges, comments, placeholders).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyseDesign, fullAnalysis, type Analysis } from '../../server/src/analysis/analyse';
import { PartCache } from '../../server/src/analysis/incremental';
import { toFileReport } from '../../server/src/cli/report';
import { splitParts } from '../../server/src/parse/parts';
import { generateDesign } from '../../scripts/designGenerator';

const root = path.join(__dirname, '..', '..');
const designs = [
  ...fs
    .readdirSync(path.join(root, 'test', 'fixtures', 'designs'))
    .filter((f) => f.endsWith('.mlsd.md'))
    .map((f) => path.join('test', 'fixtures', 'designs', f)),
  ...fs
    .readdirSync(path.join(root, 'test', 'fixtures', 'rules'))
    .filter((f) => f.endsWith('.mlsd.md'))
    .map((f) => path.join('test', 'fixtures', 'rules', f)),
  ...fs
    .readdirSync(path.join(root, 'examples'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('examples', f)),
]
  .sort()
  .map((file) => ({ name: file, text: fs.readFileSync(path.join(root, file), 'utf8') }));
designs.push({ name: 'generated 6 KB', text: generateDesign(5_000, 3) });
designs.push({ name: 'generated 20 KB', text: generateDesign(20_000, 4) });

/** What must not change: the CLI report, findings with fixes, and the model they come from. */
function view(analysis: Analysis) {
  const { document } = analysis;
  return {
    report: toFileReport('design.mlsd.md', analysis),
    findings: analysis.findings,
    settingsProblems: analysis.settingsProblems,
    ruleFailures: analysis.ruleFailures,
    frameworkId: document.frameworkId,
    frontMatter: document.frontMatter,
    headings: document.headings,
    blocks: document.blocks,
    nonProse: document.nonProse,
    comments: document.comments,
    lineStarts: document.lines.lineStarts,
    numbersSteps: document.numbersSteps,
    stepDepth: document.stepDepth,
    steps: analysis.steps.map((s) => ({
      step: s.step.id,
      words: s.words,
      section: s.section && { ...s.section, heading: s.section.heading.index },
      topics: s.topics.map((t) => ({ topic: t.topic.id, status: t.status, evidence: t.evidence })),
    })),
  };
}

// Splitting inside fences and HTML blocks too: the parts that end inside one must be joined back.
const careless = (text: string) => splitParts(text, false);

function assertSame(text: string, cache: PartCache, context: string): void {
  const full = view(fullAnalysis(text));
  assert.deepStrictEqual(view(analyseDesign(text, { cache })), full, context);
  assert.deepStrictEqual(
    view(analyseDesign(text, { cache, split: careless })),
    full,
    `${context} (careless split)`,
  );
}

// Text that stresses where parts split: headings, fences, HTML blocks, front matter fences,
// link reference definitions, setext underlines, list items, line breaks of every kind.
const SNIPPETS = [
  '\n## Evaluation\n',
  '\n# Data preparation\n\n',
  '\n### Offline metrics\n',
  '#',
  '## ',
  '\n```\n',
  '\n```python\ncode\n',
  '\n~~~~\n',
  '```',
  '\n<!--\n',
  '-->',
  '<!-- mlsd-disable MLSD006 -->',
  '\n<div>\n',
  '\n</div>\n\n',
  '\n<script>\n',
  '</script>',
  '\n<?php\n',
  '?>',
  '\n<![CDATA[\n',
  '\n<!DOCTYPE html>\n',
  '\n[ref]: https://example.com\n',
  '[ref]',
  '\n---\n',
  '\n===\n',
  '\n- item\n',
  '\n  ## indented heading\n',
  '\n    code\n',
  '\n> ## quoted\n',
  '\r\n',
  '\r',
  '\n\n',
  ' TODO ',
  '<fill in>',
  '?',
  '\t',
  'Serving',
  'latency',
  'monitoring and drift',
  '\u00e9',
  '模型',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.constantFrom(...SNIPPETS),
    fc.constantFrom('a', ' ', '\n', '#', '`', '-', '<', '>', '*', ':'),
    fc.string({ maxLength: 8 }),
  ),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental analysis', () => {
  it('splits at top-level heading lines only', () => {
    const text = [
      '---',
      '# a comment in the front matter',
      '---',
      'intro',
      '## One',
      '```',
      '## not a heading (code)',
      '```',
      '<!--',
      '## not a heading (comment)',
      '-->',
      '  ## indented (may be inside a list item)',
      '## Two',
      '#no-space',
      '####### seven',
      '#',
    ].join('\n');
    const starts = splitParts(text);
    const lines = starts.map((s) => text.slice(s).split('\n')[0]);
    assert.deepEqual(lines, ['---', '## One', '## Two', '#']);
  });

  it('does not split an unclosed front matter', () => {
    assert.deepEqual(splitParts('---\ntitle: x\n## One\n## Two\n'), [0]);
  });

  it('gives the full analysis on every fixture and example', () => {
    const cache = new PartCache();
    for (const { name, text } of designs) assertSame(text, cache, name);
  });

  it('gives the full analysis after each of a sequence of random edits', function () {
    this.timeout(120_000);
    let edits = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...designs),
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        (design, sequence) => {
          const cache = new PartCache();
          let text = design.text;
          analyseDesign(text, { cache });
          for (const [i, e] of sequence.entries()) {
            text = apply(text, e);
            edits++;
            assertSame(text, cache, `${design.name} after edit ${i + 1}`);
          }
        },
      ),
      { seed: 20260523, numRuns: 200 },
    );
    assert.ok(edits > 900, `only ${edits} edits`);
  });

  it('gives the full analysis with a cache shared between documents and evicting parts', () => {
    const cache = new PartCache(64 * 1024);
    for (const { name, text } of designs) {
      assertSame(text, cache, name);
      assertSame(text.replace(/^(#+ .*)$/m, '$1 (revised)'), cache, `${name} revised`);
    }
  });
});
