// MLSD107 random-split-on-time-data: the data is a log of interactions over time and the design
// splits it at random, which lets the model see the future. Evidence: "random-split" words in steps
// 3-5 (data, model, evaluation), in a sentence that does not negate them; interaction data: the
// case-study trait "interaction-data" or "interaction-data" words in step 3. Quiet when steps 3-5
// hold any "time-split" word (time-based, chronological, out-of-time, point-in-time, future, past,
// last week, leakage...).
import { designCheck, interviewer } from '../shared/evidence';

const STEPS = ['data', 'model', 'evaluation'];

export const randomSplitOnTimeData = designCheck(
  {
    id: 'MLSD107',
    name: 'random-split-on-time-data',
    description: 'A random train/test split of time-ordered interaction data.',
  },
  ['random-split', 'time-split'],
  (e, context, report) => {
    const hits = e.triggers('random-split', STEPS);
    if (hits.length === 0 || e.has('time-split', STEPS)) return;
    if (!e.trait('interaction-data') && !e.has('interaction-data', ['data'])) return;
    for (const hit of e.affirmed(hits)) {
      const sentence = hit.sentence;
      const where = e.section('model') ? 'model' : 'data';
      report({
        range: sentence.range,
        message: interviewer(
          `A random split leaks the future.`,
          `Interaction logs are ordered in time: shuffled, the test set holds days the model has already seen, so offline metrics look better than production ever will. Split by time (train on earlier days, test on later ones) and compute features as of the prediction time.`,
          'say',
        ),
        stepId: where,
        fixes: e.stubFix(
          where,
          'a time-based split',
          '**Time-based split**: TODO (train on earlier days, validate and test on later ones; features as of prediction time)',
        ),
      });
      return;
    }
  },
);
