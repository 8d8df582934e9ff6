// The practice design `mlsd/practiceStart` writes: the interviewer's opening from the case study's
// data (or its prompt, or the user's own), the framework it is checked against, and the budgets
// split by that framework's minutes.
import { strict as assert } from 'node:assert';
import { analyseDesign } from '../../server/src/analysis/analyse';
import { practiceStart } from '../../server/src/features/practiceStart';
import { builtInDataDir, nodeDataFiles } from '../../server/src/dataFiles';
import { FrameworkRegistry, builtInRegistry } from '../../server/src/framework/registry';
import type { CaseStudyData } from '../../server/src/framework/types';
import { validateCaseStudy } from '../../server/src/framework/validate';
import { DataFileError } from '../../server/src/framework/validate';

const registry = builtInRegistry();

function sentences(text: string): number {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim()).length;
}

describe('practice start: the interviewer’s opening', () => {
  it('every built-in case study has its own opening: 2-4 sentences and one question', () => {
    assert.equal(registry.caseStudies.size, 10);
    for (const study of registry.caseStudies.values()) {
      const opening = study.data.opening;
      assert.ok(opening, `${study.id} has no opening`);
      const count = sentences(opening.statement);
      assert.ok(count >= 2 && count <= 4, `${study.id}: ${count} sentences`);
      assert.notEqual(opening.statement, study.prompt);
      assert.match(opening.clarifyingQuestion, /^[^?]+\?$/, `${study.id}: one question`);
    }
  });

  it('quotes the opening and the clarifying question at the top of the design', () => {
    const study = registry.caseStudies.get('video-search')!;
    const started = practiceStart(registry, { caseStudy: 'video-search', minutes: 45 });
    const lines = started.content.split('\n');
    const firstStep = lines.findIndex((line) => line.startsWith('## '));
    const top = lines.slice(0, firstStep).join('\n');
    assert.ok(
      top.includes(`> **Interviewer:** ${study.data.opening!.statement} You have 45 minutes`),
      top,
    );
    assert.ok(
      top.includes(
        `>\n> **A clarifying question to ask first:** ${study.data.opening!.clarifyingQuestion}`,
      ),
    );
    assert.ok(!started.content.includes(study.prompt), 'the prompt is not repeated');
  });

  it('adds no finding of its own: the opening is not read as part of the answer', () => {
    for (const study of registry.caseStudies.values()) {
      const started = practiceStart(registry, { caseStudy: study.id, minutes: 45 });
      const withoutOpening = started.content.replace(/^>.*\n(?:>.*\n)*/m, '');
      const findings = (text: string) =>
        analyseDesign(text, { registry })
          .findings.map((f) => `${f.rule.id}:${f.message}`)
          .sort();
      assert.deepEqual(findings(started.content), findings(withoutOpening), study.id);
    }
  });

  it('falls back to the prompt for a case study without an opening, on one line', () => {
    const data: CaseStudyData = {
      ...registry.caseStudies.get('news-feed')!.data,
      id: 'my-feed',
      opening: undefined,
    };
    // A registry of its own: the shared built-in one must keep its 10 case studies.
    const own = new FrameworkRegistry(nodeDataFiles);
    own.loadDirectory(builtInDataDir());
    own.addCaseStudy(data);
    const started = practiceStart(own, { caseStudy: 'my-feed', minutes: 45 });
    assert.ok(started.content.includes(`> **Interviewer:** ${data.prompt} You have 45 minutes`));
    assert.ok(!started.content.includes('clarifying question'));

    own.addCaseStudy({
      ...data,
      id: 'broken-lines',
      opening: { statement: 'Line one.\n\nLine two.', clarifyingQuestion: 'Why?\nReally?' },
    });
    const multiline = practiceStart(own, { caseStudy: 'broken-lines', minutes: 45 });
    assert.match(multiline.content, /^> \*\*Interviewer:\*\* Line one\. Line two\. You have/m);
    assert.match(
      multiline.content,
      /^> \*\*A clarifying question to ask first:\*\* Why\? Really\?$/m,
    );
  });

  it('validates the opening and names the field', () => {
    const base = JSON.parse(JSON.stringify(registry.caseStudies.get('news-feed')!.data)) as Record<
      string,
      unknown
    >;
    const bad = (opening: unknown) => () =>
      validateCaseStudy({ ...base, opening }, 'p.json', undefined, undefined);
    assert.throws(bad('Say hello.'), /opening.*expected an object/);
    assert.throws(bad({ statement: 'Hello.' }), /opening\.clarifyingQuestion/);
    assert.throws(bad({ statement: ' ', clarifyingQuestion: 'Why?' }), /opening\.statement/);
    assert.throws(
      bad({ statement: 'Hello.', clarifyingQuestion: 'Why?', hint: 'x' }),
      (error: unknown) => error instanceof DataFileError && /opening\.hint/.test(error.message),
    );
    assert.doesNotThrow(bad({ statement: 'Hello.', clarifyingQuestion: 'Why?' }));
  });
});

describe('practice start: the framework of the design', () => {
  it('“my own prompt” uses the framework asked for, budgets split by its minutes', () => {
    for (const id of ['aminian-7', 'nine-step', 'genai-7']) {
      const framework = registry.framework(id)!;
      const started = practiceStart(registry, {
        prompt: 'Design a spam filter.',
        framework: id,
        minutes: 30,
      });
      assert.deepEqual(
        started.steps.map((s) => s.id),
        framework.steps.map((s) => s.id),
      );
      started.steps.forEach((step, i) =>
        assert.equal(
          step.budgetSeconds,
          Math.round(((framework.steps[i].minutes * 30) / framework.minutes) * 60),
        ),
      );
      assert.equal(
        /^framework: (.+)$/m.exec(started.content)?.[1],
        id === 'aminian-7' ? undefined : id,
      );
      const analysis = analyseDesign(started.content, { registry });
      assert.equal(analysis.framework.id, id);
      assert.equal(analysis.minutes, 30);
    }
  });

  it('a case study uses its own framework whatever is asked; an unknown id the default', () => {
    const study = practiceStart(registry, {
      caseStudy: 'news-feed',
      framework: 'nine-step',
      minutes: 45,
    });
    assert.doesNotMatch(study.content, /^framework:/m);
    assert.equal(study.steps.length, registry.framework('aminian-7')!.steps.length);
    const unknown = practiceStart(registry, {
      prompt: 'Design X.',
      framework: 'nope',
      minutes: 45,
    });
    assert.deepEqual(
      unknown.steps.map((s) => s.id),
      registry.defaultFramework.steps.map((s) => s.id),
    );
  });
});
