// MLSD101 downsampling-without-calibration: negatives are downsampled for training, the model's
// output is used as a probability, and nothing corrects the probabilities afterwards. Evidence:
// "downsampling" words in steps 3-4 (data, model) in a sentence that does not negate them;
// "probability-output" words anywhere (probability, pCTR, bids, log loss) or the case-study trait
// "probability-output" (ad click prediction). Quiet when "calibration" words occur anywhere.
import { designCheck, interviewer } from '../shared/evidence';

export const downsamplingWithoutCalibration = designCheck(
  {
    id: 'MLSD101',
    name: 'downsampling-without-calibration',
    description: 'Negatives are downsampled but predicted probabilities are never recalibrated.',
  },
  ['downsampling', 'calibration'],
  (e, context, report) => {
    const hits = e.triggers('downsampling', ['data', 'model']);
    if (hits.length === 0 || e.has('calibration', 'document')) return;
    if (!e.trait('probability-output') && !e.has('probability-output', 'document')) return;
    for (const hit of e.affirmed(hits)) {
      const sentence = hit.sentence;
      const where = e.section('model') ? 'model' : 'data';
      const adClick = context.caseStudy?.id === 'ad-click-prediction';
      report({
        range: sentence.range,
        message: interviewer(
          `After downsampling, are your probabilities still right?`,
          `Training on a fraction of the negatives inflates every predicted probability${adClick ? ', and ad ranking multiplies pCTR by the bid, so an inflated pCTR overcharges advertisers' : ', and anything that uses them as probabilities (thresholds, bids, expected value) is off'}. Recalibrate: q = p / (p + (1 − p) / w) for a negative sampling rate w, or fit isotonic/Platt calibration on unsampled data.`,
        ),
        stepId: where,
        fixes: e.stubFix(
          where,
          'recalibration',
          '**Recalibration after downsampling**: TODO (how predicted probabilities are corrected for the sampling rate)',
        ),
      });
      return;
    }
  },
);
