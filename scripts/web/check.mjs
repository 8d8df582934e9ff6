#!/usr/bin/env node
/* global fetch, TextEncoder, TextDecoder, Blob, Worker, setTimeout, document -- runInPage runs in the page */
// @ts-check
// `npm run test:web`: the web build in a real browser. Serves dist/ on localhost, opens a harness
// page in headless Chromium (Playwright, the Debian chromium of the editor tests) that starts the
// web worker language server (dist/browserServer.js) with the framework data (dist/data.json) as
// the web client does (one Blob URL: client/src/browserExtension.ts), opens every example design
// under a virtual-file-system URI (vscode-vfs:, no file: path) and speaks LSP to the worker. Passes
// when the findings (rule id, line, message) equal `mlsd check --format json examples/`'s, and the
// outline, hover and quick fixes answer as on the desktop. Why a harness page and not the editor:
// see docs/web.md. Options: --screenshot F   save the page showing the findings to F (docs/web.png)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM, ROOT } from '../e2e/paths.mjs';

// As the editor tests launch it (scripts/e2e/run.mjs).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const { values } = parseArgs({ options: { screenshot: { type: 'string' } } });

for (const file of ['browserServer.js', 'data.json', 'cli.js']) {
  if (!fs.existsSync(path.join(ROOT, 'dist', file))) {
    console.error(`dist/${file} is missing: run npm run build`);
    process.exit(2);
  }
}

const examples = fs
  .readdirSync(path.join(ROOT, 'examples'))
  .filter((name) => name.endsWith('.mlsd.md'))
  .sort();

/** @typedef {{ file: string, ruleId: string, line: number, message: string }} Finding */

