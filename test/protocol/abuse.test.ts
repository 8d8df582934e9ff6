// Protocol abuse (issue 6): the bundled server over stdio gets broken JSON, broken framing, unknown
// methods, requests before `initialize`, stale and out-of-range edits, a storm of edits, every
// request cancelled and a 10 MB document. After each, a fresh design still gets a hover and exactly
// the diagnostics the checker gives for its text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CancellationTokenSource,
  type Diagnostic,
  type Hover,
  type InitializeParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { analyseDesign } from '../../server/src/analysis/analyse';
import { diagnosticsFor } from '../../server/src/features/diagnostics';
import { MAX_CHECKED_CHARACTERS } from '../../server/src/features/documentSize';
import { fileUri, LspTestClient, SERVER } from './lspClient';

const FRESH = [
  '# Feed ranking',
  '',
  '## 1. Clarifying requirements',
  '',
  'The business objective is engagement; 500 million daily users; latency under 200 ms.',
  '',
  '## 2. Framing the problem as an ML task',
  '',
  'ML objective: maximize engagement. Input: a user; output: a ranked list. Learning to rank.',
  '',
  '## 4. Model development',
  '',
  'A multi-task DNN; training data from impressions; binary cross-entropy loss.',
  '',
  '## 5. Evaluation',
  '',
  'Offline: ROC-AUC. Online: A/B test on engagement.',
  '',
].join('\n');
const EVALUATION_LINE = 14;

const INITIALIZE: InitializeParams = {
  processId: process.pid,
  rootUri: null,
  capabilities: {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: { completion: { completionItem: { snippetSupport: true } } },
  },
  workspaceFolders: null,
};

let counter = 0;
const unique = (name: string) => fileUri(`abuse-${++counter}-${name}.mlsd.md`);

/** What the server must publish for `text`: the checker's own diagnostics, compared by content. */
function expected(text: string): string[] {
  return diagnosticsFor(analyseDesign(text)).map(key).sort();
}

