// The server's store of open designs' analyses: which go when the server is idle.
import { strict as assert } from 'node:assert';
import { OpenAnalyses } from '../../server/src/openAnalyses';
import type { Analysis } from '../../server/src/model/analysis';

const analysis = (name: string) => ({ name }) as unknown as Analysis;

describe('OpenAnalyses', () => {
  it('keeps the most recently used (stored or asked for) when trimmed', () => {
    const store = new OpenAnalyses(2);
    for (const uri of ['a', 'b', 'c', 'd'])
      store.set(uri, { version: 1, rulesKey: 'k', analysis: analysis(uri) });
    // Asking for "a" makes it the most recent; "b" and "c" are then the oldest.
    assert.ok(store.get('a', 1, 'k'));
    const dropped = store.trim();
    assert.deepEqual(
      dropped.map(([uri]) => uri),
      ['b', 'c'],
    );
    assert.deepEqual(store.uris(), ['d', 'a']);
    assert.deepEqual(store.trim(), []);
  });

  it('answers only for the version and rules the analysis was made with, and then does not count as a use', () => {
    const store = new OpenAnalyses(1);
    store.set('a', { version: 1, rulesKey: 'k', analysis: analysis('a') });
    store.set('b', { version: 1, rulesKey: 'k', analysis: analysis('b') });
    assert.equal(store.get('a', 2, 'k'), undefined);
    assert.equal(store.get('a', 1, 'other'), undefined);
    assert.deepEqual(
      store.trim().map(([uri]) => uri),
      ['a'],
    );
    store.delete('b');
    assert.deepEqual(store.uris(), []);
  });
});
