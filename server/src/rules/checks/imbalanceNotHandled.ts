// MLSD110 imbalance-not-handled: the design says the classes are imbalanced but never says what
// training does about it. Evidence: "imbalance" words in steps 1-5 in a sentence that does not
// negate them ("the data is not imbalanced"). Quiet when any "imbalance-handling" word (resampling,
// downsampling, class weights, weighted loss, focal loss, SMOTE, stratified...) occurs anywhere.
import type { Rule } from '../types';
import { Evidence } from '../shared/evidence';

export const imbalanceNotHandled: Rule = {
  meta: {
    id: 'MLSD110',
    name: 'imbalance-not-handled',
    description: 'Class imbalance is named but never handled.',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context, report) {
    const e = new Evidence(context);
    if (!e.defines('imbalance', 'imbalance-handling')) return;
    const steps = ['requirements', 'framing', 'data', 'model', 'evaluation'];
    const hits = e.find('imbalance', steps, { headings: false, ownWordsOnly: true });
    if (hits.length === 0 || e.has('imbalance-handling', 'document')) return;
    for (const hit of e.affirmed(hits)) {
      const sentence = e.sentence(hit);
      const where = e.section('model') ? 'model' : 'data';
      report({
        range: sentence.range,
        message: `An interviewer would ask: "You said the classes are imbalanced. What do you do about it?" Left alone, the model learns that predicting the majority class is almost always right. Say how training handles it (downsampling or upsampling, class weights, focal loss) and how you correct for it afterwards.`,
        stepId: where,
        fixes: e.stubFix(
          where,
          `Add a stub for imbalance handling to step ${where === 'model' ? 4 : 3}`,
          '**Class imbalance handling**: TODO (resampling, class weights or focal loss, and how predictions are corrected)',
        ),
      });
      return;
    }
  },
};
