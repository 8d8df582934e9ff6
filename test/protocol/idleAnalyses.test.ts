// Once idle, the server keeps the analyses of the few designs used last and lets the others go
// (server/src/openAnalyses.ts). A design whose analysis went must answer every feature exactly as
// a server that never dropped it, and dropping must not make the server analyse in a loop.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient, SERVER } from './lspClient';

const examples = path.join(__dirname, '..', '..', 'examples');
const DESIGNS = fs
  .readdirSync(examples)
  .filter((name) => name.endsWith('.mlsd.md'))
  .sort()
  .map((name) => ({
    uri: fileUri(`idle-${name}`),
    text: fs.readFileSync(path.join(examples, name), 'utf8'),
  }));
/** KEPT_WHEN_IDLE in server.ts. */
const KEPT = 4;
const IDLE_LOG = /^Idle: let go of the analyses of (\d+) designs/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function idleLogs(
  client: LspTestClient,
  count: number,
  timeoutMs = 15_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const logs = client.logs.filter((line) => IDLE_LOG.test(line));
    if (logs.length >= count) return logs;
    if (Date.now() > deadline) throw new Error(`no idle trim logged: ${client.logs.join('\n')}`);
    await sleep(50);
  }
}

/** Every answer the server gives about one design: each feature at every line that can differ. */
async function everyAnswer(client: LspTestClient, uri: string, text: string): Promise<unknown[]> {
  const textDocument = { uri };
  const lines = text.split('\n');
  const diagnostics: Diagnostic[] = client.diagnostics.get(uri)?.diagnostics ?? [];
  const answers: unknown[] = [
    diagnostics,
    await client.request('textDocument/documentSymbol', { textDocument }),
    await client.request('textDocument/foldingRange', { textDocument }),
    await client.request('textDocument/codeLens', { textDocument }),
    await client.request('mlsd/coverage', { uri }),
    await client.request('mlsd/insertMissingSteps', { uri }),
    await client.request('textDocument/codeAction', {
      textDocument,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.mlsd'] },
    }),
    await client.request('mlsd/practiceReport', {
      uri,
      chartBaseName: 'x.mlsd.report',
      sessions: [
        {
          startedAt: 0,
          endedAt: 45 * 60_000,
          minutes: 45,
          stepSeconds: {},
          requiredCovered: 0,
          requiredTotal: 0,
        },
      ],
    }),
  ];
  for (const diagnostic of diagnostics) {
    answers.push(
      await client.request('textDocument/codeAction', {
        textDocument,
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      }),
    );
  }
  for (let line = 0; line < lines.length; line++) {
    const position = { line, character: Math.min(3, lines[line].length) };
    answers.push(await client.request('textDocument/hover', { textDocument, position }));
    if (line % 4 === 0) {
      answers.push(await client.request('textDocument/completion', { textDocument, position }));
      answers.push(await client.request('mlsd/followUps', { uri, position }));
    }
  }
  return answers;
}

describe('idle server: analyses of designs not used lately are dropped', function () {
  this.timeout(120_000);
  let client: LspTestClient;

  before(function () {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    assert.ok(DESIGNS.length > KEPT, 'more example designs than the server keeps');
  });
  afterEach(async () => {
    await client?.stop();
  });

  it('a dropped design answers every feature as a server that never dropped it, and nothing is analysed in a loop', async () => {
    client = await LspTestClient.start({ debounceMs: 0 });
    for (const { uri, text } of DESIGNS) {
      await client.open(uri, text);
      await client.nextPublish(uri, 1);
    }
    const [first] = await idleLogs(client, 1);
    const dropped = DESIGNS.length - KEPT;
    assert.equal(Number(IDLE_LOG.exec(first)![1]), dropped);
    const publishedBefore = client.publishes.length;

    // The designs opened first were dropped: ask them everything, as a fresh server is asked.
    for (const { uri, text } of DESIGNS.slice(0, dropped)) {
      const answers = await everyAnswer(client, uri, text);
      // Enough is compared: lenses, actions, hovers and follow-ups with something in them.
      const filled = answers.filter((a) => a !== null && !(Array.isArray(a) && a.length === 0));
      assert.ok(filled.length > 20, `${uri}: ${filled.length} answers with content`);
      const fresh = await LspTestClient.start({ debounceMs: 0 });
      try {
        await fresh.open(uri, text);
        await fresh.nextPublish(uri, 1);
        assert.deepEqual(answers, await everyAnswer(fresh, uri, text), uri);
      } finally {
        await fresh.stop();
      }
    }
    // Asking re-analysed them: they are the most recent now, and the next idle drops others.
    const logs = await idleLogs(client, 2);
    assert.equal(Number(IDLE_LOG.exec(logs[1])![1]), dropped);
    // Nothing more happens on its own: no publishing again, no other trim.
    await sleep(3000);
    assert.equal(client.logs.filter((line) => IDLE_LOG.test(line)).length, 2);
    assert.equal(client.publishes.length, publishedBefore, 'nothing published again');
  });

  it('an edit to a dropped design is checked from its text as before', async () => {
    client = await LspTestClient.start({ debounceMs: 0 });
    for (const { uri, text } of DESIGNS) {
      await client.open(uri, text);
      await client.nextPublish(uri, 1);
    }
    await idleLogs(client, 1);
    const { uri, text } = DESIGNS[0];
    const before = client.diagnostics.get(uri)!.diagnostics;
    // Type a letter at the end of the first line, then take it back.
    const end = text.indexOf('\n');
    const at = { line: 0, character: end };
    let version = await client.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
    await client.nextPublish(uri, version);
    version = await client.change(uri, [
      { range: { start: at, end: { line: 0, character: end + 1 } }, text: '' },
    ]);
    const after = await client.nextPublish(uri, version);
    assert.deepEqual(after.diagnostics, before);
  });
});
