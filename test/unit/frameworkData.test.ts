import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { canonicalText } from '../../server/src/framework/headingMatcher';
import { FrameworkRegistry, builtInRegistry } from '../../server/src/framework/registry';
import { validateFramework } from '../../server/src/framework/validate';
import { nodeDataFiles } from '../../server/src/dataFiles';

const CASE_STUDIES = [
  'visual-search',
  'street-view-blurring',
  'video-search',
  'harmful-content-detection',
  'video-recommendation',
  'event-recommendation',
  'ad-click-prediction',
  'similar-listings',
  'news-feed',
  'people-you-may-know',
];

describe('framework data', () => {
  const registry = builtInRegistry();

  it('loads aminian-7 and the 10 case studies without errors', () => {
    assert.deepEqual(
      registry.errors.map((e) => e.message),
      [],
    );
    const framework = registry.defaultFramework;
    assert.equal(framework.id, 'aminian-7');
    assert.deepEqual(
      framework.steps.map((s) => s.id),
      ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'],
    );
    assert.deepEqual([...registry.caseStudies.keys()].sort(), [...CASE_STUDIES].sort());
    assert.equal(
      framework.steps.reduce((sum, s) => sum + s.minutes, 0),
      framework.minutes,
    );
  });

  it('has the required topics of framework.md', () => {
    const required = (stepId: string) =>
      registry.defaultFramework.stepById
        .get(stepId)!
        .topics.filter((t) => t.required)
        .map((t) => t.id);
    assert.deepEqual(required('requirements'), [
      'business-objective',
      'scale',
      'performance-constraints',
    ]);
    assert.deepEqual(required('framing').sort(), ['input-output', 'ml-category', 'ml-objective']);
    assert.deepEqual(required('data'), ['data-sources', 'feature-engineering']);
    assert.deepEqual(required('model'), ['model-selection', 'training-data', 'loss-function']);
    assert.deepEqual(required('evaluation'), ['offline-metrics', 'online-metrics']);
    assert.deepEqual(required('serving'), ['prediction-pipeline']);
    assert.deepEqual(required('monitoring'), ['drift', 'what-to-monitor']);
  });

  it('has aliases in nine languages and no alias shared by two steps', () => {
    const framework = registry.defaultFramework;
    for (const step of framework.steps) {
      for (const language of ['en', 'zh', 'ja', 'ko', 'ru', 'es', 'pt', 'de', 'fr']) {
        assert.ok(
          (step.data.aliases[language] ?? []).length > 0,
          `${step.id} has no ${language} alias`,
        );
      }
    }
    const owner = new Map<string, string>();
    for (const step of framework.steps) {
      for (const list of Object.values(step.data.aliases)) {
        for (const alias of list) {
          const key = canonicalText(alias);
          const other = owner.get(key);
          assert.ok(!other || other === step.id, `"${alias}" names both ${other} and ${step.id}`);
          owner.set(key, step.id);
        }
      }
    }
  });

  it('names the file and the field of a bad data file, and keeps the others', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-data-'));
    const good = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', '..', 'server', 'src', 'framework', 'data', 'aminian-7.json'),
        'utf8',
      ),
    );
    const bad = structuredClone(good);
    bad.id = 'broken';
    bad.steps[2].topics[0].cues = ['not', 'an', 'object'];
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(bad));
    fs.writeFileSync(path.join(dir, 'not-json.json'), '{');
    const other = structuredClone(good);
    other.id = 'other';
    fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify(other));
    const loaded = new FrameworkRegistry(nodeDataFiles);
    loaded.loadDirectory(dir);
    // Frameworks other than the default are compiled when first asked for.
    assert.deepEqual([...loaded.frameworks.keys()], []);
    assert.deepEqual(loaded.frameworkIds(), ['broken', 'not-json', 'other']);
    for (const id of loaded.frameworkIds()) loaded.framework(id);
    assert.deepEqual([...loaded.frameworks.keys()], ['other']);
    const messages = loaded.errors.map((e) => e.message);
    assert.ok(
      messages.some((m) =>
        m.endsWith('broken.json: steps[2].topics[0].cues: expected an object, found an array'),
      ),
      messages.join('\n'),
    );
    assert.ok(messages.some((m) => /not-json\.json: is not valid JSON/.test(m)));
  });

  it('rejects unknown fields and wrong types with the field path', () => {
    assert.throws(
      () => validateFramework({ id: 'x', title: 't', source: 's', minutes: 0 }, 'f.json'),
      /f\.json: minutes: expected a positive number, found number 0/,
    );
    assert.throws(
      () => validateFramework({ id: 'Bad Id' }, 'f.json'),
      /f\.json: id: "Bad Id" is not a kebab-case id/,
    );
    assert.throws(
      () => validateFramework({ id: 'x' }, 'f.json'),
      /f\.json: title: expected a string, found nothing \(the field is missing\)$/,
    );
  });
});
