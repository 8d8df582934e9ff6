// The server keeps an open design as pieces and analyses an edit from what it changed
// (server/src/openDocument.ts, core/pieceText.ts): whatever is typed, wherever, in whatever
// batches, the diagnostics of the last version are those of opening its text afresh, and so are
// the document symbols and folding ranges the editor asks for after each change.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { prng, generateShapedDesign } from '../../scripts/designGenerator';
import { fileUri, LspTestClient, SERVER } from './lspClient';

const SNIPPETS = [
  'a',
  ' ',
  '\n',
  '\r\n',
  '\n\n## Evaluation\n\n',
  '\n### Offline metrics\n',
  '\n```\n',
  '\n- item\n',
  'latency and drift ',
  '<!-- note -->',
  '#',
  '\r',
];

const key = (d: Diagnostic) =>
  `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`;

describe('typing anywhere in a design held as pieces', function () {
  this.timeout(120_000);
  let client: LspTestClient;

  before(function () {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  });
  beforeEach(async () => {
    client = await LspTestClient.start({ debounceMs: 0 });
  });
  afterEach(async () => {
    await client.stop();
  });

  it('ends in the diagnostics, symbols and folding of the final text opened afresh', async () => {
    const random = prng(1205);
    const uri = fileUri('typed.mlsd.md');
    const start = generateShapedDesign(60_000, 'spread', 9);
    await client.open(uri, start);
    await client.nextPublish(uri, 1);
    let mirror = TextDocument.create(uri, 'markdown', 1, start);
    let version = 1;
    for (let i = 0; i < 120; i++) {
      // One to three changes per notification, as an editor sends a multi-cursor edit.
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let c = 1 + Math.floor(random() * 3); c > 0; c--) {
        const length = mirror.getText().length;
        const at = Math.floor(random() * length);
        const remove = random() < 0.3 ? Math.floor(random() * 200) : 0;
        const change = {
          range: {
            start: mirror.positionAt(at),
            end: mirror.positionAt(Math.min(length, at + remove)),
          },
          text: SNIPPETS[Math.floor(random() * SNIPPETS.length)],
        };
        mirror = TextDocument.update(mirror, [change], mirror.version + 1);
        changes.push(change);
      }
      version = await client.change(uri, changes);
      // Every fourth version is waited for; the others are typed before the last is analysed.
      if (i % 4 === 3) await client.nextPublish(uri, version);
    }
    const typed = await client.nextPublish(uri, version);
    const fresh = fileUri('fresh.mlsd.md');
    await client.open(fresh, mirror.getText());
    const opened = await client.nextPublish(fresh, 1);
    assert.ok(opened.diagnostics.length > 0, 'the final text has findings to compare');
    assert.deepEqual(typed.diagnostics.map(key), opened.diagnostics.map(key));
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange']) {
      const [ours, theirs] = await Promise.all(
        [uri, fresh].map((u) => client.request(method, { textDocument: { uri: u } })),
      );
      assert.deepEqual(ours, theirs, method);
    }
  });
});
