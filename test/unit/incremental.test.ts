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
import { Analyzer, type AnalyzerOptions } from '../../server/src/analysis/analyse';
import type { Analysis } from '../../server/src/model/analysis';
import { documentBlocks } from '../helpers/analyse';
import { wholeTextAnalysis } from '../oracle/wholeTextAnalysis';
import { toFileReport } from '../../server/src/cli/report';
import { PartScanner, splitParts } from '../../server/src/parse/parts';
import { PieceText } from '../../server/src/core/pieceText';
import { DESIGN_SHAPES, generateDesign, generateShapedDesign } from '../../scripts/designGenerator';
import { LONG_SHAPES } from '../fuzz/longShapes';

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
// Issue 19's shapes: designs as people write them, and long stretches of one kind of block.
for (const { shape } of DESIGN_SHAPES) {
  designs.push({ name: `${shape} 12 KB`, text: generateShapedDesign(12_000, shape, 5) });
}
for (const shape of LONG_SHAPES) designs.push({ name: shape.name, text: shape.make(6_000) });

/** The topic results of the last analysis of 'design', by step. */
function memosOf(analyzer: Analyzer): (step: string) => unknown[] {
  const topics = analyzer.layoutOf('design')!.coverage.topics;
  return (step) => [...topics.get(step)!.values()];
}

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
    blocks: documentBlocks(analysis),
    nonProse: document.nonProse,
    comments: document.comments,
    lineStarts: document.lines.lineStarts,
    numbersSteps: document.numbersSteps,
    stepDepth: document.stepDepth,
    steps: analysis.steps.map((s) => ({
      step: s.step.id,
      words: s.words,
      terms: s.terms,
      items: s.items,
      minutes: s.minutes,
      thinWords: s.thinWords,
      section: s.section && { ...s.section, heading: s.section.heading.index },
      topics: s.topics.map((t) => ({
        topic: t.topic.id,
        required: t.topic.required,
        status: t.status,
        evidence: t.evidence,
      })),
    })),
  };
}

/**
 * Analyses one document edit after edit as the language server does (passing the previous
 * analysis), with its own cache: as shipped, with a careless split (inside fences and HTML
 * blocks too, so parts must be joined back), or with remark for every part.
 */
class Editor {
  private static documents = 0;
  /** Each editor is a document of its own, so editors may share an analyzer. */
  private readonly uri = `design-${Editor.documents++}`;

  /** The text as the server holds it: edited piece by piece (`pieces` editors only). */
  private pieces?: PieceText;

  constructor(
    readonly name: string,
    readonly analyzer: Analyzer,
    /** Typed into as the server's document is (core/pieceText.ts), not given whole texts. */
    readonly typesPieces = false,
  ) {}

  /** Replaces [start, end) of the text with `insert` (what `apply` does to the string). */
  type(start: number, end: number, insert: string): void {
    if (this.pieces) this.pieces = this.pieces.edit(start, end, insert);
  }

  analyse(text: string): Analysis {
    if (!this.typesPieces) return this.analyzer.analyse(text, { document: this.uri });
    this.pieces ??= PieceText.cut(text);
    assert.equal(this.pieces.length, text.length, `${this.name}: typed text out of step`);
    return this.analyzer.analyse(this.pieces, { document: this.uri });
  }
}

function editors(analyzer = new Analyzer()): Editor[] {
  const testing = (options: AnalyzerOptions['testing']) => new Analyzer({ testing: options });
  return [
    new Editor('as shipped', analyzer),
    new Editor('careless split', testing({ carelessSplit: true })),
    new Editor('remark only', testing({ noFastParser: true })),
    // Runs of blocks split off every 100 characters: a split at nearly every place one may be.
    new Editor('short runs', testing({ minRun: 100 })),
    // The server's way: the text is edited piece by piece and says what the edit changed, and
    // the analysis reads a window around it (analysis/layout.ts).
    new Editor('typed pieces', new Analyzer(), true),
    new Editor('typed pieces, short runs', testing({ minRun: 100 }), true),
  ];
}

