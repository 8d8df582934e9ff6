// Generators of hostile input for the property tests (test/unit/fuzz.test.ts) and `npm run fuzz`
// (scripts/fuzz.ts): arbitrary text (binary bytes, NUL, lone surrogates, Markdown soup, CR/LF
// mixes) and mutations of the real designs in the fixture corpus (lines inserted, deleted,
// duplicated, headings swapped, step headings injected at random levels, random Unicode). Every
// generator is a fast-check arbitrary, so a failure shrinks to a small reproducer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { builtInRegistry } from '../../server/src/framework/registry';

const ROOT = path.join(__dirname, '..', '..');

/** The fixture designs mutations start from: test/fixtures/designs, test/fixtures/rules, examples. */
export function corpus(): { name: string; text: string }[] {
  const dirs = ['test/fixtures/designs', 'test/fixtures/rules', 'examples'];
  const files: { name: string; text: string }[] = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(path.join(ROOT, dir)).sort()) {
      if (!name.endsWith('.mlsd.md')) continue;
      files.push({
        name: `${dir}/${name}`,
        text: fs.readFileSync(path.join(ROOT, dir, name), 'utf8'),
      });
    }
  }
  return files;
}

/** Step names as writers spell them: canonical titles and a few aliases per language. */
function stepNames(): string[] {
  const framework = builtInRegistry().defaultFramework;
  const names: string[] = [];
  for (const step of framework.steps) {
    names.push(step.title, `${step.number}. ${step.title}`, `Step ${step.number}: ${step.title}`);
  }
  const data = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'server/src/framework/data/aminian-7.json'), 'utf8'),
  ) as { steps: { aliases: Record<string, string[]> }[] };
  for (const step of data.steps) {
    for (const list of Object.values(step.aliases)) names.push(...list.slice(0, 4));
  }
  return names;
}

let cachedNames: string[] | undefined;
const names = () => (cachedNames ??= stepNames());

// Pieces of Markdown that exercise the parser's and the checker's corners.
const FRAGMENTS = [
  '# ',
  '## ',
  '### ',
  '#### ',
  '####### ',
  '#',
  ' ',
  '  ',
  '    ',
  '\t',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '> ',
  '>',
  '```',
  '~~~',
  '```js',
  '---',
  '***',
  '___',
  '===',
  '|',
  '| a | b |',
  '|---|',
  '**',
  '*',
  '_',
  '__',
  '`',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](#x)',
  '[x]: /y',
  '<',
  '>',
  '<!--',
  '-->',
  '<!-- mlsd-disable -->',
  '<!-- mlsd-enable -->',
  '<!-- mlsd-disable-next-line -->',
  '<!-- mlsd-disable-line MLSD006 -->',
  '<!-- mlsd-disable-file thin-step -->',
  '<div>',
  '</div>',
  'TODO',
  'TBD',
  '{{placeholder}}',
  '<describe the goal>',
  '...',
  'fill in',
  '\\',
  '&amp;',
  '&#0;',
  'problem: visual-search',
  'problem: ',
  'framework: x',
  'level: staff',
  'minutes: 45',
  'title: ',
  ': ',
  '{#anchor}',
  '(5 min)',
  '1️⃣',
  '🔥',
  'Ⅳ.',
  'IV.',
  '0.',
  '2.1 ',
  '&',
  'business objective',
  'latency',
  'offline metrics',
  'online metrics',
  'drift',
  'feature engineering',
  'loss function',
  'training data',
  'prediction pipeline',
  '评估',
  '数据准备',
  'モデル開発',
  '평가',
  'Оценка',
  'Évaluation',
  'é',
  'e\u0301',
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\udbff\udfff',
  '\ud83d',
  '\r',
  '\n',
  '\r\n',
  '\n\n',
];

const fragment = fc.constantFrom(...FRAGMENTS);

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any UTF-16 code unit at all, lone surrogates and controls included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** A heading naming a step (or an extra section), at any level, possibly setext. */
export const stepHeading: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 7 }), fc.nat(), fc.boolean())
  .map(([level, pick, setext]) => {
    const list = names();
    const name = list[pick % list.length];
    if (setext && level <= 2) return `${name}\n${level === 1 ? '===' : '---'}`;
    return `${'#'.repeat(level)} ${name}`;
  });

/** A line of Markdown soup. */
const soupLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: stepHeading },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 20 }) },
);

/** Arbitrary text: bytes, code units, graphemes and Markdown soup with mixed line breaks. */
export const arbitraryText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(soupLine, lineBreak), { maxLength: 60 }).map(join) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map(latin1) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map(utf8) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 500 }) },
  { weight: 1, arbitrary: fc.string({ unit: loneSurrogate, maxLength: 50 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 500 }) },
  { weight: 1, arbitrary: fc.string({ unit: fragment, maxLength: 300 }) },
);

function join(lines: [string, string][]): string {
  return lines.map(([line, br]) => line + br).join('');
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}

// --- Mutations of real designs ---

