// The incremental analysis (parts cached by content, offsets shifted, parts of the previous
// analysis reused) must give exactly what a full analysis of the same text gives. Random edit
// sequences (seeded) are applied to the fixture designs, the examples and generated designs; after
// every edit the incremental result, with its cache and previous analysis carried over from the
// previous edit as in the editor, is compared with a fresh full one: the CLI's JSON report, the
// findings with their fixes, and the model (headings, prose blocks, code and HTML ranges,
// comments, placeholders).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  analyseDesign,
  fullAnalysis,
  type Analysis,
  type AnalysisOptions,
} from '../../server/src/analysis/analyse';
import { layoutOf, PartCache } from '../../server/src/analysis/incremental';
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

/**
 * Analyses one document edit after edit as the language server does (passing the previous
 * analysis), with its own cache: as shipped, with a careless split (inside fences and HTML
 * blocks too, so parts must be joined back), or with remark for every part.
 */
class Editor {
  private previous?: Analysis;

  constructor(
    readonly name: string,
    readonly cache: PartCache,
    private readonly testing: AnalysisOptions['testing'] = {},
  ) {}

  analyse(text: string): Analysis {
    this.previous = analyseDesign(text, {
      cache: this.cache,
      previous: this.previous,
      testing: this.testing,
    });
    return this.previous;
  }
}

function editors(cache = new PartCache()): Editor[] {
  return [
    new Editor('as shipped', cache),
    new Editor('careless split', new PartCache(), { carelessSplit: true }),
    new Editor('remark only', new PartCache(), { noFastParser: true }),
  ];
}

function assertSame(text: string, team: Editor[], context: string): void {
  const full = view(fullAnalysis(text));
  for (const editor of team) {
    assert.deepStrictEqual(view(editor.analyse(text)), full, `${context} (${editor.name})`);
  }
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
  // A fraction of the text's length: anywhere, and now and then at the very start or end.
  at: fc.oneof(
    { weight: 4, arbitrary: fc.noBias(fc.integer({ min: 0, max: 1_000_000 })) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
  ),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.constantFrom(...SNIPPETS),
    fc.constantFrom('a', ' ', '\n', '#', '`', '-', '<', '>', '*', ':'),
    fc.string({ maxLength: 8 }),
  ),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor((e.at / 1_000_000) * text.length);
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
    for (const { name, text } of designs) assertSame(text, editors(), name);
  });

  it('gives the full analysis after each of a sequence of random edits', function () {
    this.timeout(120_000);
    let edits = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...designs),
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        (design, sequence) => {
          const team = editors();
          let text = design.text;
          for (const editor of team) editor.analyse(text);
          for (const [i, e] of sequence.entries()) {
            text = apply(text, e);
            edits++;
            assertSame(text, team, `${design.name} after edit ${i + 1}`);
          }
        },
      ),
      { seed: 20260523, numRuns: 200 },
    );
    assert.ok(edits > 900, `only ${edits} edits`);
  });

  it('caches a part typed into once typing moves elsewhere, not once per keystroke', () => {
    const cache = new PartCache();
    let text = generateDesign(20_000, 7);
    let previous = analyseDesign(text, { cache });
    const parts = cache.size;
    assert.ok(parts > 5, `only ${parts} parts`);
    let at = text.indexOf('\n', text.length / 2);
    for (let i = 0; i < 40; i++) {
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      at++;
      previous = analyseDesign(text, { cache, previous });
    }
    assert.equal(cache.size, parts, "every keystroke's version of the part was cached");
    // An edit in another part keeps the typed part as it is: now it is cached.
    text = `x${text}`;
    previous = analyseDesign(text, { cache, previous });
    // (The first part, just edited, waits in turn for the analysis after this one.)
    assert.equal(cache.size, parts + 1, 'the typed part was not cached');
    assert.deepStrictEqual(view(previous), view(fullAnalysis(text)));
  });

  it('reuses the topic results of the steps an edit leaves as they were', () => {
    const text = generateDesign(20_000, 8);
    const before = analyseDesign(text);
    // A word added to the first paragraph of step 1 (requirements).
    const requirements = before.steps[0].section!;
    const at = text.indexOf('\n\n', requirements.heading.end) + 2;
    const after = analyseDesign(`${text.slice(0, at)}Also, ${text.slice(at)}`, {
      previous: before,
    });
    const memo = (analysis: Analysis, step: string) => [
      ...layoutOf(analysis.document)!.coverage.topics.get(step)!.values(),
    ];
    for (const step of ['framing', 'data', 'model', 'evaluation', 'serving', 'monitoring']) {
      const then = memo(before, step);
      const now = memo(after, step);
      assert.ok(then.length > 0, `no topics for ${step}`);
      now.forEach((result, i) => assert.equal(result, then[i], `${step}: topic ${i} recomputed`));
    }
    const then = memo(before, 'requirements');
    assert.ok(
      memo(after, 'requirements').every((result, i) => result !== then[i]),
      "the edited step's topics were not recomputed",
    );
  });

  it('gives the full analysis with a cache shared between documents and evicting parts', () => {
    const cache = new PartCache(64 * 1024);
    for (const { name, text } of designs) {
      const team = [new Editor('small shared cache', cache)];
      assertSame(text, team, name);
      assertSame(text.replace(/^(#+ .*)$/m, '$1 (revised)'), team, `${name} revised`);
    }
  });
});
