// MLSD110 imbalance-not-handled: the design says the classes are imbalanced but never says what
// training does about it. Evidence: "imbalance" words in steps 1-5 in a sentence that does not
// negate them ("the data is not imbalanced"). Quiet when any "imbalance-handling" word (resampling,
// downsampling, class weights, weighted loss, focal loss, SMOTE, stratified...) occurs anywhere.
import { designCheck, interviewer } from '../shared/evidence';

export const imbalanceNotHandled = designCheck(
  {
    id: 'MLSD110',
    name: 'imbalance-not-handled',
    description: 'Class imbalance is named but never handled.',
  },
  ['imbalance', 'imbalance-handling'],
  (e, context, report) => {
    const steps = ['requirements', 'framing', 'data', 'model', 'evaluation'];
    const hits = e.triggers('imbalance', steps, false);
    if (hits.length === 0 || e.has('imbalance-handling', 'document')) return;
    for (const hit of e.affirmed(hits)) {
      const sentence = hit.sentence;
      const where = e.section('model') ? 'model' : 'data';
      report({
        range: sentence.range,
        message: interviewer(
          `You said the classes are imbalanced. What do you do about it?`,
          `Left alone, the model learns that predicting the majority class is almost always right. Say how training handles it (downsampling or upsampling, class weights, focal loss) and how you correct for it afterwards.`,
        ),
        stepId: where,
        fixes: e.stubFix(
          where,
          'imbalance handling',
          '**Class imbalance handling**: TODO (resampling, class weights or focal loss, and how predictions are corrected)',
        ),
      });
      return;
    }
  },
);
