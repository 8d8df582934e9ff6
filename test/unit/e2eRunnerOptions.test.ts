// `node scripts/e2e/run.mjs --help`: the editor-test runner says how to pick scenarios and lists
// them, and an unknown option gets the usage and exit code 2 (it used to throw a stack trace).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const RUNNER = path.join(ROOT, 'scripts', 'e2e', 'run.mjs');

const run = (...args: string[]) =>
  spawnSync(process.execPath, [RUNNER, ...args], { encoding: 'utf8', timeout: 30_000 });

describe('editor-test runner options', () => {
  it('--help prints the options and every scenario name, and exits 0', () => {
    const result = run('--help');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /--only NAMES/);
    const scenarios = fs
      .readdirSync(path.join(ROOT, 'test', 'e2e', 'driver', 'scenarios'))
      .filter((name) => name.endsWith('.js'));
    assert.ok(scenarios.length > 0);
    for (const file of scenarios)
      assert.match(result.stdout, new RegExp(`^  ${file.slice(0, -3)}$`, 'm'));
  });

  it('an unknown option gets the usage on stderr and exit code 2, not a stack trace', () => {
    const result = run('--bogus');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Unknown option '--bogus'/);
    assert.match(result.stderr, /usage: node scripts\/e2e\/run\.mjs/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
