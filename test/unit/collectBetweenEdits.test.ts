// The server collects the young generation in the pause after an edit's diagnostics when it is
// more than half full, so that the next keystroke does not pay for the collection.
import { strict as assert } from 'node:assert';
import { collectYoungBetweenEdits, type Collect } from '../../server/src/idleCollect';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('collecting the young generation between edits', () => {
  function recorder(): { calls: unknown[]; collect: Collect } {
    const calls: unknown[] = [];
    return { calls, collect: (options) => void calls.push(options) };
  }

  it('collects it after the current turn when more than half of it is used', async () => {
    const { calls, collect } = recorder();
    collectYoungBetweenEdits(collect, () => ({ used: 6_000_000, available: 2_000_000 }));
    assert.deepEqual(calls, [], 'collected before the turn ended');
    await nextTurn();
    assert.deepEqual(calls, [{ type: 'minor' }]);
  });

  it('leaves it when less than half is used', async () => {
    const { calls, collect } = recorder();
    collectYoungBetweenEdits(collect, () => ({ used: 3_000_000, available: 5_000_000 }));
    await nextTurn();
    assert.deepEqual(calls, []);
  });

  it('looks once for several edits published in one turn', async () => {
    const { calls, collect } = recorder();
    let looks = 0;
    const space = () => {
      looks++;
      return { used: 7_000_000, available: 1_000_000 };
    };
    collectYoungBetweenEdits(collect, space);
    collectYoungBetweenEdits(collect, space);
    await nextTurn();
    assert.equal(looks, 1);
    assert.deepEqual(calls, [{ type: 'minor' }]);
  });

  it("runs with V8's own collector and heap figures", async () => {
    collectYoungBetweenEdits();
    await nextTurn();
  });
});
