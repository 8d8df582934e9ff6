// The stdio frame filter (server/src/transport.ts): well-formed frames pass unchanged however the
// bytes are chunked; after broken framing it finds the next header, so one bad message costs only
// itself.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FrameFilter } from '../../server/src/transport';

function frame(body: string): Buffer {
  const bytes = Buffer.from(body);
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`), bytes]);
}

/** Pushes `input` through a filter in the given chunk sizes; the bodies that come out. */
async function bodies(input: Buffer, chunkSizes: number[] = []): Promise<string[]> {
  const filter = new FrameFilter();
  const out: Buffer[] = [];
  filter.on('data', (data: Buffer) => out.push(data));
  const done = new Promise((resolve) => filter.on('end', resolve));
  let at = 0;
  for (const size of chunkSizes) {
    if (at >= input.length) break;
    filter.write(input.subarray(at, at + Math.max(1, size)));
    at += Math.max(1, size);
  }
  if (at < input.length) filter.write(input.subarray(at));
  filter.end();
  await done;
  const all = Buffer.concat(out);
  const result: string[] = [];
  for (let i = 0; i < all.length;) {
    const headerEnd = all.indexOf('\r\n\r\n', i);
    const length = Number(/Content-Length: (\d+)/.exec(all.subarray(i, headerEnd).toString())![1]);
    result.push(all.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
    i = headerEnd + 4 + length;
  }
  return result;
}

const message = fc
  .record({
    id: fc.nat(),
    method: fc.string(),
    text: fc.string({ unit: 'binary', maxLength: 200 }),
  })
  .map((m) => JSON.stringify({ jsonrpc: '2.0', ...m }));

describe('stdio frame filter', () => {
  it('passes well-formed frames unchanged, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 40 }),
        async (messages, chunks) => {
          assert.deepEqual(await bodies(Buffer.concat(messages.map(frame)), chunks), messages);
        },
      ),
      { seed: 6, numRuns: 200 },
    );
  });

  it('after any one broken frame, every later well-formed frame still comes through', async () => {
    const brokenFrames = [
      (body: string) => `Content-Length: abc\r\n\r\n${body}`,
      (body: string) => `Content-Type: application/json\r\n\r\n${body}`,
      (body: string) => `Content-Length: 7\r\n\r\n${body}`,
      (body: string) => `Content-Length: ${Buffer.byteLength(body) + 25}\r\n\r\n${body}`,
      (body: string) => `Content-Length: 999999999999\r\n\r\n${body}`,
      (body: string) => `junk without any header ${body}\r\n\r\n`,
      () => '\u0000'.repeat(5000),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: brokenFrames.length - 1 }),
        message,
        fc.array(message, { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 40 }),
        async (which, bad, after, chunks) => {
          const input = Buffer.concat([Buffer.from(brokenFrames[which](bad)), ...after.map(frame)]);
          const out = await bodies(input, chunks);
          assert.deepEqual(out.slice(out.length - after.length), after);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('keeps a 10 MB body whole', async () => {
    const big = JSON.stringify({
      jsonrpc: '2.0',
      method: 'x',
      params: { text: 'a\n'.repeat(5_000_000) },
    });
    const out = await bodies(frame(big), Array(50).fill(65_536));
    assert.equal(out.length, 1);
    assert.equal(out[0].length, big.length);
  });
});