function assertSame(text: string, team: Editor[], context: string): void {
  const full = view(wholeTextAnalysis(text));
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

/** Applies a random edit to the text, and types it into the editors that are typed into. */
function apply(
  text: string,
  e: { at: number; remove: number; insert: string },
  team: Editor[] = [],
): string {
  const at = Math.floor((e.at / 1_000_000) * text.length);
  const end = Math.min(text.length, at + e.remove);
  for (const editor of team) editor.type(at, end, e.insert);
  return text.slice(0, at) + e.insert + text.slice(end);
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

  it('splits a long stretch with no heading where a run of top-level blocks starts', () => {
    const text = [
      '## One',
      'a paragraph',
      '',
      '```',
      '',
      'code, not a run start',
      '```',
      '- an item',
      '- another',
      '      indented code',
      '',
      '   indented, not a run start',
      '',
      'lazy',
      '---',
      '',
      '## Two',
      '',
      'last',
    ].join('\n');
    const lines = (starts: number[]) => starts.map((s) => text.slice(s).split('\n')[0]);
    assert.deepEqual(lines(splitParts(text)), ['## One', '## Two']);
    assert.deepEqual(lines(splitParts(text, true, 1)), [
      '## One',
      '```',
      '- an item',
      '- another',
      'lazy',
      '## Two',
      'last',
    ]);
    // A scan may start again at any part start and finds the same ones after it.
    const starts = splitParts(text, true, 1);
    for (const from of starts.slice(1)) {
      const scanner = new PartScanner(text, from, true, 1);
      const after: number[] = [];
      for (let at = scanner.next(); at >= 0; at = scanner.next()) after.push(at);
      assert.deepEqual(
        after,
        starts.filter((s) => s > from),
        `from ${lines([from])[0]}`,
      );
    }
  });

  it('re-reads the touched run of a long part, not the part', () => {
    const analyzer = new Analyzer();
    let text = generateShapedDesign(200_000, 'flat', 9);
    analyzer.analyse(text, { document: 'design' });
    const before = analyzer.layoutOf('design')!.parts.map((p) => p.entry);
    assert.ok(before.length > 50, `only ${before.length} parts`);
    const at = text.indexOf(' ', text.length / 2);
    text = `${text.slice(0, at)} also${text.slice(at)}`;
    const analysis = analyzer.analyse(text, { document: 'design' });
    const after = analyzer.layoutOf('design')!.parts.map((p) => p.entry);
    const built = after.filter((entry) => !before.includes(entry));
    assert.ok(built.length <= 2, `${built.length} parts built again`);
    assert.ok(built.every((entry) => entry.text.length < 8_000));
    assert.deepStrictEqual(view(analysis), view(wholeTextAnalysis(text)));
  });

  it('takes the parts (and their code ranges) before an edit as they were, and re-reads a run of 1-2 KB', () => {
    const analyzer = new Analyzer();
    let text = generateShapedDesign(100_000, 'deep', 4);
    const first = analyzer.analyse(text, { document: 'design' });
    const before = analyzer.layoutOf('design')!.parts;
    // A letter typed into a paragraph with a link, bold text and inline code, halfway through.
    const at = text.indexOf('(see [', text.length / 2) - 2;
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    const analysis = analyzer.analyse(text, { document: 'design' });
    const after = analyzer.layoutOf('design')!.parts;
    const edited = after.findIndex(
      (part) => part.start <= at && at < part.start + part.entry.text.length,
    );
    assert.ok(edited > 10, `edit in part ${edited}`);
    // The same objects, not copies.
    for (let i = 0; i < edited - 1; i++) assert.equal(after[i], before[i], `part ${i}`);
    const built = after.filter((part) => !before.some((old) => old.entry === part.entry));
    assert.equal(built.length, 1);
    assert.ok(!built[0].entry.fast, 'read by the fast parser');
    assert.ok(
      built[0].entry.text.length < 3_000,
      `${built[0].entry.text.length} characters re-read`,
    );
    // The code ranges of the parts before the edit are the previous document's, not copies.
    const kept = analysis.document.nonProse.filter((r) => r.end <= after[edited].start);
    assert.ok(kept.length > 5, `${kept.length} ranges before the edit`);
    for (const range of kept) assert.ok(first.document.nonProse.includes(range));
    assert.deepStrictEqual(view(analysis), view(wholeTextAnalysis(text)));
  });

  it('does not split an unclosed front matter', () => {
    assert.deepEqual(splitParts('---\ntitle: x\n## One\n## Two\n'), [0]);
  });

  it('gives the full analysis on every fixture and example', function () {
    this.timeout(120_000);
    for (const { name, text } of designs) assertSame(text, editors(), name);
  });

  it('gives the full analysis after each of a sequence of random edits', function () {
    this.timeout(300_000);
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
            text = apply(text, e, team);
            edits++;
            assertSame(text, team, `${design.name} after edit ${i + 1}`);
          }
        },
      ),
      { seed: 20260523, numRuns: 200 },
    );
    assert.ok(edits > 900, `only ${edits} edits`);
  });

  it('gives the full analysis when several edits are typed between two analyses', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(
        fc.constantFrom(...designs),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (design, batches) => {
          const team = editors().filter((editor) => editor.typesPieces);
          let text = design.text;
          for (const editor of team) editor.analyse(text);
          for (const [i, batch] of batches.entries()) {
            for (const e of batch) text = apply(text, e, team);
            assertSame(text, team, `${design.name} after batch ${i + 1}`);
          }
        },
      ),
      { seed: 20261205, numRuns: 60 },
    );
  });

  it('reads a typed edit without making the text one string, and re-reads only near it', () => {
    const analyzer = new Analyzer();
    const text = generateShapedDesign(200_000, 'spread', 3);
    let typed = PieceText.cut(text);
    analyzer.analyse(typed, { document: 'design' });
    const before = analyzer.layoutOf('design')!.parts;
    const at = text.indexOf('\n\n', 100_000) + 1;
    typed = typed.edit(at, at, 'More words here. ');
    const joins = PieceText.joins;
    const analysis = analyzer.analyse(typed, { document: 'design' });
    assert.equal(PieceText.joins, joins, 'the edited text was made one string');
    const after = analyzer.layoutOf('design')!.parts;
    const built = after.filter((part) => !before.some((p) => p.entry === part.entry));
    // The run typed into, and the one after it where the run starts moved with the typing.
    const read = built.reduce((sum, part) => sum + part.entry.text.length, 0);
    assert.ok(built.length >= 1 && read <= 8_000, `${built.length} parts, ${read} characters read`);
    assert.ok(built.every((part) => Math.abs(part.start - at) < 4_000));
    const expected = text.slice(0, at) + 'More words here. ' + text.slice(at);
    assert.deepStrictEqual(view(analysis), view(wholeTextAnalysis(expected)));
  });

  it("works out fix-all of a typed design as pieces: the oracle's edits, no string of the whole", () => {
    const analyzer = new Analyzer();
    const text = fs.readFileSync(
      path.join(root, 'examples', 'incomplete-news-feed.mlsd.md'),
      'utf8',
    );
    let typed = PieceText.cut(text);
    analyzer.analyse(typed, { document: 'design' });
    const at = text.indexOf('\n\n') + 1;
    typed = typed.edit(at, at, 'A new paragraph.\n\n');
    const expected = text.slice(0, at) + 'A new paragraph.\n\n' + text.slice(at);
    const joins = PieceText.joins;
    const fixAll = analyzer.analyse(typed, { document: 'design' }).fixAll();
    assert.equal(PieceText.joins, joins, 'fix-all made the design one string');
    assert.ok(fixAll, 'the incomplete example has a fix-all');
    assert.deepStrictEqual(fixAll, wholeTextAnalysis(expected).fixAll());
  });

  it('caches a part typed into once typing moves elsewhere, not once per keystroke', () => {
    const analyzer = new Analyzer();
    const { cache } = analyzer;
    const analyse = (text: string) => analyzer.analyse(text, { document: 'design' });
    let text = generateDesign(20_000, 7);
    let previous = analyse(text);
    const parts = cache.size;
    assert.ok(parts > 5, `only ${parts} parts`);
    let at = text.indexOf('\n', text.length / 2);
    for (let i = 0; i < 40; i++) {
      text = `${text.slice(0, at)}x${text.slice(at)}`;
      at++;
      previous = analyse(text);
    }
    assert.equal(cache.size, parts, "every keystroke's version of the part was cached");
    // An edit in another part keeps the typed part as it is: now it is cached.
    text = `x${text}`;
    previous = analyse(text);
    // (The first part, just edited, waits in turn for the analysis after this one.)
    assert.equal(cache.size, parts + 1, 'the typed part was not cached');
    assert.deepStrictEqual(view(previous), view(wholeTextAnalysis(text)));
  });

  it('reuses the topic results of the steps an edit leaves as they were', () => {
    const text = generateDesign(20_000, 8);
    const analyzer = new Analyzer();
    const before = analyzer.analyse(text, { document: 'design' });
    const memoBefore = memosOf(analyzer);
    // A word added to the first paragraph of step 1 (requirements).
    const requirements = before.steps[0].section!;
    const at = text.indexOf('\n\n', requirements.heading.end) + 2;
    analyzer.analyse(`${text.slice(0, at)}Also, ${text.slice(at)}`, { document: 'design' });
    const memoAfter = memosOf(analyzer);
    for (const step of ['framing', 'data', 'model', 'evaluation', 'serving', 'monitoring']) {
      const then = memoBefore(step);
      const now = memoAfter(step);
      assert.ok(then.length > 0, `no topics for ${step}`);
      now.forEach((result, i) => assert.equal(result, then[i], `${step}: topic ${i} recomputed`));
    }
    const then = memoBefore('requirements');
    assert.ok(
      memoAfter('requirements').every((result, i) => result !== then[i]),
      "the edited step's topics were not recomputed",
    );
  });

  it('reuses the step assignment while the headings are as they were', () => {
    let text = generateDesign(100_000, 8);
    const analyzer = new Analyzer();
    const analyse = () => analyzer.analyse(text, { document: 'design' });
    const memo = () => analyzer.layoutOf('design')!.assignment!;
    analyse();
    const first = memo();
    assert.ok(first.reads.size > 0, 'no section was read');
    // A word typed into the middle of a paragraph, far from any heading.
    let at = text.indexOf('. ', text.length / 2) + 2;
    text = `${text.slice(0, at)}Also ${text.slice(at)}`;
    let analysis = analyse();
    assert.equal(memo().reads, first.reads, 'the assignment was worked out again');
    assert.deepStrictEqual(view(analysis), view(wholeTextAnalysis(text)));
    // A heading renamed: worked out again.
    at = text.indexOf('\n## ', text.length / 3) + 4;
    text = `${text.slice(0, at)}Other ${text.slice(at)}`;
    analysis = analyse();
    assert.notEqual(memo().reads, first.reads, 'the assignment was not worked out again');
    assert.deepStrictEqual(view(analysis), view(wholeTextAnalysis(text)));
  });

  it('keeps the lines of unchanged parts: shared for the same text, moved after an edit', () => {
    let text = generateShapedDesign(40_000, 'spread', 3);
    const analyzer = new Analyzer();
    const analyse = () => analyzer.analyse(text, { document: 'design' });
    const first = analyse();
    assert.equal(analyse().document.lines.lineStarts, first.document.lines.lineStarts);
    const full = () => view(wholeTextAnalysis(text));
    // A character typed in the middle, lines added there, a heading added, parts deleted at the
    // start, the middle and the end, text added at the end: each gives the full analysis.
    const middle = text.indexOf('\n', text.length / 2) + 1;
    const versions = [
      `${text.slice(0, middle)}x${text.slice(middle)}`,
      `${text.slice(0, middle)}One line.\n\nTwo lines.\n${text.slice(middle)}`,
      `${text.slice(0, middle)}\n## Evaluation\n\nOffline metrics.\n${text.slice(middle)}`,
      text.slice(0, text.length / 4) + text.slice((3 * text.length) / 4),
      text.slice(text.length / 3),
      text.slice(0, text.length / 2),
      `${text}\n## Summary\n\nAll of it.\n`,
    ];
    for (const [i, version] of versions.entries()) {
      analyse();
      text = version;
      assert.deepStrictEqual(view(analyse()), full(), `version ${i + 1}`);
    }
  });

  it('design checks read again only the part an edit changed, and give the full analysis', () => {
    const text = generateDesign(20_000, 8);
    const analyzer = new Analyzer();
    const analyse = (version: string) => analyzer.analyse(version, { document: 'design' });
    const before = analyse(text);
    assert.ok(
      before.findings.some((f) => f.rule.id === 'MLSD104'),
      'no design check fired',
    );
    // From now on, count each part's reads of its blocks by the rules.
    const reads: string[] = [];
    const old = analyzer.layoutOf('design')!.parts.map(({ entry }) => entry);
    for (const entry of old) {
      const prose = entry.prose!;
      if (entry.blockStarts.length === 0) continue; // front matter alone
      assert.ok(prose.memo.size > 0, 'the design checks remembered nothing of a part');
      const blocks = prose.blocks;
      Object.assign(prose, { blocks: () => (reads.push(entry.text.slice(0, 40)), blocks()) });
    }
    // A word added to the first paragraph of step 1 (requirements).
    const at = text.indexOf('\n\n', before.steps[0].section!.heading.end) + 2;
    const edited = `${text.slice(0, at)}Also, ${text.slice(at)}`;
    const after = analyse(edited);
    const parts = analyzer.layoutOf('design')!.parts.map(({ entry }) => entry);
    assert.equal(parts.filter((entry) => !old.includes(entry)).length, 1);
    assert.deepEqual(reads, [], 'an unchanged part was read again');
    assert.ok(
      after.findings.some((f) => f.rule.id === 'MLSD104'),
      'the design check went quiet',
    );
    assert.deepStrictEqual(view(after), view(wholeTextAnalysis(edited)));
  });

  it('gives the full analysis with a cache shared between documents and evicting parts', function () {
    this.timeout(120_000);
    const analyzer = new Analyzer({ cacheBytes: 64 * 1024 });
    for (const { name, text } of designs) {
      const team = [new Editor('small shared cache', analyzer)];
      assertSame(text, team, name);
      assertSame(text.replace(/^(#+ .*)$/m, '$1 (revised)'), team, `${name} revised`);
    }
  });
});
