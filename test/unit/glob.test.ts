// The `mlsd.files` glob matcher (server/src/glob.ts): VS Code's glob syntax, the same answers as
// picomatch on ordinary patterns, and no pattern can make a match slow.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { isDesignPath } from '../../server/src/designFiles';
import { compileGlob, MAX_GLOB_ALTERNATIVES } from '../../server/src/glob';
import { validateSettings } from '../../server/src/settings';

function matches(pattern: string, path: string, nocase = false): boolean {
  const compiled = compileGlob(pattern, { nocase });
  if (!compiled.ok) throw new Error(`${pattern}: ${compiled.reason}`);
  return compiled.match(path);
}

describe('mlsd.files globs', () => {
  it('reads VS Code glob syntax', () => {
    const table: [string, string, boolean][] = [
      ['*.md', 'feed.md', true],
      ['*.md', 'notes/feed.md', false],
      ['**/*.md', 'notes/feed.md', true],
      ['**/*.md', 'feed.md', true],
      ['**/interviews/*.md', '/home/u/interviews/feed.md', true],
      ['**/interviews/*.md', '/home/u/interviews/2024/feed.md', false],
      ['**/interviews/**/*.md', '/home/u/interviews/2024/q1/feed.md', true],
      ['**/interviews/**', '/home/u/interviews/a/b', true],
      ['**/interviews/**', '/home/u/interviews', true],
      ['design-??.md', 'design-01.md', true],
      ['design-??.md', 'design-1.md', false],
      ['design-[0-9].md', 'design-7.md', true],
      ['design-[!0-9].md', 'design-7.md', false],
      ['design-[!0-9].md', 'design-x.md', true],
      ['**/*.{md,markdown}', 'a/b.markdown', true],
      ['**/*.{md,markdown}', 'a/b.txt', false],
      ['{notes,drafts}/**/*.md', 'drafts/x/y.md', true],
      ['{notes,{drafts,old}}/*.md', 'old/y.md', true],
      ['**/*.md', 'a/.hidden/b.md', true],
      ['/home/u/*.md', '/home/u/x.md', true],
      ['(a+)+b', '(a+)+b', true],
      ['(a+)+b', 'aaab', false],
      ['a**b.md', 'axyzb.md', true],
      ['a**b.md', 'a/b.md', false],
      ['*', '', true],
      ['', 'x', false],
    ];
    for (const [pattern, path, expected] of table) {
      assert.equal(matches(pattern, path), expected, `${pattern} on ${path}`);
    }
    assert.ok(matches('**/*.MD', 'A/B.md', true), 'nocase');
    assert.ok(!matches('**/*.MD', 'A/B.md', false));
    assert.ok(matches('designs\\*.md', 'designs/x.md'), 'backslash is a separator');
  });

  it('answers as picomatch does on ordinary patterns', () => {
    const name = fc.constantFrom('a', 'b', 'ab', 'x.md', 'y.mlsd.md', '.dot', 'b.markdown');
    const piece = fc.constantFrom(
      'a',
      'b',
      '*',
      '?',
      '**',
      'x.md',
      '*.md',
      '[ab]',
      '{a,b}',
      '.dot',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 4 }),
        fc.array(name, { minLength: 1, maxLength: 4 }),
        (pieces, names) => {
          const pattern = pieces.join('/');
          const path = names.join('/');
          // picomatch is inconsistent on a trailing "/**" ("x.md/**" matches "x.md", "*/**" does
          // not match "a"); here "dir/**" always matches dir itself too.
          if (pattern.endsWith('/**')) return;
          const expected = picomatch(pattern, { dot: true })(path);
          assert.equal(matches(pattern, path), expected, `${pattern} on ${path}`);
        },
      ),
      { seed: 11, numRuns: 3000 },
    );
  });

  it('no pattern makes a match slow (picomatch: 24 s for "(a+)+b" on 30 characters)', () => {
    const hostile = [
      '(a+)+b',
      '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b',
      '**/**/**/**/**/**/**/**/**/**/**/**/**/**/a/**/**/**/**/b',
      '+(a|aa)+(a|aa)+(a|aa)+(a|aa)+(a|aa)b',
      '?'.repeat(400) + 'b',
      '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}',
    ];
    const paths = ['a'.repeat(2000), 'a/'.repeat(1000) + 'c', '(a+)+'.repeat(300)];
    for (const pattern of hostile) {
      const compiled = compileGlob(pattern);
      if (!compiled.ok) continue; // refused up front: also safe
      const started = performance.now();
      for (const path of paths) compiled.match(path);
      const ms = performance.now() - started;
      assert.ok(ms < 250, `${pattern.slice(0, 30)}: ${ms.toFixed(0)} ms`);
    }
  });

  it('refuses patterns it cannot read, saying why', () => {
    const reasons = (pattern: string) => {
      const compiled = compileGlob(pattern);
      return compiled.ok ? 'ok' : compiled.reason;
    };
    assert.match(reasons('{a,b'), /"\{" with no "\}"/);
    assert.match(reasons('a}'), /"\}" with no "\{"/);
    assert.match(reasons('[abc'), /"\[" with no "\]"/);
    assert.match(reasons('x'.repeat(600)), /longer than 512/);
    assert.match(
      reasons('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}'),
      new RegExp(`more than ${MAX_GLOB_ALTERNATIVES} patterns`),
    );
  });

  it('names each refused pattern in the settings problems and keeps the others', () => {
    const { settings, problems } = validateSettings({
      files: ['**/interviews/*.md', '{a,b', '', '**/drafts/*.md'],
    });
    assert.deepEqual(settings.files, ['**/interviews/*.md', '**/drafts/*.md']);
    assert.deepEqual(problems, [
      'Setting "mlsd.files": the pattern "{a,b" is not used: it has a "{" with no "}" after it.',
    ]);
    const many = validateSettings({ files: Array.from({ length: 150 }, (_, i) => `${i}/*.md`) });
    assert.equal(many.settings.files.length, 100);
    assert.match(many.problems[0], /has 150 patterns; the first 100 are used/);
    assert.ok(isDesignPath('/home/u/drafts/feed.md', settings.files));
  });
});
