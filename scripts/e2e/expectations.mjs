// @ts-check
// What the editor scenarios expect, computed before the editor starts from the same build the
// .vsix holds: the findings of `mlsd check --format json`, the `mlsd` snippet's text as VS Code
// inserts it (first choice, default placeholders) and its findings, and the New Design templates
// from the language server's `mlsd/templates` request (over --stdio, as any LSP client).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './paths.mjs';
import { FILES, writeJsonAtomic } from '../../test/e2e/driver/protocol.js';

/**
 * @typedef {import('../../test/e2e/driver/protocol.js').CliReport} CliReport
 * @typedef {import('../../test/e2e/driver/protocol.js').Expected} Expected
 */

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SERVER = path.join(ROOT, 'dist', 'server.js');
export const SNIPPET_NAME = 'MLSD design (7 steps)';

/**
 * `mlsd check --format json` of one file: { diagnostics, steps, … }.
 * @param {string} file
 * @returns {CliReport}
 */
export function check(file) {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], {
    encoding: 'utf8',
    cwd: path.dirname(file),
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`mlsd check ${file} failed (${result.status}): ${result.stderr}`);
  }
  const [report] = JSON.parse(result.stdout);
  return report;
}

/**
 * A snippet body as VS Code inserts it when nothing is typed: defaults and first choices.
 * @param {string[]} body
 */
export function expandSnippet(body) {
  let text = body.join('\n');
  text = text.replace(/\$\{\d+\|([^,|}]*)(?:,[^|}]*)*\|\}/g, '$1');
  // Nested placeholders are not used by the snippets; resolve the simple ones repeatedly.
  for (let previous; previous !== text;) {
    previous = text;
    text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  }
  return text.replace(/\$\{\d+\}|\$\d+/g, '');
}

/**
 * @param {string} scratch
 * @returns {Expected['snippet']}
 */
function snippet(scratch) {
  const snippets = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'snippets', 'mlsd.code-snippets'), 'utf8'),
  );
  const entry = snippets[SNIPPET_NAME];
  if (!entry) throw new Error(`snippets/mlsd.code-snippets has no "${SNIPPET_NAME}"`);
  const text = expandSnippet(entry.body);
  const file = path.join(scratch, 'snippet.mlsd.md');
  fs.writeFileSync(file, text);
  return { name: SNIPPET_NAME, prefix: entry.prefix, text, diagnostics: check(file).diagnostics };
}

/**
 * Sends one request to `dist/server.js --stdio` and returns its result.
 * @param {string} method
 * @param {unknown} [params]
 * @returns {Promise<unknown>}
 */
export function serverRequest(method, params = {}, timeoutMs = 20_000) {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, [SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let buffer = Buffer.alloc(0);
    let stderr = '';
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
      reject(new Error(`${method}: no answer from dist/server.js within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    /** @param {Record<string, unknown>} message */
    const send = (message) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
      server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      server.stdin.write(body);
    };
    /**
     * @param {Error | undefined} error
     * @param {unknown} [value]
     */
    const finish = (error, value) => {
      clearTimeout(timer);
      try {
        send({ id: 99, method: 'shutdown' });
        send({ method: 'exit' });
      } catch {
        // Already gone.
      }
      setTimeout(() => server.kill('SIGKILL'), 1000).unref();
      if (error) reject(error);
      else resolve(value);
    };
    server.stderr.on('data', (data) => (stderr += data));
    server.on('error', (error) => finish(error));
    server.stdout.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const header = buffer.subarray(0, headerEnd).toString('ascii');
        const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(
          buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'),
        );
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.method && message.id !== undefined) {
          send({ id: message.id, result: null }); // a request from the server: nothing to give
        } else if (message.id === 1) {
          send({ method: 'initialized', params: {} });
          send({ id: 2, method, params });
        } else if (message.id === 2) {
          if (message.error) finish(new Error(`${method}: ${message.error.message}`));
          else finish(undefined, message.result);
        }
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dist/server.js exited (${code}) before answering ${method}: ${stderr}`));
    });
    send({
      id: 1,
      method: 'initialize',
      params: { processId: process.pid, rootUri: null, capabilities: {} },
    });
  });
}

/**
 * Writes `expected.json` into `dir` for the designs in `workspace`.
 * @param {string} dir
 * @param {string} workspace
 */
export async function writeExpectations(dir, workspace) {
  const news = check(path.join(workspace, 'incomplete-news-feed.mlsd.md'));
  const { templates } = /** @type {{ templates: Expected['templates'] }} */ (
    await serverRequest('mlsd/templates')
  );
  /** @type {Expected} */
  const expected = { news, snippet: snippet(dir), templates };
  writeJsonAtomic(path.join(dir, FILES.expected), expected);
  return expected;
}
