// `npm run bench`: how fast mlsd is, next to remark-parse and markdownlint, on generated designs of
// 5 KB, 20 KB, 100 KB and 1 MB (scripts/designGenerator.ts). Not a test: it prints medians and
// 95th percentiles as Markdown (docs/benchmarks.md holds a run) and checks them against the
// targets of issues 5 and 19 (designs shaped as people write them, long parts of one shape).
// Options: --quick (fewer repetitions), --out FILE (also write the output), --only LIST (some
// sections only, comma-separated: cold, edits, shapes, growth, memory, cli, bundles).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { lint as markdownlint } from 'markdownlint/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import '../server/src/dataFiles';
import { Analyzer } from '../server/src/analysis/analyse';
import { wholeTextAnalysis } from '../test/oracle/wholeTextAnalysis';
import { SERVER_ENV } from '../common/src/serverProcess';
import { fileUri, LspTestClient } from '../test/protocol/lspClient';
import { LONG_SHAPES } from '../test/fuzz/longShapes';
import { DESIGN_SHAPES, generateDesign, prng } from './designGenerator';
import { quantile } from './quantile';
import { typeIntoShapes, type ShapeDesign } from './shapeTyping';

const root = path.join(__dirname, '..');
const quick = process.argv.includes('--quick');
const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? process.argv[outIndex + 1] : undefined;

const SIZES = [
  { label: '5 KB', bytes: 5_000, runs: 40 },
  { label: '20 KB', bytes: 20_000, runs: 30 },
  { label: '100 KB', bytes: 100_000, runs: 15 },
  { label: '1 MB', bytes: 1_000_000, runs: 7 },
];
const EDITS = quick ? 50 : 200;
const CLI_FILES = quick ? 200 : 1000;
const OPEN_DESIGNS = 50;
const SHAPE_EDITS = 60;
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? new Set(process.argv[onlyIndex + 1].split(',')) : undefined;
const runs = (section: string) => !only || only.has(section);

const output: string[] = [];
function say(line = ''): void {
  output.push(line);
  console.log(line);
}

interface Stats {
  median: number;
  p95: number;
}

function stats(samples: number[]): Stats {
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

const ms = (value: number) =>
  value >= 100
    ? `${value.toFixed(0)} ms`
    : value >= 10
      ? `${value.toFixed(1)} ms`
      : `${value.toFixed(2)} ms`;
const kb = (bytes: number) =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} KB`;

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function machine(): string[] {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(os.cpus().length);
  return [
    `- CPU: ${model}, ${nproc} processors available (nproc)`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version} on ${os.type()} ${os.release()} (${os.arch()})`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
  ];
}

const remark = unified().use(remarkParse);

function coldAnalysis(designs: { label: string; text: string; runs: number }[]) {
  say('## Cold analysis (no cached parts) next to remark-parse and markdownlint');
  say();
  say(
    'Each run analyses the whole text with an empty part cache (what opening a file costs); remark-parse parses the same text (`unified().use(remarkParse).parse`), markdownlint lints it with its default rules (`markdownlint/sync`). Runs are interleaved.',
  );
  say();
  say(
    '| Design | mlsd cold median (p95) | whole-text oracle (test/) | remark-parse median (p95) | markdownlint median (p95) | mlsd / remark | markdownlint / mlsd |',
  );
  say('| --- | --- | --- | --- | --- | --- | --- |');
  const results = new Map<string, { mlsd: Stats; remark: Stats; markdownlint: Stats }>();
  for (const { label, text, runs } of designs) {
    const mlsd: number[] = [];
    const whole: number[] = [];
    const parse: number[] = [];
    const lint: number[] = [];
    const count = quick ? Math.max(3, Math.ceil(runs / 4)) : runs;
    for (let i = -2; i < count; i++) {
      const a = time(() => new Analyzer().analyse(text));
      const b = time(() => remark.parse(text));
      const c = time(() => markdownlint({ strings: { design: text } }));
      const d = i % 2 === 0 || count < 10 ? time(() => wholeTextAnalysis(text)) : undefined;
      if (i < 0) continue; // warm-up
      mlsd.push(a);
      parse.push(b);
      lint.push(c);
      if (d !== undefined) whole.push(d);
    }
    const r = { mlsd: stats(mlsd), remark: stats(parse), markdownlint: stats(lint) };
    results.set(label, r);
    say(
      `| ${label} (${kb(Buffer.byteLength(text))}) | ${ms(r.mlsd.median)} (${ms(r.mlsd.p95)}) | ${ms(stats(whole).median)} | ${ms(r.remark.median)} (${ms(r.remark.p95)}) | ${ms(r.markdownlint.median)} (${ms(r.markdownlint.p95)}) | ${(r.mlsd.median / r.remark.median).toFixed(2)} | ${(r.markdownlint.median / r.mlsd.median).toFixed(1)}× |`,
    );
  }
  say();
  return results;
}

