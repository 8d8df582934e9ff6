// Generates realistic design documents of a given size for the benchmark and the incremental
// analysis test: front matter, a title, the seven steps with sub-headings, bullets, numbered
// lists, tables, fenced code and the odd placeholder, repeated with variation (seeded) until the
// text reaches the wanted size. The same seed and size always give the same text.

/** A small seeded PRNG (mulberry32): deterministic across runs and machines. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEPS: { heading: string; subs: string[]; words: string[] }[] = [
  {
    heading: 'Clarifying requirements',
    subs: ['Business objective', 'Scale', 'Constraints', 'Features supported', 'Open questions'],
    words: [
      'business objective',
      'increase engagement',
      'daily active users',
      'latency under 200 ms',
      'privacy of user data',
      'how many users?',
      'data available from logs',
      'scale of the catalogue',
    ],
  },
  {
    heading: 'Frame the problem as an ML task',
    subs: ['ML objective', 'Input and output', 'ML category', 'Is ML needed'],
    words: [
      'ML objective',
      'input is a user and output is a ranked list',
      'binary classification',
      'learning to rank',
      'a heuristic baseline',
      'pointwise ranking',
    ],
  },
  {
    heading: 'Data preparation',
    subs: ['Data sources', 'Feature engineering', 'Labels', 'Data quality', 'Storage and ETL'],
    words: [
      'data sources',
      'feature engineering',
      'one-hot encoding',
      'embeddings of categorical features',
      'labels from implicit feedback',
      'missing values',
      'feature store',
      'class imbalance',
    ],
  },
  {
    heading: 'Model development',
    subs: ['Baseline', 'Model selection', 'Training data', 'Loss function', 'Training strategy'],
    words: [
      'a logistic regression baseline',
      'two-tower network',
      'cross-entropy loss',
      'negative sampling',
      'distributed training',
      'hyperparameter tuning',
      'gradient boosted trees',
    ],
  },
  {
    heading: 'Evaluation',
    subs: ['Offline metrics', 'Online metrics', 'Fairness', 'Trade-offs'],
    words: [
      'offline metrics such as nDCG',
      'precision and recall',
      'A/B test',
      'click-through rate',
      'fairness across segments',
      'a trade-off between relevance and freshness',
    ],
  },
  {
    heading: 'Deployment and serving',
    subs: ['Prediction pipeline', 'Cloud vs device', 'Model compression', 'Testing in production'],
    words: [
      'prediction pipeline',
      'batch prediction',
      'online prediction',
      'quantization',
      'shadow deployment',
      'canary release',
      'approximate nearest neighbour search',
    ],
  },
  {
    heading: 'Monitoring and infrastructure',
    subs: ['What to monitor', 'Drift', 'Retraining', 'Infrastructure'],
    words: [
      'data drift',
      'concept drift',
      'dashboards and alerts',
      'retraining schedule',
      'model registry',
      'orchestration of pipelines',
    ],
  },
];

const FILLER = [
  'we',
  'the',
  'model',
  'users',
  'should',
  'because',
  'items',
  'with',
  'a',
  'signal',
  'each',
  'request',
  'system',
  'then',
  'score',
  'features',
  'cheap',
  'robust',
  'which',
  'keeps',
  'latency',
  'low',
  'and',
  'quality',
  'high',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function sentence(random: () => number, topic: readonly string[]): string {
  const words: string[] = [];
  const length = 8 + Math.floor(random() * 14);
  for (let i = 0; i < length; i++)
    words.push(random() < 0.15 ? pick(random, topic) : pick(random, FILLER));
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1) + (random() < 0.08 ? '?' : '.');
}

function subSection(random: () => number, stepIndex: number, title: string, round: number): string {
  const step = STEPS[stepIndex];
  const out: string[] = [`### ${title}${round > 0 ? ` (part ${round + 1})` : ''}`, ''];
  const blocks = 2 + Math.floor(random() * 3);
  for (let b = 0; b < blocks; b++) {
    const kind = random();
    if (kind < 0.35) {
      const items = 3 + Math.floor(random() * 4);
      for (let i = 0; i < items; i++) {
        out.push(`- **${pick(random, step.words)}**: ${sentence(random, step.words)}`);
      }
    } else if (kind < 0.5) {
      const items = 3 + Math.floor(random() * 3);
      for (let i = 0; i < items; i++) out.push(`${i + 1}. ${sentence(random, step.words)}`);
    } else if (kind < 0.62) {
      out.push('| Option | Pros | Cons |', '| --- | --- | --- |');
      const rows = 2 + Math.floor(random() * 3);
      for (let i = 0; i < rows; i++) {
        out.push(
          `| ${pick(random, step.words)} | ${sentence(random, step.words)} | ${sentence(random, FILLER)} |`,
        );
      }
    } else if (kind < 0.72) {
      out.push('```python');
      const lines = 3 + Math.floor(random() * 5);
      for (let i = 0; i < lines; i++) {
        out.push(`score_${i} = model.predict(features[${i}])  # ${pick(random, FILLER)}`);
      }
      out.push('```');
    } else if (kind < 0.75) {
      out.push(`- ${pick(random, step.words)}: TODO`);
    } else {
      const sentences = 2 + Math.floor(random() * 4);
      const paragraph: string[] = [];
      for (let i = 0; i < sentences; i++) paragraph.push(sentence(random, step.words));
      out.push(paragraph.join(' '));
    }
    out.push('');
  }
  return out.join('\n');
}

/** A design of about `bytes` bytes (UTF-8), never shorter than one full pass of the seven steps. */
export function generateDesign(bytes: number, seed = 1): string {
  const random = prng(seed);
  const head = [
    '---',
    'title: Video recommendation system',
    'problem: video-recommendation',
    'level: senior',
    'minutes: 45',
    '---',
    '',
    '# Video recommendation system',
    '',
    '> Design the homepage video recommendations of a video-sharing platform.',
    '',
  ].join('\n');
  const bodies = STEPS.map(
    (step, index) =>
      `## ${index + 1}. ${step.heading}\n\n${sentence(random, step.words)} ${sentence(random, step.words)}\n`,
  );
  const tail = `## Other talking points\n\n- ${sentence(random, FILLER)}\n`;
  let size =
    Buffer.byteLength(head) +
    Buffer.byteLength(tail) +
    bodies.reduce((n, b) => n + Buffer.byteLength(b) + 1, 0);
  // Sub-sections go to the steps in turn until the text reaches the wanted size.
  const counts = STEPS.map(() => 0);
  for (let k = 0; size < bytes; k++) {
    const index = k % STEPS.length;
    const step = STEPS[index];
    const count = counts[index]++;
    const title = step.subs[count % step.subs.length];
    const sub = '\n' + subSection(random, index, title, Math.floor(count / step.subs.length));
    bodies[index] += sub;
    size += Buffer.byteLength(sub);
  }
  return [head, ...bodies, tail].join('\n');
}

