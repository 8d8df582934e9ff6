// When the extension gives up on the language server (client/src/connectionPolicy.ts).
import { strict as assert } from 'node:assert';
import { ConnectionPolicy } from '../../client/src/connectionPolicy';

describe('connection policy', () => {
  it('never stops the client for messages that failed to reach a server that has gone', () => {
    const policy = new ConnectionPolicy();
    // Killed with requests in flight: each write fails on its own. The CI run that found this
    // logged four; the writer counts each failure twice, and the client stopped at the second.
    for (let i = 0; i < 20; i++) {
      assert.equal(policy.error({ jsonrpc: '2.0', method: 'textDocument/didChange' }), 'continue');
    }
    assert.equal(policy.closed(0), 'restart');
  });

  it('stops a running server it cannot understand after three errors, counted anew after a restart', () => {
    const policy = new ConnectionPolicy();
    assert.deepEqual(
      [1, 2, 3, 4].map(() => policy.error(undefined)),
      ['continue', 'continue', 'continue', 'shutdown'],
    );
    policy.running();
    assert.equal(policy.error(undefined), 'continue');
  });

  it('restarts a crashed server four times in three minutes, not a fifth', () => {
    const policy = new ConnectionPolicy();
    const minute = 60_000;
    assert.deepEqual(
      [0, 1, 2, 2.5, 2.9].map((m) => policy.closed(m * minute)),
      ['restart', 'restart', 'restart', 'restart', 'stop'],
    );
    // Crashes older than three minutes no longer count.
    const later = new ConnectionPolicy();
    for (const m of [0, 1, 2, 2.5]) later.closed(m * minute);
    assert.equal(later.closed(3.5 * minute), 'restart');
  });
});