/**
 * The bench's edits, worked out before any is timed: a letter, space, punctuation, line break or
 * "#" inserted at a random place, or one character deleted.
 */
function randomEdits(original: string, seed: number) {
  const random = prng(seed);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz     .,?\n#';
  let text = original;
  const changes: { range: { start: Position; end: Position }; text: string }[] = [];
  for (let i = 0; i < EDITS; i++) {
    const offset = Math.floor(random() * text.length);
    const remove = random() < 0.2 && offset < text.length;
    const insert = remove ? '' : alphabet[Math.floor(random() * alphabet.length)];
    const start = positionAt(text, offset);
    const end = remove ? positionAt(text, offset + 1) : start;
    text = text.slice(0, offset) + insert + text.slice(offset + (remove ? 1 : 0));
    changes.push({ range: { start, end }, text: insert });
  }
  return changes;
}

// A full collection in this process, between timed edits.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

interface Position {
  line: number;
  character: number;
}

/** Line and character of an offset (the client side of an LSP edit). */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

async function editLatency(designs: { label: string; text: string }[]) {
  say('## Edit-to-diagnostics latency through the language server (stdio)');
  say();
  say(
    `\`node dist/server.js --stdio\`, started as the extension starts it (environment \`${Object.entries(
      SERVER_ENV,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(
        ' ',
      )}\`), with \`mlsd.debounceMs\` 0; for each design, ${EDITS} random single-character edits (a letter, space, punctuation, line break or \`#\` inserted, or one character deleted, worked out beforehand) sent one at a time as incremental \`didChange\`; the time is from sending the change to receiving \`publishDiagnostics\` for that version (the benchmark process collects its own garbage before each edit, so its pauses are not counted).`,
  );
  say();
  say('| Design | open (first diagnostics) | edit median | edit p95 | edit max |');
  say('| --- | --- | --- | --- | --- |');
  const client = await LspTestClient.start({ debounceMs: 0 });
  const results = new Map<string, Stats>();
  try {
    for (const [index, { label, text: original }] of designs.entries()) {
      const uri = fileUri(`bench-${index}.mlsd.md`);
      const opened = performance.now();
      await client.open(uri, original);
      await client.nextPublish(uri, 1);
      const openTime = performance.now() - opened;
      const samples: number[] = [];
      for (const change of randomEdits(original, 1000 + index)) {
        // The client's own garbage is collected before the clock starts, so that only the server's
        // work (and the pipe) is timed.
        collectGarbage();
        const sent = performance.now();
        const version = await client.change(uri, [change]);
        await client.nextPublish(uri, version);
        samples.push(performance.now() - sent);
      }
      await client.close(uri);
      const s = stats(samples);
      results.set(label, s);
      say(
        `| ${label} | ${ms(openTime)} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(Math.max(...samples))} |`,
      );
    }
  } finally {
    await client.stop();
  }
  say();
  return results;
}

interface ShapeResult {
  label: string;
  open: number;
  edit: Stats;
  markdownlint: number;
}

