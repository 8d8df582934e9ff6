// The server bundles' `character-entities` (server/shims/characterEntities.ts): every name it keeps
// decodes as the full list says, and the references people type in write-ups are among them.
import { strict as assert } from 'node:assert';
import { characterEntities as full } from 'character-entities';
import { characterEntities as kept } from '../../server/shims/characterEntities';

describe('character-entities shim (server bundles)', () => {
  it('decodes every name it keeps exactly as the full HTML list does', () => {
    for (const [name, value] of Object.entries(kept)) assert.equal(value, full[name], name);
  });

  it('keeps the references writers use: spaces, dashes, quotes, arrows, maths, Greek, Latin-1', () => {
    const typed = ['amp', 'lt', 'gt', 'quot', 'apos', 'nbsp', 'mdash', 'ndash', 'hellip', 'rarr'];
    typed.push('larr', 'rArr', 'le', 'ge', 'ne', 'asymp', 'times', 'plusmn', 'infin', 'sum');
    typed.push('alpha', 'lambda', 'sigma', 'theta', 'eacute', 'uuml', 'copy', 'trade', 'euro');
    for (const name of typed) assert.ok(name in kept, name);
    assert.ok(Object.keys(kept).length < Object.keys(full).length / 5);
  });
});
