// The semver stand-in bundled into the extension (client/shims/semver.ts) answers
// vscode-languageclient's VS Code version check as the semver package does.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, satisfies } from '../../client/shims/semver';
import { Minimatch } from '../../client/shims/minimatch';

describe('semver shim', () => {
  it('parses versions as semver does, and refuses what is not one', () => {
    assert.deepEqual(parse('1.96.2'), { major: 1, minor: 96, patch: 2, prerelease: [] });
    assert.deepEqual(parse('1.97.0-insider'), {
      major: 1,
      minor: 97,
      patch: 0,
      prerelease: ['insider'],
    });
    assert.equal(parse('1.96'), null);
    assert.equal(parse('latest'), null);
  });

  it('checks caret ranges: the same major version, not older', () => {
    assert.equal(satisfies('1.91.0', '^1.91.0'), true);
    assert.equal(satisfies('1.139.1', '^1.91.0'), true);
    assert.equal(satisfies('1.90.9', '^1.91.0'), false);
    assert.equal(satisfies('2.0.0', '^1.91.0'), false);
    assert.equal(satisfies('1.100.0-insider', '^1.91.0'), false);
    const insider = parse('1.100.0-insider')!;
    insider.prerelease = [];
    assert.equal(satisfies(insider, '^1.91.0'), true);
    assert.throws(() => satisfies('1.91.0', '>=1.91.0'), /caret/);
  });
});

describe('minimatch shim', () => {
  it('is never needed: the server registers no file-operation filters, and it says so if one did', () => {
    const server = fs.readFileSync(path.join(__dirname, '../../server/src/server.ts'), 'utf8');
    assert.doesNotMatch(server, /fileOperations/);
    assert.throws(() => new Minimatch('**/*.md'), /does not match file-operation globs/);
  });
});
