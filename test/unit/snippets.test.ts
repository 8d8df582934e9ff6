// snippets/mlsd.code-snippets: generated from the framework data, current, and every template in it
// is a design the checker reads as intended once its tab stops take their defaults.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { generateSnippets, loadData, SNIPPETS_FILE } from '../../scripts/generate-snippets.mjs';
import { analyseDesign } from '../../server/src/analysis/analyse';
import type { FrameworkData, CaseStudyData } from '../../server/src/framework/types';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Expands a snippet body as if every tab stop kept its default: `${1:a}`→a, `$1`→'', `${1|a,b|}`→a. */
export function resolveSnippet(body: string): string {
  let i = 0;
  const escaped = (stops: string) =>
    body[i] === '\\' && i + 1 < body.length && stops.includes(body[i + 1]);
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < body.length) {
      if (escaped('$}\\')) {
        out += body[i + 1];
        i += 2;
        continue;
      }
      if (inPlaceholder && body[i] === '}') {
        i++;
        return out;
      }
      const rest = body.slice(i);
      const bare = /^\$(\d+)/.exec(rest);
      if (bare) {
        i += bare[0].length;
        continue;
      }
      const open = /^\$\{(\d+)([:|}])/.exec(rest);
      if (open) {
        i += open[0].length;
        if (open[2] === ':') out += parse(true);
        else if (open[2] === '|') out += choice();
        continue;
      }
      out += body[i++];
    }
    assert.ok(!inPlaceholder, 'every ${ is closed');
    return out;
  };
  const choice = (): string => {
    const options = [''];
    while (i < body.length && !(body[i] === '|' && body[i + 1] === '}')) {
      if (escaped(',|\\')) {
        options[options.length - 1] += body[i + 1];
        i += 2;
      } else if (body[i] === ',') {
        options.push('');
        i++;
      } else {
        options[options.length - 1] += body[i++];
      }
    }
    assert.ok(i < body.length, 'every choice is closed');
    i += 2;
    return options[0];
  };
  return parse(false);
}

const text = (snippet: Snippet) => resolveSnippet(snippet.body.join('\n'));

describe('snippets', () => {
  const data = loadData();
  const file = JSON.parse(fs.readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, Snippet>;
  const snippets = Object.values(file);
  const byPrefix = new Map(snippets.map((s) => [s.prefix, s]));

  it('resolves tab stops to their defaults (the helper the other tests use)', () => {
    assert.equal(
      resolveSnippet('a ${1:Title} $2 ${3|x,y|} \\$5 \\} ${4:n${5:e}st}$0'),
      'a Title  x $5 } nest',
    );
    assert.equal(resolveSnippet('${1|a\\,b,c|}'), 'a,b');
  });

  it('is the current output of scripts/generate-snippets.mjs (run `npm run snippets`)', () => {
    assert.equal(fs.readFileSync(SNIPPETS_FILE, 'utf8'), generateSnippets(data));
  });

  it('starts every prefix with "mlsd", one snippet per prefix', () => {
    for (const snippet of snippets)
      assert.match(snippet.prefix, /^mlsd(-[a-z0-9-]+)?$/, snippet.prefix);
    assert.equal(byPrefix.size, snippets.length, 'prefixes are unique');
    const expected = [
      'mlsd',
      ...data.framework.steps.map((s) => `mlsd-${s.id}`),
      ...data.problems.map((p) => `mlsd-${p.id}`),
    ];
    assert.deepEqual([...byPrefix.keys()].sort(), expected.sort());
    assert.equal(data.framework.steps.length, 7);
  });

  it('expands `mlsd` into all seven steps, findings only for empty steps and placeholders', () => {
    const design = text(byPrefix.get('mlsd')!);
    const analysis = analyseDesign(design);
    assert.deepEqual(
      analysis.steps.map((s) => (s.section ? s.step.id : null)),
      data.framework.steps.map((s) => s.id),
      'every step is found',
    );
    const rules = new Set(analysis.findings.map((f) => f.rule.id));
    for (const rule of rules)
      assert.ok(['MLSD004', 'MLSD007'].includes(rule), `unexpected ${rule}`);
    assert.equal(analysis.findings.filter((f) => f.rule.id === 'MLSD004').length, 7);
    assert.equal(analysis.caseStudy, undefined, 'the blank design names no case study');
    assert.match(design, /^---\ntitle: Title\n/);
  });

  it('gives each case study its own snippet that declares the problem and adds its topics', () => {
    assert.equal(data.problems.length, 10);
    for (const problem of data.problems) {
      const snippet = byPrefix.get(`mlsd-${problem.id}`);
      assert.ok(snippet, problem.id);
      const design = text(snippet);
      assert.match(design, new RegExp(`^problem: ${problem.id}$`, 'm'));
      const analysis = analyseDesign(design);
      assert.equal(analysis.caseStudy?.id, problem.id, `${problem.id} is declared`);
      assert.ok(
        analysis.steps.every((s) => s.section),
        `${problem.id}: every step is found`,
      );
      const structural = analysis.findings.filter((f) =>
        ['MLSD001', 'MLSD002', 'MLSD003', 'MLSD008'].includes(f.rule.id),
      );
      assert.deepEqual(structural, [], problem.id);
      for (const [stepId, topics] of Object.entries(problem.topics)) {
        const section = analysis.steps.find((s) => s.step.id === stepId)?.section;
        assert.ok(section, `${problem.id}: step ${stepId}`);
        const sectionText = section.spans
          .map((span) => design.slice(span.start, span.end))
          .join('\n');
        for (const topic of topics) {
          assert.ok(
            sectionText.includes(`- ${topic.stub}`),
            `${problem.id}: stub of ${topic.id} under ${stepId}`,
          );
        }
      }
    }
  });

  it('gives each step a snippet that opens that step', () => {
    for (const step of data.framework.steps) {
      const analysis = analyseDesign(text(byPrefix.get(`mlsd-${step.id}`)!));
      assert.deepEqual(
        analysis.steps.filter((s) => s.section).map((s) => s.step.id),
        [step.id],
      );
    }
  });

  it('escapes $, } and \\ in the data so the text comes out as written', () => {
    const step = data.framework.steps[0];
    const framework: FrameworkData = {
      ...data.framework,
      steps: [{ ...step, template: 'Budget: $5 per ${user} \\ day}' }],
    };
    const problem: CaseStudyData = {
      id: 'odd',
      title: 'Odd $title}',
      framework: framework.id,
      prompt: 'Design it.',
      topics: { [step.id]: [{ ...step.topics[0], stub: 'Cost in $ and }' }] },
    };
    const generated = JSON.parse(generateSnippets({ framework, problems: [problem] })) as Record<
      string,
      Snippet
    >;
    const odd = text(Object.values(generated).find((s) => s.prefix === 'mlsd-odd')!);
    assert.ok(odd.includes('Budget: $5 per ${user} \\ day}'), odd);
    assert.ok(odd.includes('- Cost in $ and }'), odd);
    assert.ok(odd.includes('# Odd $title}'), odd);
  });
});
