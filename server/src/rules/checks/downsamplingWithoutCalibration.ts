// MLSD101 downsampling-without-calibration: negatives are downsampled for training, the model's
// output is used as a probability, and nothing corrects the probabilities afterwards. Evidence:
// "downsampling" words in steps 3-4 (data, model) in a sentence that does not negate them;
// "probability-output" words anywhere (probability, pCTR, bids, log loss) or the case-study trait
// "probability-output" (ad click prediction). Quiet when "calibration" words occur anywhere.
import type { Rule } from '../types';
import { Evidence } from '../shared/evidence';

export const downsamplingWithoutCalibration: Rule = {
  meta: {
    id: 'MLSD101',
    name: 'downsampling-without-calibration',
    description: 'Negatives are downsampled but predicted probabilities are never recalibrated.',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context, report) {
    const e = new Evidence(context);
    if (!e.defines('downsampling', 'calibration')) return;
    const hits = e.find('downsampling', ['data', 'model'], { ownWordsOnly: true });
    if (hits.length === 0 || e.has('calibration', 'document')) return;
    if (!e.trait('probability-output') && !e.has('probability-output', 'document')) return;
    for (const hit of e.affirmed(hits)) {
      const sentence = e.sentence(hit);
      const where = e.section('model') ? 'model' : 'data';
      const adClick = context.caseStudy?.id === 'ad-click-prediction';
      report({
        range: sentence.range,
        message: `An interviewer would ask: "After downsampling, are your probabilities still right?" Training on a fraction of the negatives inflates every predicted probability${adClick ? ', and ad ranking multiplies pCTR by the bid, so an inflated pCTR overcharges advertisers' : ', and anything that uses them as probabilities (thresholds, bids, expected value) is off'}. Recalibrate: q = p / (p + (1 − p) / w) for a negative sampling rate w, or fit isotonic/Platt calibration on unsampled data.`,
        stepId: where,
        fixes: e.stubFix(
          where,
          `Add a stub for recalibration to step ${where === 'model' ? 4 : 3}`,
          '**Recalibration after downsampling**: TODO (how predicted probabilities are corrected for the sampling rate)',
        ),
      });
      return;
    }
  },
};