function text(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function key(d: Diagnostic): string {
  const message = text(d);
  return `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${message}`;
}

function frame(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`), bytes]);
}

/** The server is well: a fresh design gets exactly its diagnostics, and a hover on a step. */
async function assertHealthy(client: LspTestClient, label: string): Promise<void> {
  const uri = unique('fresh');
  await client.open(uri, FRESH);
  const diagnostics = await client.waitForDiagnostics(uri, () => true, 15_000);
  assert.deepEqual(diagnostics.map(key).sort(), expected(FRESH), `${label}: diagnostics`);
  const missing = diagnostics
    .filter((d) => d.code === 'MLSD001')
    .map((d) => text(d).slice(0, text(d).indexOf(' is missing')));
  assert.deepEqual(
    missing,
    [
      "Step 3 'Data preparation'",
      "Step 6 'Deployment and serving'",
      "Step 7 'Monitoring and infrastructure'",
    ],
    `${label}: missing steps`,
  );
  const hover = await client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line: EVALUATION_LINE, character: 5 },
  });
  assert.match(
    (hover?.contents as { value: string })?.value ?? '',
    /Step 5 of 7: Evaluation/,
    `${label}: hover`,
  );
  await client.close(uri);
  assert.equal(client.process.exitCode, null, `${label}: the server is still running`);
}

function codeOf(error: unknown): number | undefined {
  return (error as { code?: number })?.code;
}

describe('language server under protocol abuse', function () {
  this.timeout(60_000);
  let client: LspTestClient;

  before(function () {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  });
  beforeEach(async () => {
    client = await LspTestClient.launch({ settings: { debounceMs: 0 }, initialize: INITIALIZE });
  });
  afterEach(async () => {
    await client.stop();
    assert.doesNotMatch(client.stderr, /\n\s+at /, 'no stack trace on stderr');
  });

  it('malformed JSON with a valid Content-Length', async () => {
    await client.writeRaw(frame('{"jsonrpc":"2.0","id":9001,"method":'));
    await client.writeRaw(frame('\u0000\u00ff{{{'));
    await client.writeRaw(frame(Buffer.from([0xff, 0xfe, 0x00, 0x7b])));
    await assertHealthy(client, 'after broken JSON');
  });

  it('broken framing: Content-Length not a number, missing, too small, too large; junk between frames', async () => {
    const hover = JSON.stringify({
      jsonrpc: '2.0',
      id: 9002,
      method: 'textDocument/hover',
      params: { textDocument: { uri: 'file:///x.mlsd.md' }, position: { line: 0, character: 0 } },
    });
    await client.writeRaw(`Content-Length: abc\r\n\r\n${hover}`);
    await assertHealthy(client, 'after a Content-Length that is not a number');
    await client.writeRaw(`Content-Type: application/json\r\n\r\n${hover}`);
    await assertHealthy(client, 'after a frame with no Content-Length');
    await client.writeRaw(`Content-Length: 10\r\n\r\n${hover}`);
    await assertHealthy(client, 'after a Content-Length too small');
    await client.writeRaw(`Content-Length: ${hover.length + 40}\r\n\r\n${hover}`);
    await assertHealthy(client, 'after a Content-Length too large');
    await client.writeRaw('garbage\r\n\r\n\u0000\u0001 not a header at all\n');
    await client.writeRaw(Buffer.alloc(10_000, 0xff));
    await assertHealthy(client, 'after junk between frames');
    await client.writeRaw(`Content-Length: 99999999999\r\n\r\n${hover}`);
    await assertHealthy(client, 'after an absurd Content-Length');
    assert.ok(
      client.logs.some((l) => l.includes('Dropped a malformed message')),
      'the dropped frames are logged',
    );
  });

  it('JSON that is not a request, and requests whose params are not what the protocol says', async () => {
    for (const body of [
      '[1,2,3]',
      '"hello"',
      'null',
      '42',
      '{}',
      '{"jsonrpc":"2.0"}',
      '{"id":{"a":1}}',
    ]) {
      await client.writeRaw(frame(body));
    }
    const uri = unique('params');
    await client.open(uri, FRESH);
    await client.waitForDiagnostics(uri);
    const answers = await Promise.all([
      client.request('textDocument/hover', {}),
      client.request('textDocument/hover', { textDocument: { uri: 42 }, position: 'top' }),
      client.request('textDocument/hover', {
        textDocument: { uri },
        position: { line: -5, character: 1e12 },
      }),
      client.request('textDocument/completion', { textDocument: { uri }, position: null }),
      client.request('textDocument/completion', {
        textDocument: { uri },
        position: { line: 1e9, character: -1 },
      }),
      client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: null,
        context: null,
      }),
      client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 3, character: 0 }, end: { line: 1, character: 0 } },
        context: { diagnostics: [{ range: null, message: 5, code: {}, source: 'mlsd' }] },
      }),
      client.request('textDocument/documentSymbol', { textDocument: null }),
      client.request('mlsd/coverage', { uri: null }),
      client.request('mlsd/insertMissingSteps', 'not an object'),
    ]);
    assert.equal(answers.length, 10, 'every request is answered, none rejected');
    await assertHealthy(client, 'after wrong params');
  });

  it('requests that take params and get none are refused with InvalidParams, the others answered', async () => {
    // The library checks this for every typed request, the standard ones and mlsd's alike.
    for (const method of ['textDocument/hover', 'mlsd/coverage', 'mlsd/insertMissingSteps']) {
      await assert.rejects(client.connection.sendRequest(method), (e) => codeOf(e) === -32602);
    }
    assert.ok(await client.connection.sendRequest('mlsd/templates'));
    assert.ok(await client.connection.sendRequest('mlsd/rules'));
    await assertHealthy(client, 'after requests without params');
  });

  it('unknown methods: requests get MethodNotFound, notifications are ignored', async () => {
    await assert.rejects(client.request('mlsd/noSuchThing', {}), (e) => codeOf(e) === -32601);
    await assert.rejects(client.request('$/noSuchThing', {}), (e) => codeOf(e) === -32601);
    await assert.rejects(
      client.request('textDocument/noSuchThing', {}),
      (e) => codeOf(e) === -32601,
    );
    await client.connection.sendNotification('mlsd/noSuchThing', { x: 1 });
    await client.connection.sendNotification('$/noSuchThing', null);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: null });
    await client.connection.sendNotification('textDocument/didChange', {});
    await client.connection.sendNotification('textDocument/didClose', {
      textDocument: { uri: 'file:///never-opened.mlsd.md' },
    });
    await client.connection.sendNotification('workspace/didChangeConfiguration', null);
    await assertHealthy(client, 'after unknown methods');
  });

  it('requests before initialize are refused with ServerNotInitialized, then initialize works', async () => {
    const early = await LspTestClient.launch({ settings: { debounceMs: 0 } });
    try {
      await assert.rejects(
        early.request('textDocument/hover', {
          textDocument: { uri: fileUri('early.mlsd.md') },
          position: { line: 0, character: 0 },
        }),
        (e) => codeOf(e) === -32002,
      );
      await assert.rejects(
        early.request('mlsd/coverage', { uri: fileUri('early.mlsd.md') }),
        (e) => codeOf(e) === -32002,
      );
      await early.connection.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri: fileUri('early.mlsd.md'),
          languageId: 'markdown',
          version: 1,
          text: FRESH,
        },
      });
      await early.initialize(INITIALIZE);
      await assertHealthy(early, 'after requests before initialize');
      // The didOpen sent before initialize was dropped, as the protocol says.
      assert.equal(early.diagnostics.has(fileUri('early.mlsd.md')), false);
      // A second initialize (answered or refused) does not make the server handle documents twice.
      await early.connection.sendRequest('initialize', INITIALIZE).catch(() => undefined);
      const uri = unique('twice');
      await early.open(uri, FRESH);
      await early.waitForDiagnostics(uri);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(early.publishes.filter((p) => p.uri === uri).length, 1, 'one publish per open');
      await assertHealthy(early, 'after a second initialize');
    } finally {
      await early.stop();
    }
  });

  it('didChange with stale versions, ranges past the end, reversed and negative ranges', async () => {
    const uri = unique('edits');
    await client.open(uri, FRESH);
    await client.waitForDiagnostics(uri);
    // The client's own copy, changed exactly as the LSP text document rules say.
    let mirror = TextDocument.create(uri, 'markdown', 1, FRESH);
    const send = async (version: number, changes: TextDocumentContentChangeEvent[]) => {
      mirror = TextDocument.update(mirror, changes, version);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: changes,
      });
    };
    await send(10, [
      {
        range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
        text: 'Ten. ',
      },
    ]);
    await send(3, [
      {
        range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
        text: 'Three (stale). ',
      },
    ]);
    await send(11, [
      {
        range: { start: { line: 999, character: 0 }, end: { line: 1000, character: 50 } },
        text: '\n## 6. Deployment and serving\n\nOnline prediction pipeline with a feature store.\n',
      },
    ]);
    await send(12, [
      { range: { start: { line: 4, character: 500 }, end: { line: 2, character: 3 } }, text: '' },
    ]);
    await send(13, [
      { range: { start: { line: -4, character: -1 }, end: { line: 0, character: 0 } }, text: '' },
    ]);
    await send(14, [
      { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } }, text: 'x' },
    ]);
    const diagnostics = await client.waitForDiagnostics(uri, (_d, p) => p.version === 14);
    assert.deepEqual(diagnostics.map(key).sort(), expected(mirror.getText()));
    assert.ok(
      !diagnostics.some((d) => text(d).startsWith("Step 6 'Deployment and serving' is missing")),
    );
    // A change to a document never opened, and a second open of an open one.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: unique('never-opened'), version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 20, text: FRESH },
    });
    await assertHealthy(client, 'after stale and out-of-range edits');
  });

  it('a storm of 1,000 edits: debounced, newest version published, hover answered during it', async () => {
    await client.changeSettings({ debounceMs: 50 });
    const uri = unique('storm');
    await client.open(uri, FRESH);
    await client.waitForDiagnostics(uri);
    let mirror = TextDocument.create(uri, 'markdown', 1, FRESH);
    const typed =
      '\n## 3. Data preparation\n\nData sources: logs and the user table; feature engineering: embeddings.\n';
    let version = 1;
    let hoverMs = 0;
    for (let i = 0; i < 1000; i++) {
      const end = mirror.positionAt(mirror.getText().length);
      const text = i < 900 ? typed[i % typed.length] : i % 2 ? 'x' : ' ';
      const change = { range: { start: end, end }, text };
      version++;
      mirror = TextDocument.update(mirror, [change], version);
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [change],
      });
      if (i === 500) {
        const started = Date.now();
        await client.request('textDocument/hover', {
          textDocument: { uri },
          position: { line: 2, character: 4 },
        });
        hoverMs = Date.now() - started;
      }
    }
    const diagnostics = await client.waitForDiagnostics(
      uri,
      (_d, p) => p.version === version,
      30_000,
    );
    assert.deepEqual(diagnostics.map(key).sort(), expected(mirror.getText()));
    const publishes = client.publishes.filter((p) => p.uri === uri);
    assert.ok(publishes.length < 100, `debounced: ${publishes.length} publishes for 1,000 edits`);
    const versions = publishes.map((p) => p.version ?? 0);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'versions never go backwards',
    );
    assert.ok(hoverMs < 5_000, `a hover during the storm took ${hoverMs} ms`);
    await assertHealthy(client, 'after 1,000 edits');
  });

  it('every request cancelled at once: each settles (answered or RequestCancelled)', async () => {
    const uri = unique('cancel');
    await client.open(uri, FRESH);
    await client.waitForDiagnostics(uri);
    const position = { line: EVALUATION_LINE, character: 3 };
    const range = { start: position, end: position };
    const requests: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri }, position }],
      ['textDocument/completion', { textDocument: { uri }, position }],
      ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      ['textDocument/foldingRange', { textDocument: { uri } }],
      ['textDocument/codeLens', { textDocument: { uri } }],
      ['mlsd/coverage', { uri }],
      ['mlsd/insertMissingSteps', { uri }],
      ['mlsd/templates', {}],
      ['mlsd/rules', {}],
    ];
    const settled = await Promise.all(
      [...requests, ...requests, ...requests].map(([method, params]) => {
        const source = new CancellationTokenSource();
        const answer = client.connection.sendRequest(method, params, source.token);
        source.cancel();
        return answer.then(
          () => 'answered',
          (e: unknown) => (codeOf(e) === -32800 ? 'cancelled' : `failed ${String(e)}`),
        );
      }),
    );
    assert.deepEqual(
      settled.filter((s) => s.startsWith('failed')),
      [],
    );
    await client.connection.sendNotification('$/cancelRequest', { id: 123_456 });
    await client.connection.sendNotification('$/cancelRequest', { id: null });
    await client.connection.sendNotification('$/cancelRequest', {});
    await assertHealthy(client, 'after cancelling every request');
  });

  it('a 10 MB document gets one "too large" notice at once; the server stays responsive', async () => {
    const uri = unique('huge');
    const paragraph = 'The ranking model scores candidates with a two-tower network and a DNN. ';
    const huge = paragraph.repeat(Math.ceil(10_000_000 / paragraph.length));
    assert.ok(huge.length > MAX_CHECKED_CHARACTERS);
    const started = Date.now();
    await client.open(uri, huge);
    const diagnostics = await client.waitForDiagnostics(uri, () => true, 30_000);
    assert.equal(diagnostics.length, 1);
    assert.match(text(diagnostics[0]), /^This file is 10\.0 MB; MLSD checks designs up to 2 MB/);
    assert.equal(
      await client.request('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 3 },
      }),
      null,
    );
    assert.deepEqual(
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics },
      }),
      [],
    );
    await assertHealthy(client, 'with a 10 MB document open');
    assert.ok(Date.now() - started < 30_000);
    // Cut back to a design: it is checked again.
    const version = await client.change(uri, [{ text: FRESH }]);
    const after = await client.waitForDiagnostics(uri, (_d, p) => p.version === version);
    assert.deepEqual(after.map(key).sort(), expected(FRESH));
  });

  it('exits when its client goes away (stdin closed) instead of running on', async () => {
    const orphan = await LspTestClient.launch({ initialize: INITIALIZE });
    orphan.process.stdin.end();
    const code = await Promise.race([
      orphan.exited(),
      new Promise((r) => setTimeout(() => r('still running'), 10_000)),
    ]);
    assert.notEqual(code, 'still running');
    orphan.connection.dispose();
  });
});

describe('language server without workspace configuration or folders (untrusted-style init)', function () {
  this.timeout(30_000);

  it('checks designs with the defaults, and takes pushed settings', async () => {
    const client = await LspTestClient.launch({
      initialize: { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null },
    });
    try {
      const uri = unique('untrusted');
      await client.open(uri, FRESH);
      const diagnostics = await client.waitForDiagnostics(uri);
      assert.deepEqual(diagnostics.map(key).sort(), expected(FRESH));
      const hover = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: EVALUATION_LINE, character: 5 },
      });
      assert.match((hover?.contents as { value: string }).value, /Step 5 of 7: Evaluation/);
      // With no workspace/configuration, settings come pushed with didChangeConfiguration.
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { mlsd: { rules: { 'missing-step': 'off' }, debounceMs: 0 } },
      });
      await client.waitForDiagnostics(
        uri,
        (d) => d.length > 0 && !d.some((x) => x.code === 'MLSD001'),
      );
      assert.equal(client.messages.length, 0, 'nothing to complain about');
    } finally {
      await client.stop();
    }
  });

  it('untitled and virtual-workspace URIs: checked when the language says so by name', async () => {
    const client = await LspTestClient.launch({
      initialize: INITIALIZE,
      settings: { debounceMs: 0 },
    });
    try {
      for (const uri of [
        'untitled:Untitled-1.mlsd.md',
        'vscode-vfs://github/owner/repo/design.mlsd.md',
      ]) {
        await client.open(uri, FRESH);
        const diagnostics = await client.waitForDiagnostics(uri);
        assert.deepEqual(diagnostics.map(key).sort(), expected(FRESH), uri);
      }
    } finally {
      await client.stop();
    }
  });
});