type Mutation =
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'swapHeadings'; a: number; b: number }
  | { kind: 'injectStep'; at: number; heading: string }
  | { kind: 'unicode'; at: number; text: string }
  | { kind: 'lineBreaks'; style: string; every: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'relevel'; at: number; level: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: soupLine }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({ kind: fc.constant('swapHeadings' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('injectStep' as const), at: fc.nat(), heading: stepHeading }),
  fc.record({
    kind: fc.constant('unicode' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ unit: codeUnit, minLength: 1, maxLength: 8 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
      fragment,
    ),
  }),
  fc.record({
    kind: fc.constant('lineBreaks' as const),
    style: fc.constantFrom('\r\n', '\r', '\n'),
    every: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('relevel' as const),
    at: fc.nat(),
    level: fc.integer({ min: 0, max: 7 }),
  }),
);

/** Applies mutations to a design. Lines are split on any line break and joined back with "\n". */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split(/\r\n|\r|\n/);
  let joined: string | undefined;
  const headingLines = () =>
    lines.map((line, i) => (/^\s{0,3}#{1,6}(\s|$)/.test(line) ? i : -1)).filter((i) => i >= 0);
  for (const m of mutations) {
    if (joined !== undefined) {
      lines = joined.split(/\r\n|\r|\n/);
      joined = undefined;
    }
    const n = lines.length;
    switch (m.kind) {
      case 'insert':
        lines.splice(m.at % (n + 1), 0, m.line);
        break;
      case 'delete':
        lines.splice(m.at % n, m.count);
        break;
      case 'duplicate': {
        const at = m.at % n;
        lines.splice(at, 0, ...lines.slice(at, at + m.count));
        break;
      }
      case 'swapHeadings': {
        const hs = headingLines();
        if (hs.length < 2) break;
        const a = hs[m.a % hs.length];
        const b = hs[m.b % hs.length];
        [lines[a], lines[b]] = [lines[b], lines[a]];
        break;
      }
      case 'injectStep':
        lines.splice(m.at % (n + 1), 0, '', m.heading, '');
        break;
      case 'unicode': {
        const all = lines.join('\n');
        const at = m.at % (all.length + 1);
        joined = all.slice(0, at) + m.text + all.slice(at);
        break;
      }
      case 'lineBreaks':
        joined = lines
          .map(
            (line, i) => line + (i === lines.length - 1 ? '' : i % m.every === 0 ? m.style : '\n'),
          )
          .join('');
        break;
      case 'truncate': {
        const all = lines.join('\n');
        joined = all.slice(0, m.at % (all.length + 1));
        break;
      }
      case 'relevel': {
        const hs = headingLines();
        if (hs.length === 0) break;
        const at = hs[m.at % hs.length];
        lines[at] = lines[at].replace(/^\s{0,3}#{1,6}/, '#'.repeat(m.level));
        break;
      }
    }
  }
  return joined ?? lines.join('\n');
}

/** A fixture design with up to `max` mutations. */
export function mutatedDesign(max = 8): fc.Arbitrary<{ name: string; text: string }> {
  const designs = corpus();
  return fc
    .tuple(fc.nat({ max: designs.length - 1 }), fc.array(mutation, { maxLength: max }))
    .map(([index, mutations]) => ({
      name: `${designs[index].name} + ${mutations.length} mutation(s)`,
      text: mutate(designs[index].text, mutations),
    }));
}

/**
 * A large design (up to about 100 KB): several fixture designs one after another, mutated. This is
 * where the 1 s budget is measured on realistic text.
 */
export function largeDesign(): fc.Arbitrary<{ name: string; text: string }> {
  const designs = corpus();
  return fc
    .tuple(
      fc.array(fc.nat({ max: designs.length - 1 }), { minLength: 5, maxLength: 40 }),
      fc.array(mutation, { maxLength: 20 }),
    )
    .map(([indices, mutations]) => {
      let text = '';
      for (const index of indices) {
        if (text.length + designs[index].text.length > 100_000) break;
        text += designs[index].text + '\n';
      }
      return {
        name: `${indices.length} designs joined + ${mutations.length} mutation(s)`,
        text: mutate(text, mutations).slice(0, 100 * 1024),
      };
    });
}

// --- Big, pathological documents (the named cases of issue 6) ---

export interface HostileCase {
  name: string;
  make: () => string;
}

/** Deterministic hostile documents: each is checked once, not sampled. */
export const HOSTILE: HostileCase[] = [
  {
    name: 'NUL bytes',
    make: () => '\0# 1. Clarifying\0 requirements\n\0\0\n## Data\0\n'.repeat(200),
  },
  {
    name: '100 KB of binary bytes',
    make: () => latin1(Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256)),
  },
  {
    name: 'lone UTF-16 surrogates in headings and prose',
    make: () => '# \ud800 Evaluation \udc00\n\ud83d\n## 2. \udfff Data\ud800\n\ud800'.repeat(500),
  },
  { name: 'a 5 MB single line', make: () => 'word '.repeat(1_000_000) },
  { name: 'a 5 MB single line with no space', make: () => 'a'.repeat(5_000_000) },
  { name: '10,000-deep nested list on one line', make: () => '- '.repeat(10_000) + 'x\n' },
  { name: '10,000-deep ordered list on one line', make: () => '1. '.repeat(10_000) + 'x\n' },
  { name: '10,000-deep blockquote on one line', make: () => '>'.repeat(10_000) + ' x\n' },
  {
    name: '10,000-deep mixed quote and list with a step heading inside',
    make: () => '## 1. Data preparation\n' + '> - '.repeat(5_000) + '## Evaluation\n',
  },
  {
    name: 'blockquotes nested one deeper per line (100 KB)',
    make: () => Array.from({ length: 440 }, (_, i) => '>'.repeat(i + 1) + ' x').join('\n'),
  },
  {
    name: 'lists indented one deeper per line (100 KB)',
    make: () => Array.from({ length: 300 }, (_, i) => '  '.repeat(i) + '- x').join('\n'),
  },
  {
    name: '10,000 nested emphasis (a 20,000-star run each side)',
    make: () => '# ' + '*'.repeat(20_000) + 'Evaluation' + '*'.repeat(20_000) + '\n',
  },
  { name: 'alternating emphasis delimiters (100 KB)', make: () => '*_'.repeat(50_000) },
  { name: 'unmatched brackets (100 KB)', make: () => '['.repeat(50_000) + ']'.repeat(50_000) },
  { name: 'nested images (100 KB)', make: () => '!['.repeat(25_000) + 'x' + '](u)'.repeat(12_000) },
  {
    name: 'code spans of every length',
    make: () => Array.from({ length: 3000 }, (_, i) => '`'.repeat(1 + (i % 40)) + 'a').join(' '),
  },
  { name: 'unclosed fences', make: () => '# Title\n```\n## 1. Data preparation\n'.repeat(4000) },
  {
    name: 'unclosed fence then every step',
    make: () => '~~~~\n' + corpus()[0].text,
  },
  {
    name: '8,000 headings',
    make: () =>
      Array.from(
        { length: 8000 },
        (_, i) => '#'.repeat(1 + (i % 6)) + ' ' + names()[(i * 7) % names().length],
      ).join('\n'),
  },
  {
    name: '5,000 step headings of one step',
    make: () => Array.from({ length: 5000 }, (_, i) => `## ${i % 9}. Evaluation`).join('\n\n'),
  },
  {
    name: 'huge front matter (8,000 keys)',
    make: () =>
      '---\n' + Array.from({ length: 8000 }, (_, i) => `k${i}: v${i}`).join('\n') + '\n---\n# x\n',
  },
  {
    name: 'huge front matter (1 MB)',
    make: () =>
      '---\n' +
      Array.from({ length: 80_000 }, (_, i) => `k${i}: v${i}`).join('\n') +
      '\n---\n## 1. Data\n',
  },
  { name: 'broken front matter', make: () => '---\n: : :\n  - [\n{{{\n\t\tx: "\n---\n# x\n' },
  {
    name: 'front matter with no closing fence',
    make: () => '---\nproblem: x\n' + 'a: b\n'.repeat(20_000),
  },
  {
    name: 'front matter alias bomb',
    make: () => {
      const lines = ['---', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
      let prev = 'a';
      for (const key of 'bcdefghij') {
        lines.push(`${key}: &${key} [${Array(10).fill(`*${prev}`).join(', ')}]`);
        prev = key;
      }
      lines.push(`problem: *${prev}`, `title: *${prev}`, '---', '# x', '');
      return lines.join('\n');
    },
  },
  { name: 'front matter 5,000 deep', make: () => '---\na: ' + '['.repeat(5000) + '\n---\n' },
  {
    name: 'front matter with __proto__ and duplicate keys',
    make: () =>
      '---\n__proto__: {problem: visual-search}\nconstructor: 1\nlevel: x\nlevel: y\n---\n# x\n',
  },
  {
    name: 'CR, LF and CRLF mixed',
    make: () => '# 1. Data\r\r\n## 2. Evaluation\r\nfoo\rbar\n\r- x\r\n\r'.repeat(3000),
  },
  { name: 'CR only', make: () => corpus()[3].text.replace(/\n/g, '\r') },
  { name: 'HTML comment openers (100 KB)', make: () => '<!--'.repeat(25_000) },
  { name: '4,500 disable comments', make: () => '<!-- mlsd-disable -->\n'.repeat(4500) + '# x\n' },
  { name: '20,000 placeholders', make: () => '## 1. Data\n' + 'TODO\n'.repeat(20_000) },
  {
    name: 'a 100 KB heading',
    make: () => '## ' + 'Data preparation and evaluation '.repeat(3000) + '\n',
  },
  { name: 'a 100 KB numbered heading', make: () => '## 1.' + '1.'.repeat(50_000) + '\n' },
  { name: 'BOM then front matter', make: () => '\ufeff---\nproblem: news-feed\n---\n\ufeff# x\n' },
];
