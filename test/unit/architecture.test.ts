// The import rules of .dependency-cruiser.cjs (layers pointing down, no circles, the client apart
// from the server) hold for the code base, and the checker does catch a breach.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const depcruise = path.join(
  root,
  'node_modules',
  'dependency-cruiser',
  'bin',
  'dependency-cruise.mjs',
);

function cruise(cwd: string, ...paths: string[]) {
  const result = spawnSync(
    process.execPath,
    [depcruise, '--config', path.join(root, '.dependency-cruiser.cjs'), ...paths],
    { cwd, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('architecture', function () {
  this.timeout(180_000);

  it('has no import circle and no import against the layers', () => {
    const folders = ['server/src', 'client/src', 'common/src'].filter((f) =>
      fs.existsSync(path.join(root, f)),
    );
    const { status, output } = cruise(root, ...folders);
    assert.equal(status, 0, output);
  });

  it('catches an import circle, a client import of server code and a rule importing another', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-architecture-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('tsconfig.json', '{ "compilerOptions": { "module": "commonjs" } }');
    write('server/src/core/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    write('server/src/core/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    write(
      'client/src/extension.ts',
      "import { a } from '../../server/src/core/a';\nexport { a };\n",
    );
    write('server/src/rules/one.ts', "import { two } from './two';\nexport const one = two;\n");
    write('server/src/rules/two.ts', 'export const two = 2;\n');
    try {
      const { status, output } = cruise(dir, 'server/src', 'client/src');
      assert.notEqual(status, 0, output);
      assert.match(output, /no-circular/);
      assert.match(output, /client-not-to-server/);
      assert.match(output, /a-rule-imports-no-other-rule/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
