import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtInRegistry } from '../../server/src/framework/registry';
import { URI_TO_PATH } from '../../server/src/uri';
import { registryOf, type BuiltInData } from '../../server/src/workerData';

const DATA = path.join(__dirname, '..', '..', 'server', 'src', 'framework', 'data');
const jsonIn = (dir: string): Array<[string, unknown]> =>
  fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))]);

// Issue 17: the web worker has no file system; the client hands it dist/data.json.
describe('web worker data (workerData.ts)', () => {
  it('gives the same frameworks and case studies as the data files on disk', () => {
    const data: BuiltInData = {
      frameworks: jsonIn(DATA),
      problems: jsonIn(path.join(DATA, 'problems')),
    };
    const worker = registryOf(data);
    const disk = builtInRegistry();
    assert.deepEqual(worker.errors, []);
    assert.deepEqual(worker.frameworkIds(), disk.frameworkIds());
    // The default is compiled now, the others on first use, as from disk.
    assert.deepEqual([...worker.frameworks.keys()], ['aminian-7']);
    assert.equal(worker.framework('nine-step')?.steps.length, 9);
    assert.deepEqual([...worker.frameworks.keys()].sort(), ['aminian-7', 'nine-step']);
    assert.deepEqual([...worker.caseStudies.keys()].sort(), [...disk.caseStudies.keys()].sort());
  });

  it('says so when no data was handed in, or a file is not valid, and keeps the rest', () => {
    assert.match(registryOf(undefined).errors[0].message, /data\.json.*not handed to the worker/);
    const broken = registryOf({
      frameworks: jsonIn(DATA),
      problems: [['bad.json', { id: 'bad' }], ...jsonIn(path.join(DATA, 'problems'))],
    });
    assert.equal(broken.errors.length, 1);
    assert.match(broken.errors[0].message, /bad\.json/);
    assert.ok(broken.caseStudies.size > 0);
  });
});

describe('document URIs to paths without Node (uri.ts)', () => {
  it('reads file:, Windows drive and virtual file system URIs', () => {
    assert.equal(URI_TO_PATH('file:///home/a/x%20y.mlsd.md'), '/home/a/x y.mlsd.md');
    assert.equal(URI_TO_PATH('file:///c%3A/notes/a.md'), 'c:/notes/a.md');
    assert.equal(URI_TO_PATH('vscode-vfs://github/o/r/a.mlsd.md'), '/o/r/a.mlsd.md');
    assert.equal(URI_TO_PATH('untitled:Untitled-1'), 'Untitled-1');
  });
});