/** How a design's text is spread over its headings (issue 19's three shapes). */
export type DesignShape = 'spread' | 'deep' | 'flat';

export const DESIGN_SHAPES: { shape: DesignShape; description: string }[] = [
  { shape: 'spread', description: 'spread evenly over the seven steps, under `###` sub-headings' },
  {
    shape: 'deep',
    description: 'nearly all of it in the last step under `###` sub-headings (deep-dive notes)',
  },
  { shape: 'flat', description: 'prose and lists under one heading, no other heading' },
];

const LINK_TARGETS = ['feature-store', 'two-tower', 'ab-testing', 'drift', 'ann-index', 'ctr'];
const CODE_SPANS = ['p95 < 200 ms', 'user_id', 'top_k=500', 'model.predict()', 'lr=3e-4', 'TTL 1h'];

/** A sentence with what people put in one: bold, a link, inline code (each most of the time). */
function richSentence(random: () => number, topic: readonly string[]): string {
  const plain = sentence(random, topic).slice(0, -1);
  const parts = [plain];
  if (random() < 0.7) parts.push(`with **${pick(random, topic)}**`);
  if (random() < 0.6) {
    const target = pick(random, LINK_TARGETS);
    parts.push(`(see [${target.replace(/-/g, ' ')}](https://example.com/${target}))`);
  }
  if (random() < 0.6) parts.push(`at \`${pick(random, CODE_SPANS)}\``);
  return `${parts.join(' ')}.`;
}

/**
 * One paragraph as people write design notes: prose with bold, a link and inline code, then most
 * of the time a list with nested items, a table and a fenced block.
 */
function richUnit(random: () => number, topic: readonly string[]): string {
  const out: string[] = [];
  const sentences = 2 + Math.floor(random() * 3);
  const paragraph: string[] = [];
  for (let i = 0; i < sentences; i++) paragraph.push(richSentence(random, topic));
  out.push(paragraph.join(' '), '');
  if (random() < 0.8) {
    const items = 2 + Math.floor(random() * 3);
    for (let i = 0; i < items; i++) {
      out.push(`- **${pick(random, topic)}**: ${richSentence(random, topic)}`);
      if (random() < 0.6) {
        out.push(`  - guardrail: ${sentence(random, FILLER)}`);
        out.push(`  - ${richSentence(random, topic)}`);
      }
    }
    out.push('');
  }
  if (random() < 0.6) {
    out.push('| Option | Pros | Cons |', '| --- | --- | --- |');
    const rows = 2 + Math.floor(random() * 2);
    for (let i = 0; i < rows; i++) {
      out.push(
        `| ${pick(random, topic)} | ${sentence(random, topic)} | \`${pick(random, CODE_SPANS)}\` |`,
      );
    }
    out.push('');
  }
  if (random() < 0.6) {
    out.push('```python');
    const lines = 2 + Math.floor(random() * 4);
    for (let i = 0; i < lines; i++) {
      out.push(`score_${i} = model.predict(features[${i}])  # ${pick(random, FILLER)}`);
    }
    out.push('```', '');
  }
  return out.join('\n');
}

