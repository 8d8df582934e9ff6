// Layering that a source scan can check: features never name a rule (a rule owns its fixes and
// its wording), rules never import the engine that runs them nor one another, and the fix-building
// layer under the rules stays under them.
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

interface Import {
  specifier: string;
  typeOnly: boolean;
}

/** The modules a file imports (static and dynamic imports, re-exports, require). */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  const pattern =
    /(?:\b(import|export)(\s+type)?\s[^'";]*?\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;
  for (const match of text.matchAll(pattern)) {
    found.push({ specifier: match[3], typeOnly: Boolean(match[2]) });
  }
  return found;
}

/** The file an import resolves to, relative to server/src, without extension. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return path
    .relative(SRC, path.resolve(path.dirname(file), specifier))
    .split(path.sep)
    .join('/');
}

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

describe('layers', () => {
  it('features name no rule id', () => {
    for (const file of filesUnder(path.join(SRC, 'features'))) {
      const text = fs.readFileSync(file, 'utf8');
      const ids = text.match(/MLSD\d{3}/g);
      assert.equal(ids, null, `${relative(file)} names ${ids?.join(', ')}`);
    }
  });

  it('rules import neither the engine nor another rule', () => {
    const rulesDir = path.join(SRC, 'rules');
    const files = filesUnder(rulesDir);
    assert.ok(files.length > 5, 'no rule files found');
    for (const file of files) {
      const name = relative(file);
      if (name === 'rules/index.ts') continue; // the registry imports every rule
      for (const { specifier, typeOnly } of importsOf(file)) {
        const to = target(file, specifier);
        // The engine hands a rule its per-step measures and placeholders: those types only.
        if (to.startsWith('analysis/')) {
          assert.ok(
            name === 'rules/types.ts' && typeOnly,
            `${name} imports the engine (${specifier})`,
          );
          continue;
        }
        if (to.startsWith('rules/')) {
          assert.ok(
            to === 'rules/types' || to.startsWith('rules/shared/'),
            `${name} imports another rule (${specifier})`,
          );
        }
        assert.ok(
          !to.startsWith('features/') && to !== 'server' && !to.startsWith('cli/'),
          `${name} imports ${specifier}`,
        );
      }
    }
  });

  it('the fixes layer imports neither the engine, the rules nor the features', () => {
    for (const file of filesUnder(path.join(SRC, 'fixes'))) {
      for (const { specifier } of importsOf(file)) {
        const to = target(file, specifier);
        assert.ok(
          !/^(analysis|rules|features|cli)\//.test(to),
          `${relative(file)} imports ${specifier}`,
        );
      }
    }
  });

  it('finds the imports it checks', () => {
    const file = path.join(SRC, 'rules', 'missingStep.ts');
    const targets = importsOf(file).map((i) => target(file, i.specifier));
    assert.ok(targets.includes('fixes/edits'), targets.join(', '));
    assert.ok(targets.includes('rules/types'), targets.join(', '));
    const types = path.join(SRC, 'rules', 'types.ts');
    assert.ok(
      importsOf(types).some((i) => i.typeOnly && target(types, i.specifier) === 'model/analysis'),
    );
  });
});
