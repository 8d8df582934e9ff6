// A deferral label reaches past its own sentence: the list under "Out of scope:" (or a bold
// "**Not addressed**", or "- **Не входит:**" with items under it) and the text under an "Out of
// scope" heading name what the design does NOT do, so their words cover no topic. Fixtures
// written here, one per kind; the engine split into short runs gives the oracle's result.
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../server/src/analysis/analyse';
import type { Analysis } from '../../server/src/model/analysis';
import { analyse, lines } from '../helpers/analyse';
import { wholeTextAnalysis } from '../oracle/wholeTextAnalysis';

function statusIn(analysis: Analysis, stepId: string, topicId: string): string | undefined {
  const step = analysis.steps.find((s) => s.step.id === stepId)!;
  return step.topics.find((t) => t.topic.id === topicId)?.status;
}

const objective = (...body: string[]) =>
  statusIn(analyse(lines('# T', '## Requirements', ...body)), 'requirements', 'business-objective');
const constraints = (...body: string[]) =>
  statusIn(
    analyse(lines('# T', '## Requirements', ...body)),
    'requirements',
    'performance-constraints',
  );

describe('deferral labels', () => {
  it('leaves out the list under an "Out of scope:" line', () => {
    const items = [
      'In scope: detecting moving objects.',
      '',
      'Out of scope:',
      '',
      '- Top accuracy. The purpose of this project is learning pipelines, not revenue.',
      '- Safety goals of the whole vehicle.',
    ];
    assert.equal(objective(...items), 'missing');
    // The same words outside the list still count, and a paragraph after the list ends it.
    assert.equal(
      objective(...items, '', 'Our goal is to cut the purpose-built review queue.'),
      'covered',
    );
    assert.equal(
      objective('- Top accuracy. The purpose of this project is learning pipelines, not revenue.'),
      'covered',
    );
  });

  it('leaves out the items nested under a list item label, up to its next sibling', () => {
    const scope = (after: string) =>
      constraints(
        '- **In scope:**',
        '  - Batch scoring once a night.',
        '- **Не входит:**',
        '  - Real-time latency under 100 ms.',
        '  - Cost reports.',
        after,
      );
    assert.equal(scope('- **Team:** three engineers.'), 'missing');
    assert.equal(scope('- **Limits:** the p99 latency must stay under a second.'), 'covered');
  });

  it('leaves out a bold label\'s list ("**Not addressed**")', () => {
    const body = ['**Not addressed**', '- Real-time latency tuning.', '- A GPU budget.'];
    assert.equal(constraints(...body), 'missing');
    assert.equal(constraints(...body.slice(1)), 'covered');
  });

  it('leaves out everything under an "Out of scope" heading, to the next heading', () => {
    const body = (next: string) =>
      constraints(
        'Users rate the answers.',
        '### Out of scope',
        'Search ranking, with its own latency budget.',
        '',
        '- Ad serving under 50 ms.',
        next,
        'Answers within 2 seconds at p95.',
      );
    assert.equal(body(''), 'missing');
    assert.equal(body('### Constraints'), 'covered');
  });

  it('takes a line that defers its own topic ("Loss: TBD") as no label for the list after it', () => {
    const loss = (...body: string[]) =>
      statusIn(analyse(lines('# T', '## Model', ...body)), 'model', 'loss-function');
    assert.equal(loss('Online metrics: TBD', '- Loss function: focal loss.'), 'covered');
    assert.equal(loss('Not in scope:', '- Loss function: focal loss.'), 'missing');
  });

  it('gives the whole-text result when a label and its list fall in different parts', () => {
    const filler = 'Words about the catalogue and the users of the service. '.repeat(3);
    const text = lines(
      '# T',
      '## Requirements',
      filler,
      '',
      'Out of scope:',
      ...Array.from({ length: 12 }, (_, i) => `- Item ${i}: ${filler}`),
      '- Latency under 100 ms for the mobile app, which is our goal.',
      '',
      'Answers come back within 3 seconds.',
      '## Model',
      '**Non-goals**',
      ...Array.from({ length: 12 }, (_, i) => `- Case ${i}: ${filler}`),
      '- We use a focal loss.',
    );
    const oracle = wholeTextAnalysis(text);
    const view = (analysis: Analysis) =>
      analysis.steps.map((s) => s.topics.map((t) => [t.topic.id, t.status, t.evidence?.start]));
    for (const minRun of [100, 300]) {
      const engine = new Analyzer({ testing: { minRun } }).analyse(text);
      assert.deepEqual(view(engine), view(oracle), `runs of ${minRun}`);
    }
    assert.equal(statusIn(oracle, 'requirements', 'business-objective'), 'missing');
    assert.equal(statusIn(oracle, 'requirements', 'performance-constraints'), 'covered');
    assert.equal(statusIn(oracle, 'model', 'loss-function'), 'missing');
  });
});