/** Issue 19's three shapes at 100 KB and 1 MB, through the server, next to markdownlint. */
async function shapedDesigns(): Promise<ShapeResult[]> {
  say('## Designs as people write them: three shapes through the language server');
  say();
  say(
    `Designs from \`generateShapedDesign\` (scripts/designGenerator.ts, seed 1) whose paragraphs carry bold text, a link and inline code, most followed by a list with nested items, a table and a fence: ${DESIGN_SHAPES.map((s) => `**${s.shape}**, ${s.description}`).join('; ')}. Through \`node dist/server.js --stdio\` as above: the open time (to the first diagnostics), then ${SHAPE_EDITS} random one-character edits typed into content lines (not headings, fence lines or front matter), each waiting for its diagnostics. markdownlint: median of its lint of the same text (default rules, in this process).`,
  );
  say();
  say(
    '| Design | size | headings | open | edit median | edit p95 | markdownlint | markdownlint / edit p95 | open / markdownlint |',
  );
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  // markdownlint is timed after the server's runs: one lint of a 1 MB design leaves about 190 MB of
  // garbage in this process, and collecting it, around the open and the first edits, took the
  // second core from the server while it was timed (the 1 MB shapes' p95 fell by 3-5 ms once the
  // lint moved here).
  const typed: { design: ShapeDesign; open: number; samples: number[] }[] = [];
  const client = await LspTestClient.start({ debounceMs: 0 });
  try {
    await typeIntoShapes(client, SHAPE_EDITS, {
      beforeTimed: collectGarbage,
      done: (design, open, samples) => void typed.push({ design, open, samples }),
    });
  } finally {
    await client.stop();
  }
  const results: ShapeResult[] = [];
  for (const { design, open, samples } of typed) {
    const { shape, size, text, bytes } = design;
    const lintRuns = quick ? 1 : bytes > 100_000 ? 3 : 7;
    const lint: number[] = [];
    for (let i = 0; i < lintRuns; i++) {
      lint.push(time(() => markdownlint({ strings: { design: text } })));
    }
    const result = {
      label: `${shape} ${size}`,
      open,
      edit: stats(samples),
      markdownlint: stats(lint).median,
    };
    results.push(result);
    const headings = text.split('\n').filter((line) => /^#{1,6} /.test(line)).length;
    say(
      `| ${result.label} | ${kb(Buffer.byteLength(text))} | ${headings} | ${ms(open)} | ${ms(result.edit.median)} | ${ms(result.edit.p95)} | ${ms(result.markdownlint)} | ${(result.markdownlint / result.edit.p95).toFixed(0)}× | ${(open / result.markdownlint).toFixed(2)} |`,
    );
  }
  say();
  return results;
}

interface GrowthResult {
  name: string;
  ratio: number;
}

/**
 * How cold analysis time grows with one long part of one shape (test/fuzz/longShapes.ts): time
 * per KB at 250 KB and at 1 MB; a ratio near 1 is linear.
 */
function growth(): GrowthResult[] {
  say('## Growth with the length of one part');
  say();
  say(
    "Cold analysis (`new Analyzer().analyse`, in this process) of texts of one shape (test/fuzz/longShapes.ts, the shapes of `npm run fuzz`'s timing report), median of the runs, at 250 KB and 1 MB; the ratio of the times per KB is 1 when time grows linearly with the text.",
  );
  say();
  say('| Shape | 250 KB | 1 MB | ms/KB at 250 KB | ms/KB at 1 MB | ratio |');
  say('| --- | --- | --- | --- | --- | --- |');
  const results: GrowthResult[] = [];
  for (const shape of LONG_SHAPES) {
    const [small, large] = [250, 1000].map((size) => {
      const text = shape.make(size * 1024);
      const samples: number[] = [];
      const count = quick ? 2 : 5;
      for (let i = 0; i < count; i++) {
        collectGarbage();
        samples.push(time(() => new Analyzer().analyse(text)));
      }
      return stats(samples).median;
    });
    const ratio = large / 1000 / (small / 250);
    results.push({ name: shape.name, ratio });
    say(
      `| ${shape.name} | ${ms(small)} | ${ms(large)} | ${(small / 250).toFixed(2)} | ${(large / 1000).toFixed(2)} | ${ratio.toFixed(2)} |`,
    );
  }
  say();
  return results;
}

function rssOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const read = (key: string) =>
    Number(new RegExp(`^${key}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: read('VmRSS'), peak: read('VmHWM') };
}

async function serverMemory() {
  say(`## Server memory with ${OPEN_DESIGNS} designs open`);
  say();
  const client = await LspTestClient.start({ debounceMs: 0 });
  try {
    const pid = client.process.pid!;
    const idle = rssOf(pid).rss;
    let bytes = 0;
    for (let i = 0; i < OPEN_DESIGNS; i++) {
      const text = generateDesign(20_000, 100 + i);
      bytes += Buffer.byteLength(text);
      const uri = fileUri(`memory-${i}.mlsd.md`);
      await client.open(uri, text);
      await client.nextPublish(uri, 1);
    }
    // Ask for what the editor asks for after opening (outline, lenses, folding).
    for (let i = 0; i < OPEN_DESIGNS; i++) {
      const uri = fileUri(`memory-${i}.mlsd.md`);
      await client.request('textDocument/codeLens', { textDocument: { uri } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    }
    // The server gives memory back a few seconds after it goes idle: sample until then.
    const samples: number[] = [];
    for (let second = 1; second <= 15; second++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      samples.push(rssOf(pid).rss);
    }
    const rss = samples[samples.length - 1];
    const { peak } = rssOf(pid);
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
    say(
      `${OPEN_DESIGNS} designs of about 20 KB (${kb(bytes)} in all) opened and analysed, then code lenses and symbols asked for each. VmRSS 1 s later: ${mib(samples[0])}; 15 s later, once idle: **${mib(rss)}** (${(rss / 1e6).toFixed(1)} MB). Peak (VmHWM) ${mib(peak)}; ${mib(idle)} before the first document.`,
    );
    say();
    return rss;
  } finally {
    await client.stop();
  }
}

function runTool(command: string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, command, {
    cwd,
    stdio: ['ignore', 'ignore', 'ignore'],
    maxBuffer: 1 << 30,
  });
  if (result.error) throw result.error;
  return performance.now() - start;
}

function cliComparison() {
  say(`## CLI over ${CLI_FILES} designs of 20 KB`);
  say();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-bench-'));
  try {
    let bytes = 0;
    for (let i = 0; i < CLI_FILES; i++) {
      const text = generateDesign(20_000, 5000 + i);
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(path.join(dir, `design-${String(i).padStart(4, '0')}.mlsd.md`), text);
    }
    const cli = path.join(root, 'dist', 'cli.js');
    const cli2 = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    const ours: number[] = [];
    const theirs: number[] = [];
    const rounds = quick ? 1 : 3;
    for (let i = 0; i < rounds; i++) {
      ours.push(runTool([cli, 'check', '--format', 'json', '.'], dir));
      theirs.push(runTool([cli2, '*.md'], dir));
    }
    const a = stats(ours).median;
    const b = stats(theirs).median;
    say(
      `Files written to a temporary folder (${kb(bytes)} in all); each tool run ${rounds} times as a fresh process, output discarded, median wall time:`,
    );
    say();
    say('| Tool | Time | Per file |');
    say('| --- | --- | --- |');
    say(`| \`node dist/cli.js check --format json .\` | ${ms(a)} | ${ms(a / CLI_FILES)} |`);
    say(`| \`markdownlint-cli2 "*.md"\` | ${ms(b)} | ${ms(b / CLI_FILES)} |`);
    say();
    say(`mlsd takes ${(a / b).toFixed(2)} of markdownlint-cli2's time.`);
    say();
    return { ours: a, theirs: b };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundles each platform loads: the desktop's (with the CLI's launcher) and the web's. */
const PLATFORM_BUNDLES = {
  desktop: ['extension.js', 'server.js', 'cli.js'],
  web: ['browserExtension.js', 'browserServer.js'],
} as const;

function bundleSizes(): Record<keyof typeof PLATFORM_BUNDLES, number> {
  say('## Bundles (minified)');
  say();
  say('| File | Size |');
  say('| --- | --- |');
  const totals = { desktop: 0, web: 0 };
  for (const platform of ['desktop', 'web'] as const) {
    for (const file of PLATFORM_BUNDLES[platform]) {
      const size = fs.statSync(path.join(root, 'dist', file)).size;
      totals[platform] += size;
      say(`| dist/${file} | ${kb(size)} (${size} bytes) |`);
    }
    const total = totals[platform];
    say(`| **${platform} together** | **${kb(total)}** (${total} bytes) |`);
  }
  say();
  return totals;
}

async function main() {
  if (!fs.existsSync(path.join(root, 'dist', 'server.js'))) {
    throw new Error('dist/server.js is missing: run `npm run build` first (npm run bench does).');
  }
  say('# mlsd benchmark');
  say();
  say(machine().join('\n'));
  say();
  const designs = SIZES.map(({ label, bytes, runs }) => ({
    label,
    runs,
    text: generateDesign(bytes, 1),
  }));
  say(
    `Designs generated by scripts/designGenerator.ts (seed 1): front matter, title, the seven steps with sub-headings, bullets, numbered lists, pipe tables, fenced code and a few placeholders, repeated with variation: ${designs.map((d) => `${d.label} = ${Buffer.byteLength(d.text)} bytes, ${d.text.split('\n').length} lines`).join('; ')}.`,
  );
  say();
  const cold = runs('cold') ? coldAnalysis(designs) : undefined;
  const edits = runs('edits') ? await editLatency(designs) : undefined;
  const shapes = runs('shapes') ? await shapedDesigns() : undefined;
  const grown = runs('growth') ? growth() : undefined;
  const rss = runs('memory') ? await serverMemory() : undefined;
  const cli = runs('cli') ? cliComparison() : undefined;
  const bundles = runs('bundles') ? bundleSizes() : undefined;

  const rows: [string, string, boolean][] = [];
  if (cold && edits) {
    const mb = cold.get('1 MB')!;
    const edit1mb = edits.get('1 MB')!;
    rows.push(
      ['Edit-to-diagnostics p95 on 1 MB <= 15 ms', ms(edit1mb.p95), edit1mb.p95 <= 15],
      [
        '... at least 50x faster than markdownlint linting it',
        `${(mb.markdownlint.median / edit1mb.p95).toFixed(0)}× (markdownlint ${ms(mb.markdownlint.median)})`,
        mb.markdownlint.median / edit1mb.p95 >= 50,
      ],
    );
  }
  if (cold) {
    const cold100 = cold.get('100 KB')!;
    rows.push([
      'Cold analysis at 100 KB no slower than remark-parse',
      `${ms(cold100.mlsd.median)} vs ${ms(cold100.remark.median)} (${(cold100.mlsd.median / cold100.remark.median).toFixed(2)}×)`,
      cold100.mlsd.median <= cold100.remark.median,
    ]);
  }
  for (const shape of (shapes ?? []).filter((s) => s.label.endsWith('1 MB'))) {
    rows.push(
      [`${shape.label}: edit p95 <= 15 ms`, ms(shape.edit.p95), shape.edit.p95 <= 15],
      [
        `${shape.label}: edit p95 at least 50x faster than markdownlint`,
        `${(shape.markdownlint / shape.edit.p95).toFixed(0)}×`,
        shape.markdownlint / shape.edit.p95 >= 50,
      ],
      [
        `${shape.label}: open no slower than markdownlint's lint`,
        `${ms(shape.open)} vs ${ms(shape.markdownlint)} (${(shape.open / shape.markdownlint).toFixed(2)})`,
        shape.open <= shape.markdownlint,
      ],
    );
  }
  for (const { name, ratio } of grown ?? []) {
    rows.push([
      `${name}: linear growth (ms/KB at 1 MB over 250 KB <= 1.5)`,
      ratio.toFixed(2),
      ratio <= 1.5,
    ]);
  }
  if (cli) {
    rows.push([
      `CLI over ${CLI_FILES} designs at most half markdownlint-cli2's time`,
      `${ms(cli.ours)} vs ${ms(cli.theirs)} (${(cli.ours / cli.theirs).toFixed(2)})`,
      cli.ours <= cli.theirs / 2,
    ]);
  }
  if (rss !== undefined) {
    rows.push([
      `Server RSS with ${OPEN_DESIGNS} designs open <= 80 MB`,
      `${(rss / 2 ** 20).toFixed(1)} MiB = ${(rss / 1e6).toFixed(1)} MB, once idle`,
      rss <= 80e6,
    ]);
  }
  if (bundles) {
    rows.push(
      ['Desktop bundles together <= 1 MB', kb(bundles.desktop), bundles.desktop <= 1_000_000],
      ['Web bundles together <= 1 MB', kb(bundles.web), bundles.web <= 1_000_000],
    );
  }
  say('## Targets');
  say();
  say('| Target | Measured | Met |');
  say('| --- | --- | --- |');
  for (const [target, measured, met] of rows)
    say(`| ${target} | ${measured} | ${met ? 'yes' : 'no'} |`);
  say();
  if (outFile) {
    // Hand-written notes below the figures (from "## Notes" on) are kept across runs.
    const previous = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
    const notes = previous.indexOf('\n## Notes');
    fs.writeFileSync(
      outFile,
      `${output.join('\n')}\n${notes >= 0 ? previous.slice(notes) : ''}`.replace(/\n{3,}/g, '\n\n'),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
