// `npm run bench:workspace`: workspace-wide checking through the real language server over stdio.
// A workspace of 1,000 generated designs of 20 KB (scripts/designGenerator.ts) is scanned at start:
// the time until every design's diagnostics are published, the server's RSS afterwards (once
// idle), and the edit-to-diagnostics latency on an open design DURING the scan (median, p95),
// next to the same edits on an idle server. Not a test: it prints Markdown (docs/benchmarks.md
// holds a run). Options: --designs N (1000), --runs N (3), --out FILE (also write the output).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../test/protocol/lspClient';
import { generateDesign } from './designGenerator';
import { quantile } from './quantile';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}
const DESIGNS = option('--designs', 1000);
const RUNS = option('--runs', 3);
const BYTES = 20_000;
const outIndex = process.argv.indexOf('--out');
const outFile = outIndex > 0 ? process.argv[outIndex + 1] : undefined;

const output: string[] = [];
function say(line = ''): void {
  output.push(line);
  console.log(line);
}

const median = (samples: number[]) => quantile(samples, 0.5);
const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function rssOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const read = (key: string) =>
    Number(new RegExp(`^${key}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: read('VmRSS'), peak: read('VmHWM') };
}

/** The workspace: DESIGNS designs in folders of 100, and one more the benchmark opens and edits. */
function makeWorkspace(): { root: string; edited: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-bench-workspace-'));
  for (let i = 0; i < DESIGNS; i++) {
    const folder = path.join(root, `team-${Math.floor(i / 100)}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `design-${i}.mlsd.md`), generateDesign(BYTES, 5000 + i));
  }
  const edited = path.join(root, 'open.mlsd.md');
  fs.writeFileSync(edited, generateDesign(BYTES, 4242));
  return { root, edited };
}

async function start(root: string | undefined): Promise<LspTestClient> {
  const client = await LspTestClient.launch({ settings: { debounceMs: 0 } });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  const uri = root ? pathToFileURL(root).toString() : null;
  await client.initialize({
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: uri ? [{ uri, name: 'bench' }] : null,
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      window: { workDoneProgress: true },
    },
  });
  return client;
}

/** Edits the open design (a letter typed at the end of a line, then deleted) until `done()`. */
async function editWhile(
  client: LspTestClient,
  uri: string,
  text: string,
  done: () => boolean,
  most = Infinity,
): Promise<number[]> {
  const lines = text.split('\n');
  const samples: number[] = [];
  for (let i = 0; !done() && samples.length < most; i++) {
    const line = (i * 37) % lines.length;
    const typed = i % 2 === 0;
    const at = lines[line].length;
    const sent = performance.now();
    const version = await client.change(uri, [
      typed
        ? { range: { start: { line, character: at }, end: { line, character: at } }, text: 'x' }
        : {
            range: { start: { line, character: at }, end: { line, character: at + 1 } },
            text: '',
          },
    ]);
    await client.nextPublish(uri, version);
    samples.push(performance.now() - sent);
    if (typed) lines[line] += 'x';
    else lines[line] = lines[line].slice(0, at);
    // A typist's pace: the edits do not saturate the server by themselves.
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return samples;
}

async function run(root: string, edited: string) {
  const openUri = pathToFileURL(edited).toString();
  const text = fs.readFileSync(edited, 'utf8');
  const published = new Set<string>();
  const began = performance.now();
  const client = await start(root);
  let allAt = 0;
  const target = DESIGNS; // the open design is the editor's, not the scan's
  const listener = setInterval(() => {
    for (const params of client.publishes.splice(0)) {
      if (params.uri !== openUri) published.add(params.uri);
    }
    if (!allAt && published.size >= target) allAt = performance.now();
  }, 5);
  try {
    await client.open(openUri, text);
    await client.nextPublish(openUri, 1);
    const during = await editWhile(client, openUri, text, () => allAt > 0);
    while (!allAt) await new Promise((resolve) => setTimeout(resolve, 20));
    const scanMs = allAt - began;
    const samples: number[] = [];
    for (let second = 1; second <= 15; second++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      samples.push(rssOf(client.process.pid!).rss);
    }
    const { peak } = rssOf(client.process.pid!);
    return { scanMs, during, rss1: samples[0], rss: samples[samples.length - 1], peak };
  } finally {
    clearInterval(listener);
    await client.stop();
  }
}

async function idleEdits(edited: string): Promise<number[]> {
  const client = await start(undefined);
  try {
    const uri = pathToFileURL(edited).toString();
    const text = fs.readFileSync(edited, 'utf8');
    await client.open(uri, text);
    await client.nextPublish(uri, 1);
    return await editWhile(client, uri, text, () => false, 200);
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const dist = path.join(__dirname, '..', 'dist', 'server.js');
  if (!fs.existsSync(dist)) throw new Error('dist/server.js is missing: run npm run build first');
  const { root, edited } = makeWorkspace();
  try {
    say(`## Workspace scan of ${DESIGNS} designs of 20 KB`);
    say();
    say(
      `\`node dist/server.js --stdio\` started on a workspace folder of ${DESIGNS} generated designs of about 20 KB (in folders of 100) plus one more that is opened at once and edited during the scan (a letter typed at the end of a line, then deleted, every 30 ms, each edit waiting for its diagnostics; \`mlsd.debounceMs\` 0). Scan time: from the server's start to the diagnostics of every design published. RSS: VmRSS 1 s after the scan and 15 s after (once idle), peak VmHWM. ${RUNS} runs; the table gives each and the medians.`,
    );
    say();
    say(
      '| Run | scan (all published) | per design | edit during scan: median | p95 | edits | RSS after 1 s | RSS idle | peak |',
    );
    say('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await run(root, edited);
      runs.push(result);
      say(
        `| ${i + 1} | ${ms(result.scanMs)} | ${ms(result.scanMs / DESIGNS)} | ${ms(median(result.during))} | ${ms(quantile(result.during, 0.95))} | ${result.during.length} | ${mib(result.rss1)} | ${mib(result.rss)} | ${mib(result.peak)} |`,
      );
    }
    const idle = await idleEdits(edited);
    const duringAll = runs.flatMap((r) => r.during);
    say(
      `| **median** | **${ms(median(runs.map((r) => r.scanMs)))}** | ${ms(median(runs.map((r) => r.scanMs)) / DESIGNS)} | **${ms(median(duringAll))}** | **${ms(quantile(duringAll, 0.95))}** | ${duringAll.length} | ${mib(median(runs.map((r) => r.rss1)))} | **${mib(median(runs.map((r) => r.rss)))}** | ${mib(median(runs.map((r) => r.peak)))} |`,
    );
    say();
    say(
      `The same edits on a server with no workspace to scan: median ${ms(median(idle))}, p95 ${ms(quantile(idle, 0.95))} (${idle.length} edits): during the scan an edit takes ${(median(duringAll) / median(idle)).toFixed(1)}× the idle median (p95 ${(quantile(duringAll, 0.95) / quantile(idle, 0.95)).toFixed(1)}×).`,
    );
    say();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  if (outFile) fs.writeFileSync(outFile, `${output.join('\n')}\n`);
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
