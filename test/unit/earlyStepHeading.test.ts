// A heading at a step's level that is exactly the name of another step, written before that
// step's own opening ("## Success metrics" after requirements, with "## Evaluation" further
// down), used to be read as content of the step above it, so that step's topics were found in
// words about metrics. Such a stretch now belongs to no step. "Success metrics" and its
// translations are evaluation aliases of the default framework, as they are of the 9-step one.
import { strict as assert } from 'node:assert';
import { analyse, lines } from '../helpers/analyse';

function design(metricsHeading: string) {
  return analyse(
    lines(
      '# Library returns',
      '## Clarifying requirements',
      '- How many branches, and how many returns a day?',
      '- Must a decision come back within 300 ms?',
      `## ${metricsHeading}`,
      '- Revenue kept per late return, and member retention.',
      '## Data',
      '- Loan history and branch opening hours.',
      '## Model',
      '- Gradient boosted trees on loan features.',
      '## Evaluation',
      '- Precision and recall on last month held out.',
    ),
  );
}

function objectiveOf(analysis: ReturnType<typeof analyse>) {
  const requirements = analysis.steps.find((s) => s.step.id === 'requirements')!;
  return requirements.topics.find((t) => t.topic.id === 'business-objective')?.status;
}

describe('a heading naming a later step, written early', () => {
  it('is not read as content of the step above it', () => {
    const analysis = design('Success metrics');
    assert.equal(objectiveOf(analysis), 'missing');
    const heading = analysis.document.headings.find((h) => h.text === 'Success metrics')!;
    assert.equal(heading.role, 'none');
    const evaluation = analysis.steps.find((s) => s.step.id === 'evaluation')!;
    assert.equal(evaluation.section?.heading.text, 'Evaluation');
  });

  it('still reads a heading that names no step as content', () => {
    assert.equal(objectiveOf(design('Business context')), 'covered');
  });

  it('knows success metrics as an evaluation heading in several languages', () => {
    for (const heading of ['Measuring success', 'Метрики успеха', 'Erfolgsmetriken']) {
      const analysis = design(heading);
      const found = analysis.document.headings.find((h) => h.text === heading)!;
      assert.deepEqual(found.match.stepIds, ['evaluation'], heading);
      assert.equal(found.match.strong, true, heading);
    }
  });
});
