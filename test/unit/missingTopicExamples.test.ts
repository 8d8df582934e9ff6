import { strict as assert } from 'node:assert';
import { exampleCues } from '../../server/src/rules/missingTopic';

describe('missing-topic message examples', () => {
  it('leaves out cues the description already names and variants of one already chosen', () => {
    const examples = exampleCues(
      ['A/B', 'a/b test', 'a/b testing', 'ab test', 'CTR', 'click-through rate', 'split test'],
      'names the online metrics (CTR, conversion) usually measured in an A/B test',
    );
    assert.equal(examples, 'click-through rate, split test');
  });

  it('gives at most three examples and skips cues of two letters', () => {
    assert.equal(
      exampleCues(['QA', 'recall', 'precision', 'F1 score', 'PR-AUC'], ''),
      'recall, precision, F1 score',
    );
  });
});
