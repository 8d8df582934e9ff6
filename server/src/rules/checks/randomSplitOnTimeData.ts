// MLSD107 random-split-on-time-data: the data is a log of interactions over time and the design
// splits it at random, which lets the model see the future. Evidence: "random-split" words in steps
// 3-5 (data, model, evaluation), in a sentence that does not negate them; interaction data: the
// case-study trait "interaction-data" or "interaction-data" words in step 3. Quiet when steps 3-5
// hold any "time-split" word (time-based, chronological, out-of-time, point-in-time, future, past,
// last week, leakage...).
import type { Rule } from '../types';
import { Evidence } from '../shared/evidence';

const STEPS = ['data', 'model', 'evaluation'];

export const randomSplitOnTimeData: Rule = {
  meta: {
    id: 'MLSD107',
    name: 'random-split-on-time-data',
    description: 'A random train/test split of time-ordered interaction data.',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context, report) {
    const e = new Evidence(context);
    if (!e.defines('random-split', 'time-split')) return;
    const hits = e.find('random-split', STEPS, { ownWordsOnly: true });
    if (hits.length === 0 || e.has('time-split', STEPS)) return;
    if (!e.trait('interaction-data') && !e.has('interaction-data', ['data'])) return;
    for (const hit of e.affirmed(hits)) {
      const sentence = e.sentence(hit);
      const where = e.section('model') ? 'model' : 'data';
      report({
        range: sentence.range,
        message: `An interviewer would say: "A random split leaks the future." Interaction logs are ordered in time: shuffled, the test set holds days the model has already seen, so offline metrics look better than production ever will. Split by time (train on earlier days, test on later ones) and compute features as of the prediction time.`,
        stepId: where,
        fixes: e.stubFix(
          where,
          `Add a stub for a time-based split to step ${where === 'model' ? 4 : 3}`,
          '**Time-based split**: TODO (train on earlier days, validate and test on later ones; features as of prediction time)',
        ),
      });
      return;
    }
  },
};