const SHAPED_HEAD = [
  '---',
  'title: Video recommendation system',
  'problem: video-recommendation',
  'level: senior',
  'minutes: 45',
  '---',
  '',
].join('\n');

/**
 * A design of about `bytes` bytes written as people write them (links, bold, inline code, nested
 * lists, tables and fences in most paragraphs), in one of three shapes: `spread` over the seven
 * steps under sub-headings; `deep`, the last step holding nearly everything under sub-headings;
 * `flat`, prose and lists under a single heading.
 */
export function generateShapedDesign(bytes: number, shape: DesignShape, seed = 1): string {
  const random = prng(seed);
  const out: string[] = [SHAPED_HEAD];
  let size = SHAPED_HEAD.length;
  const push = (text: string) => {
    out.push(text);
    size += Buffer.byteLength(text) + 1;
  };
  if (shape === 'flat') {
    push('## Design notes\n');
    const words = STEPS.flatMap((step) => step.words);
    while (size < bytes) push(richUnit(random, words));
    return out.join('\n');
  }
  push('# Video recommendation system\n');
  const counts = STEPS.map(() => 0);
  const subSectionOf = (index: number) => {
    const step = STEPS[index];
    const count = counts[index]++;
    const title = `${step.subs[count % step.subs.length]}${count >= step.subs.length ? ` (part ${Math.floor(count / step.subs.length) + 1})` : ''}`;
    const units = 2 + Math.floor(random() * 3);
    const body = [`### ${title}\n`];
    for (let u = 0; u < units; u++) body.push(richUnit(random, step.words));
    return body.join('\n');
  };
  if (shape === 'spread') {
    // Each step gets a seventh of the text.
    STEPS.forEach((step, index) => {
      const until =
        SHAPED_HEAD.length + ((index + 1) * (bytes - SHAPED_HEAD.length)) / STEPS.length;
      push(`## ${index + 1}. ${step.heading}\n\n${richSentence(random, step.words)}\n`);
      while (size < until) push(subSectionOf(index));
    });
    return out.join('\n');
  }
  // deep: the first six steps short, the last one everything else.
  STEPS.forEach((step, index) => {
    push(`## ${index + 1}. ${step.heading}\n\n${richSentence(random, step.words)}\n`);
    if (index < STEPS.length - 1) push(subSectionOf(index));
    else while (size < bytes) push(subSectionOf(index));
  });
  return out.join('\n');
}

/** A one-character edit in LSP terms (lines and characters). */
export interface ContentEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/**
 * Edits typed into content lines: a letter, space or punctuation inserted at a random place in a
 * random line that is neither blank, a heading, a fence line nor front matter, or one character of
 * it deleted. Worked out beforehand; no edit adds or removes a line.
 */
export function contentLineEdits(original: string, count: number, seed: number) {
  const random = prng(seed);
  const lines = original.split('\n');
  const content: number[] = [];
  let frontMatter = lines[0] === '---';
  lines.forEach((line, i) => {
    if (i > 0 && frontMatter && line === '---') {
      frontMatter = false;
      return;
    }
    if (frontMatter || line.trim() === '' || line.startsWith('#') || line.startsWith('```')) return;
    content.push(i);
  });
  const alphabet = 'abcdefghijklmnopqrstuvwxyz   .,';
  const changes: ContentEdit[] = [];
  for (let i = 0; i < count; i++) {
    const line = content[Math.floor(random() * content.length)];
    const text = lines[line];
    // Not before a line's first characters (a list marker or a table's pipe stays where it is).
    const character = Math.min(
      text.length,
      4 + Math.floor(random() * Math.max(1, text.length - 4)),
    );
    const remove = random() < 0.2 && character < text.length;
    const insert = remove ? '' : alphabet[Math.floor(random() * alphabet.length)];
    lines[line] = text.slice(0, character) + insert + text.slice(character + (remove ? 1 : 0));
    changes.push({
      range: { start: { line, character }, end: { line, character: character + (remove ? 1 : 0) } },
      text: insert,
    });
  }
  return changes;
}