/** @returns {Finding[]} */
function cliFindings() {
  const run = spawnSync(
    process.execPath,
    ['bin/mlsd.js', 'check', '--format', 'json', 'examples/'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`mlsd check failed: ${run.stderr}`);
  /** @type {Array<{ file: string, diagnostics: Array<{ ruleId: string, line: number, message: string }> }>} */
  const reports = JSON.parse(run.stdout);
  return reports.flatMap((report) =>
    report.diagnostics.map((d) => ({
      file: path.basename(report.file),
      ruleId: d.ruleId,
      line: d.line,
      message: d.message,
    })),
  );
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>mlsd web build</title>
<style>body{font:13px system-ui,sans-serif;margin:16px;background:#1e1e1e;color:#ddd}
h1{font-size:16px}h2{font-size:13px;margin:14px 0 4px;color:#9cdcfe}table{border-collapse:collapse}
td{padding:2px 8px;vertical-align:top}.error{color:#f48771}.warning{color:#cca700}.info{color:#75beff}
.hint{color:#999}</style><h1>mlsd language server in a web worker (dist/browserServer.js)</h1>
<div id="out">starting…</div>`;

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(PAGE);
    return;
  }
  const name = url.pathname.replace(/^\/+/, '');
  const file = path.join(ROOT, name);
  if (!/^(dist|examples)\/[\w.-]+$/.test(name) || !fs.existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/octet-stream' });
  response.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
  const errors = /** @type {string[]} */ ([]);
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('crash', () => console.error('the page crashed'));
  page.on('console', (message) => process.env.MLSD_WEB_DEBUG && console.log(message.text()));
  await page.goto(`http://127.0.0.1:${port}/`);
  const result = await page.evaluate(runInPage, { examples, timeoutMs: 120_000 });
  const browserFindings = /** @type {Finding[]} */ (result.findings);
  const key = (/** @type {Finding} */ f) => `${f.file}:${f.line} ${f.ruleId} ${f.message}`;
  const expected = cliFindings().map(key).sort();
  const actual = browserFindings.map(key).sort();
  const missing = expected.filter((k) => !actual.includes(k));
  const extra = actual.filter((k) => !expected.includes(k));
  const check = (/** @type {boolean} */ ok, /** @type {string} */ what) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failed = true;
  };
  check(
    missing.length === 0 && extra.length === 0,
    `findings of ${examples.length} example designs equal mlsd check's (${expected.length})` +
      [
        ...missing.map((k) => `\n     missing: ${k}`),
        ...extra.map((k) => `\n     extra:   ${k}`),
      ].join(''),
  );
  check(expected.length > 0, 'the examples have findings to compare');
  check(result.symbols >= 7, `outline of ${examples[0]}: its 7 steps (${result.symbols} symbols)`);
  check(result.hover.includes('MLSD'), `hover on a finding names its rule`);
  check(
    result.hover.includes('https://docs.test/rules/'),
    `hover links the rule page the client gave`,
  );
  check(result.quickFixes > 0, `quick fixes offered for the findings (${result.quickFixes})`);
  check(result.templates > 1, `New Design templates (${result.templates})`);
  check(errors.length === 0, `no page errors${errors.map((e) => `\n     ${e}`).join('')}`);
  if (values.screenshot) {
    await page.screenshot({ path: values.screenshot });
    console.log(`screenshot: ${values.screenshot}`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(failed ? 'web check failed' : 'web check passed');
process.exitCode = failed ? 1 : 0;

/**
 * Runs in the page: the worker as the web client starts it, and an LSP conversation with it.
 * @param {{ examples: string[], timeoutMs: number }} options
 */
async function runInPage({ examples, timeoutMs }) {
  const get = async (/** @type {string} */ url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const [data, code] = await Promise.all([get('/dist/data.json'), get('/dist/browserServer.js')]);
  const encoder = new TextEncoder();
  const url = URL.createObjectURL(
    new Blob([encoder.encode('self.MLSD_BUILT_IN_DATA='), data, encoder.encode(';\n'), code], {
      type: 'text/javascript',
    }),
  );
  const worker = new Worker(url, { name: 'mlsd' });
  let nextId = 1;
  /** @type {Map<number, (value: any) => void>} */
  const pending = new Map();
  /** @type {Map<string, any[]>} */
  const diagnostics = new Map();
  /** @type {Array<() => void>} */
  const waiters = [];
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.id !== undefined && message.method === undefined) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.method === 'textDocument/publishDiagnostics') {
      diagnostics.set(message.params.uri, message.params.diagnostics);
      for (const wake of waiters.splice(0)) wake();
    } else if (message.id !== undefined) {
      // A request of the server's (workspace/configuration, registration): answer empty.
      worker.postMessage({ jsonrpc: '2.0', id: message.id, result: null });
    }
  };
  const request = (/** @type {string} */ method, /** @type {unknown} */ params) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  const notify = (/** @type {string} */ method, /** @type {unknown} */ params) =>
    worker.postMessage({ jsonrpc: '2.0', method, params });
  const deadline = Date.now() + timeoutMs;
  await request('initialize', {
    processId: null,
    rootUri: null,
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    initializationOptions: { ruleDocs: 'https://docs.test/rules/' },
  });
  notify('initialized', {});
  const uriOf = (/** @type {string} */ name) => `vscode-vfs://github/mlsd/examples/${name}`;
  for (const name of examples) {
    const text = new TextDecoder().decode(await get(`/examples/${name}`));
    notify('textDocument/didOpen', {
      textDocument: { uri: uriOf(name), languageId: 'markdown', version: 1, text },
    });
  }
  while (examples.some((name) => !diagnostics.has(uriOf(name)))) {
    if (Date.now() > deadline) throw new Error('the worker did not publish diagnostics in time');
    await new Promise((resolve) => {
      waiters.push(() => resolve(undefined));
      setTimeout(resolve, 500);
    });
  }
  const findings = examples.flatMap((name) =>
    (diagnostics.get(uriOf(name)) ?? []).map((d) => ({
      file: name,
      ruleId: d.code,
      line: d.range.start.line + 1,
      message: d.message,
      severity: d.severity,
    })),
  );
  const symbols = /** @type {any[]} */ (
    await request('textDocument/documentSymbol', { textDocument: { uri: uriOf(examples[0]) } })
  );
  const withFindings = examples.find((name) => (diagnostics.get(uriOf(name)) ?? []).length > 0);
  let hover = '';
  let quickFixes = 0;
  if (withFindings) {
    const found = diagnostics.get(uriOf(withFindings)) ?? [];
    const answer = /** @type {any} */ (
      await request('textDocument/hover', {
        textDocument: { uri: uriOf(withFindings) },
        position: found[0].range.start,
      })
    );
    hover = answer?.contents?.value ?? '';
    const actions = /** @type {any[]} */ (
      await request('textDocument/codeAction', {
        textDocument: { uri: uriOf(withFindings) },
        range: { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } },
        context: { diagnostics: found },
      })
    );
    quickFixes = actions.filter((a) => a.kind === 'quickfix').length;
  }
  const templates = /** @type {any} */ (await request('mlsd/templates', null));
  worker.terminate();

  const names = ['', 'error', 'warning', 'info', 'hint'];
  const escape = (/** @type {string} */ s) =>
    s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
  const out = /** @type {HTMLElement} */ (document.getElementById('out'));
  out.innerHTML = examples
    .map((name) => {
      const rows = findings
        .filter((f) => f.file === name)
        .map(
          (f) =>
            `<tr><td>${f.line}</td><td class="${names[f.severity]}">${names[f.severity]}</td><td>${f.ruleId}</td><td>${escape(f.message)}</td></tr>`,
        )
        .join('');
      return `<h2>${uriOf(name)}</h2>${rows ? `<table>${rows}</table>` : 'no findings'}`;
    })
    .join('');
  return {
    findings,
    symbols: symbols.length,
    hover,
    quickFixes,
    templates: templates?.templates?.length ?? 0,
  };
}
