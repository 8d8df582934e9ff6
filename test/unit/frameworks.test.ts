// The shipped alternative frameworks (nine-step, genai-7): valid data, their own steps, and fixture
// designs that check clean when complete and get the right findings when not.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/analysis/analyse';
import { builtInDataDir, nodeDataFiles } from '../../server/src/dataFiles';
import { FrameworkRegistry, builtInRegistry } from '../../server/src/framework/registry';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'frameworks');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function findings(name: string): { framework: string; ids: string[]; messages: string[] } {
  const analysis = new Analyzer().analyse(read(name));
  const shown = analysis.findings.filter((f) => f.severity !== 'hint');
  return {
    framework: analysis.framework.id,
    ids: shown.map((f) => f.rule.id),
    messages: shown.map((f) => `${f.rule.id} ${f.message}`),
  };
}

describe('shipped frameworks', () => {
  const registry = builtInRegistry();

  it('loads nine-step and genai-7 without errors, minutes adding up to the session', () => {
    assert.deepEqual(
      registry.errors.map((e) => e.message),
      [],
    );
    for (const [id, steps] of [
      [
        'nine-step',
        [
          'framing',
          'metrics',
          'architecture',
          'data',
          'features',
          'model',
          'serving',
          'deployment',
          'monitoring',
        ],
      ],
      [
        'genai-7',
        ['requirements', 'framing', 'data', 'model', 'evaluation', 'system', 'deployment'],
      ],
    ] as const) {
      const framework = registry.framework(id)!;
      assert.equal(framework.id, id);
      assert.deepEqual(
        framework.steps.map((s) => s.id),
        steps,
      );
      assert.equal(
        framework.steps.reduce((sum, s) => sum + s.minutes, 0),
        framework.minutes,
      );
      for (const step of framework.steps) {
        assert.ok(
          step.topics.some((t) => t.required),
          `${id}/${step.id} has a required topic`,
        );
        assert.ok((step.data.followUps ?? []).length >= 3, `${id}/${step.id} has follow-ups`);
        for (const language of ['en', 'zh', 'ja', 'ko', 'ru', 'es', 'pt', 'de', 'fr'])
          assert.ok(step.data.aliases[language]?.length, `${id}/${step.id} aliases in ${language}`);
      }
    }
  });

  it('gives the frameworks their own topics, not the book\u2019s relabelled', () => {
    const topicIds = (id: string) =>
      new Set(registry.framework(id)!.steps.flatMap((s) => s.topics.map((t) => t.id)));
    const book = topicIds('aminian-7');
    for (const id of ['nine-step', 'genai-7']) {
      const own = [...topicIds(id)].filter((t) => !book.has(t));
      assert.ok(own.length >= topicIds(id).size / 2, `${id}: ${own.length} own topics`);
    }
  });

  for (const name of ['nine-step-complete.mlsd.md', 'genai-7-complete.mlsd.md']) {
    it(`checks ${name} clean`, () => {
      const result = findings(name);
      assert.equal(result.framework, name.split('-complete')[0]);
      assert.deepEqual(result.messages, []);
    });
  }

  it('finds what the partial 9-step design lacks, and no step-order or requirements noise', () => {
    const result = findings('nine-step-partial.mlsd.md');
    assert.equal(result.framework, 'nine-step');
    assert.ok(!result.ids.includes('MLSD002'), result.messages.join('\n'));
    assert.ok(
      result.messages.every((m) => !/requirements/i.test(m)),
      result.messages.join('\n'),
    );
    const missing = result.messages.filter((m) => m.startsWith('MLSD001'));
    assert.equal(missing.length, 1);
    assert.match(missing[0], /Step 4 'Data collection and preparation' is missing/);
    assert.ok(result.messages.some((m) => /^MLSD004 Step 3 'Architectural components'/.test(m)));
  });

  it('finds what the partial genai-7 design lacks', () => {
    const result = findings('genai-7-partial.mlsd.md');
    assert.equal(result.framework, 'genai-7');
    const missing = result.messages.filter((m) => m.startsWith('MLSD001'));
    assert.deepEqual(
      missing.map((m) => /Step \d '([^']+)'/.exec(m)?.[1]),
      ['Data preparation', 'Overall system design'],
    );
    assert.ok(
      result.messages.some((m) => /^MLSD006 .*input and output modalities/.test(m)),
      result.messages.join('\n'),
    );
    assert.ok(!result.ids.includes('MLSD002'));
  });

  it('reads a 9-step design without front matter as the book\u2019s framework (never switches)', () => {
    const text = read('nine-step-complete.mlsd.md').replace(/^---[\s\S]*?---\n/, '');
    const analysis = new Analyzer().analyse(text);
    assert.equal(analysis.framework.id, 'aminian-7');
  });

  it('reads an unchanged document again when its fallback framework changes', () => {
    // A .mlsd.json or the setting changed: the parts of the last layout were read with the old one.
    const text = read('nine-step-complete.mlsd.md').replace(/^---[\s\S]*?---\n/, '');
    const analyzer = new Analyzer();
    assert.equal(analyzer.analyse(text, { document: 'd' }).framework.id, 'aminian-7');
    const switched = analyzer.analyse(text, { document: 'd', framework: 'nine-step' });
    assert.equal(switched.framework.id, 'nine-step');
    assert.deepEqual(
      switched.findings.filter((f) => f.severity !== 'hint').map((f) => f.message),
      [],
    );
    assert.equal(analyzer.analyse(text, { document: 'd' }).framework.id, 'aminian-7');
    const forced = analyzer.analyse(`---\nframework: genai-7\n---\n${text}`, {
      framework: 'nine-step',
      forceFramework: true,
    });
    assert.equal(forced.framework.id, 'nine-step');
  });

  it('compiles no framework but the default for designs that do not ask for another', () => {
    const registry = new FrameworkRegistry(nodeDataFiles);
    registry.loadDirectory(builtInDataDir());
    const analyzer = new Analyzer({ registry });
    const examples = path.join(__dirname, '..', '..', 'examples');
    for (const name of fs.readdirSync(examples).filter((n) => n.endsWith('.mlsd.md')))
      analyzer.analyse(fs.readFileSync(path.join(examples, name), 'utf8'));
    assert.deepEqual([...registry.frameworks.keys()], ['aminian-7']);
    analyzer.analyse(read('genai-7-complete.mlsd.md'));
    assert.deepEqual([...registry.frameworks.keys()].sort(), ['aminian-7', 'genai-7']);
  });
});
