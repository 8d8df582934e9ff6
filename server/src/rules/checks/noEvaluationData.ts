// MLSD121 no-evaluation-data: offline metrics with no word on the data they are computed on.
// Evidence: step 5 (evaluation) has at least its "thin" number of words and names an
// "offline-metrics" word in the writer's own words, in a sentence that does not negate it, and a
// "model-training" word says the team trains a model; quiet when any "evaluation-data" word
// (held-out or test set, validation set, a split, cross-validation, backtest, golden or evaluation
// set, a separate set, a public benchmark, off-policy replay; отложенная выборка, conjunto de
// prueba...) occurs anywhere in the design, headings included, or an "evaluation-window" word
// (the last two weeks, a labelled sample, computed on, kept aside, raters) in step 4 or 5, and
// when the model is not the team's to train ("untrained-model":
// a prompted LLM, a vendor API, an off-the-shelf model) or learns without labels
// ("unsupervised-model": its metrics come from reviewing what it flags). Reported on the step 5
// heading.
import { designCheck, interviewer } from '../shared/evidence';

export const noEvaluationData = designCheck(
  {
    id: 'MLSD121',
    name: 'no-evaluation-data',
    description: 'Offline metrics with no word on the held-out data they are computed on.',
  },
  [
    'offline-metrics',
    'evaluation-data',
    'evaluation-window',
    'model-training',
    'untrained-model',
    'unsupervised-model',
  ],
  (e, context, report) => {
    const range = e.offlineMetricsHeading();
    if (!range) return;
    if (e.has('evaluation-data', 'document') || e.has('untrained-model', 'document')) return;
    // A window or a source of the data ("on the last two weeks", "a labelled sample") is read
    // only where the model is built and judged: feature windows use the same words.
    if (e.has('evaluation-window', ['model', 'evaluation'])) return;
    if (e.has('unsupervised-model', 'document')) return;
    if (!e.has('model-training', 'document')) return;
    report({
      range,
      message: interviewer(
        `These metrics are computed on which data, split from training how?`,
        `A metric means little until the set it is measured on is named: a random split of logged or time-ordered data leaks the future and the same users into the test set, and a set used for tuning flatters the model. Say which held-out data (a later time window, unseen users, a labelled golden set), how it is split from training and how large it is.`,
      ),
      stepId: 'evaluation',
      fixes: e.stubFix(
        'evaluation',
        'the evaluation data',
        '**Evaluation data**: TODO (the held-out set the metrics are computed on: how it is split from training, e.g. a later time window or unseen users, and its size)',
      ),
    });
  },
);
