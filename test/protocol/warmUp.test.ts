// A moment after a large design is opened the server warms its edit path by typing into a copy of
// it (server/src/analysis/warmUp.ts). Seen from the editor nothing happens: no diagnostics are
// published for them, and the next keystroke gets what a server that never warmed up gives. A
// small design is not warmed, and neither is one typed into at once.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { fileUri, LspTestClient, SERVER } from './lspClient';
import { generateShapedDesign } from '../../scripts/designGenerator';

const WARM_LOG =
  /^Warm-up of the edit path of (\S+): (\d+) edits typed into a copy, nothing published\.$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function warmLog(client: LspTestClient, uri: string, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of client.logs) {
      const match = WARM_LOG.exec(line);
      if (match && match[1] === uri) return Number(match[2]);
    }
    if (Date.now() > deadline) throw new Error(`no warm-up logged: ${client.logs.join('\n')}`);
    await sleep(50);
  }
}

describe('warm-up of the edit path after a large design is opened', function () {
  this.timeout(120_000);
  const clients: LspTestClient[] = [];
  const start = async () => {
    const client = await LspTestClient.start({ debounceMs: 0 });
    clients.push(client);
    return client;
  };

  before(function () {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  });
  after(async () => {
    for (const client of clients) await client.stop();
  });

  it('publishes nothing for it, and the next keystroke gets what it gets without it', async () => {
    const client = await start();
    const small = fileUri('warm-small.mlsd.md');
    await client.open(small, generateShapedDesign(20_000, 'deep', 3));
    await client.nextPublish(small, 1);
    const uri = fileUri('warm-large.mlsd.md');
    const text = generateShapedDesign(250_000, 'spread', 3);
    await client.open(uri, text);
    await client.nextPublish(uri, 1);
    assert.ok((await warmLog(client, uri)) > 0, 'some edits were typed into the copy');
    assert.deepEqual(
      client.publishes.filter((p) => p.uri === uri).map((p) => p.version),
      [1],
      'only the open was published',
    );
    assert.ok(!client.logs.some((line) => line.includes(small)), 'a small design is not warmed');

    // A letter typed at the start of the 200th line.
    const line = 200;
    const version = await client.change(uri, [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' },
    ]);
    const typed = await client.nextPublish(uri, version);
    const lines = text.split('\n');
    lines[line] = `x${lines[line]}`;
    const fresh = await start();
    await fresh.open(uri, lines.join('\n'));
    const opened = await fresh.nextPublish(uri, 1);
    assert.deepEqual(typed.diagnostics, opened.diagnostics);
  });

  it('does not start when the writer types before it would', async () => {
    const client = await start();
    const uri = fileUri('warm-typed.mlsd.md');
    await client.open(uri, generateShapedDesign(250_000, 'flat', 4));
    await client.nextPublish(uri, 1);
    const version = await client.change(uri, [
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'y' },
    ]);
    await client.nextPublish(uri, version);
    await sleep(1_500);
    assert.ok(
      !client.logs.some((line) => WARM_LOG.test(line)),
      `no warm-up: ${client.logs.join('\n')}`,
    );
  });
});
