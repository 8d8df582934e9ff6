// Long inputs of one shape, for timing how analysis grows with length (issue 19): each shape used
// to take time growing faster than its length (one 1 MB list: 38 s). `npm run fuzz` reports the
// time per KB at two sizes; linear growth keeps the two close.
const sentence = (i: number) =>
  `Item ${i} keeps the **ranking model** under [100 ms](https://example.com/${i}) with \`p95\` latency.`;

export interface LongShape {
  name: string;
  /** About `bytes` characters of the shape. */
  make: (bytes: number) => string;
}

function repeat(head: string, line: (i: number) => string, bytes: number): string {
  const lines: string[] = [head];
  let length = head.length;
  for (let i = 0; length < bytes; i++) {
    const next = line(i);
    lines.push(next);
    length += next.length;
  }
  return lines.join('');
}

export const LONG_SHAPES: LongShape[] = [
  {
    name: 'one long list',
    make: (bytes) =>
      repeat('## 1. Clarifying requirements\n\n', (i) => `- ${sentence(i)}\n`, bytes),
  },
  {
    name: 'one long table',
    make: (bytes) =>
      repeat(
        '## 1. Clarifying requirements\n\n| a | b |\n|---|---|\n',
        (i) => `| ${sentence(i)} | x |\n`,
        bytes,
      ),
  },
  {
    name: 'many short blocks in one step',
    make: (bytes) =>
      repeat('## 1. Clarifying requirements\n\n', (i) => `${sentence(i)}\n\n`, bytes),
  },
  {
    name: 'prose with no headings',
    make: (bytes) => repeat('', (i) => `${sentence(i)} ${sentence(i + 1)}\n\n`, bytes),
  },
];
