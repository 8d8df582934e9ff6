// What the import rules (.dependency-cruiser.cjs, test/unit/architecture.test.ts) cannot see:
// editor features never name a rule id. A rule owns its fixes and its wording; a feature that
// special-cased one would have to change with it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'server', 'src');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [path.join(dir, entry.name)]
          : [],
    );
}

describe('layers', () => {
  it('features name no rule id', () => {
    const files = filesUnder(path.join(SRC, 'features'));
    assert.ok(files.length > 5, 'no feature files found');
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const ids = text.match(/MLSD\d{3}/g);
      assert.equal(ids, null, `${path.relative(SRC, file)} names ${ids?.join(', ')}`);
    }
  });
});
