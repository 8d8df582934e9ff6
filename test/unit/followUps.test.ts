// Follow-up questions and design-check word lists are data: counts, ids, topic links, and the
// validator's messages when a user's data gets them wrong.
import { strict as assert } from 'node:assert';
import { analyseDesign } from '../../server/src/analysis/analyse';
import { followUpsFor, stepAtPosition } from '../../server/src/features/followUps';
import { builtInRegistry } from '../../server/src/framework/registry';
import { validateFramework, validateCaseStudy } from '../../server/src/framework/validate';
import { allRules } from '../../server/src/rules';
import * as fs from 'node:fs';
import * as path from 'node:path';

const registry = builtInRegistry();
const framework = registry.framework('aminian-7')!;
const dataDir = path.join(__dirname, '..', '..', 'server', 'src', 'framework', 'data');

describe('follow-up questions (data)', () => {
  it('loads every framework and case-study file without errors', () => {
    assert.deepEqual(
      registry.errors.map((e) => e.message),
      [],
    );
    assert.equal(registry.caseStudies.size, 10);
  });

  it('has at least 6 per step, each tied to topics of that step, with unique ids', () => {
    for (const step of framework.steps) {
      assert.ok(step.followUps.length >= 6, `${step.id}: ${step.followUps.length}`);
      const topics = new Set(step.topics.map((t) => t.id));
      const ids = new Set<string>();
      for (const q of step.followUps) {
        assert.ok(!ids.has(q.id), `${step.id}: ${q.id} twice`);
        ids.add(q.id);
        assert.ok(q.text.trim().endsWith('?') || q.text.includes('?'), `${q.id} is a question`);
        assert.ok(q.topics.length > 0);
        for (const topic of q.topics) assert.ok(topics.has(topic), `${q.id}: ${topic}`);
      }
    }
  });

  it('has at least 5 per case study, each on a step and on topics of that step', () => {
    for (const problem of registry.caseStudies.values()) {
      assert.ok(problem.followUps.length >= 5, `${problem.id}: ${problem.followUps.length}`);
      for (const q of problem.followUps) {
        const step = framework.stepById.get(q.step);
        assert.ok(step, `${problem.id}/${q.id}: step ${q.step}`);
        const topics = new Set([
          ...step.topics.map((t) => t.id),
          ...(problem.topicsByStep.get(q.step) ?? []).map((t) => t.id),
        ]);
        for (const topic of q.topics)
          assert.ok(topics.has(topic), `${problem.id}/${q.id}: ${topic}`);
      }
    }
  });

  it('rejects a follow-up on a topic its step does not have, naming the field', () => {
    const data = JSON.parse(fs.readFileSync(path.join(dataDir, 'aminian-7.json'), 'utf8'));
    data.steps[0].followUps[0].topics = ['drift'];
    assert.throws(
      () => validateFramework(data, 'f.json'),
      /f\.json: steps\[0\]\.followUps\[0\]\.topics\[0\]: "drift" is not a topic/,
    );
    const problem = JSON.parse(
      fs.readFileSync(path.join(dataDir, 'problems', 'visual-search.json'), 'utf8'),
    );
    problem.followUps[0].step = 'nowhere';
    const stepIds = new Set(framework.steps.map((s) => s.id));
    assert.throws(() => validateCaseStudy(problem, 'p.json', stepIds), /followUps\[0\]\.step/);
  });

  it('gives every design check the word lists it names, in the framework data', () => {
    for (const rule of allRules.filter((r) => Number(r.meta.id.slice(4)) >= 100)) {
      const source = fs.readFileSync(
        path.join(
          __dirname,
          '..',
          '..',
          'server',
          'src',
          'rules',
          'checks',
          `${camel(rule.meta.name)}.ts`,
        ),
        'utf8',
      );
      for (const [, name] of source.matchAll(
        /e\.(?:has|find|first|inSentence)\((?:sentence, )?'([a-z-]+)'/g,
      )) {
        assert.ok(framework.checkCues.get(name)?.length, `${rule.meta.id}: list "${name}"`);
      }
    }
  });
});

describe('follow-up questions (analysis)', () => {
  const design = [
    '---',
    'problem: video-recommendation',
    '---',
    '# Videos',
    '',
    '## 5. Evaluation',
    '',
    'Offline we use recall@k and nDCG on the last day of watch history.',
    '',
  ].join('\n');

  it("orders questions on uncovered topics first and adds the case study's", () => {
    const analysis = analyseDesign(design);
    const report = stepAtPosition(analysis, { line: 7, character: 3 })!;
    assert.equal(report.step.id, 'evaluation');
    const questions = followUpsFor(analysis, report);
    assert.ok(questions.some((q) => q.origin === 'video-recommendation'));
    const firstCovered = questions.findIndex((q) => q.covered);
    assert.ok(firstCovered > 0, 'an uncovered question first');
    assert.ok(questions.slice(firstCovered).every((q) => q.covered));
    assert.ok(questions.find((q) => q.id === 'offline-metric-choice')!.covered);
    assert.ok(!questions.find((q) => q.id === 'watch-time-vs-clicks')!.covered);
  });

  it('finds no step above the first step heading', () => {
    assert.equal(stepAtPosition(analyseDesign(design), { line: 3, character: 0 }), undefined);
  });
});

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
