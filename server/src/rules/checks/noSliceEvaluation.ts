// MLSD120 no-slice-evaluation: the evaluation reports aggregate metrics only. Evidence: step 5
// (evaluation) has at least its "thin" number of words and names an "offline-metrics" word in the
// writer's own words, in a sentence that does not negate it; quiet when any "slice-evaluation"
// word (per slice, per segment, per class or category, per language or region, subgroup or
// cohort analysis, error analysis, fairness metrics...) occurs anywhere in the design, headings
// included, or "fairness" is named in a sentence that says it is measured ("measurement": a
// fairness audit, fairness gates) or that a sentence saying so follows on from (a "Fairness"
// heading over "check the metrics per region"); fairness named as a principle ("Privacy &
// Fairness" over "Avoid bias") is not.
// "Segmentation" (of images, or of users as a feature) and a latency "breakdown" are not slices.
// Reported on the step 5 heading.
import { designCheck, interviewer, type Evidence } from '../shared/evidence';

export const noSliceEvaluation = designCheck(
  {
    id: 'MLSD120',
    name: 'no-slice-evaluation',
    description: 'The evaluation reports aggregate metrics only, no slices or error analysis.',
  },
  ['offline-metrics', 'slice-evaluation', 'fairness', 'measurement'],
  (e, context, report) => {
    const range = e.offlineMetricsHeading();
    if (!range) return;
    if (e.has('slice-evaluation', 'document') || fairnessMeasured(e)) return;
    report({
      range,
      message: interviewer(
        `Which slices will you report, and which one would block a launch?`,
        `An overall metric can go up while the model gets worse for new users, one market or a rare class: name the groups you break the offline metrics down by (new vs. returning users, regions or languages, classes, devices) and look at the errors, not only the average.`,
      ),
      stepId: 'evaluation',
      fixes: e.stubFix(
        'evaluation',
        'slice evaluation',
        '**Slices**: TODO (the groups the metrics are reported for, e.g. new vs. returning users, regions, rare classes, and the one that blocks a launch)',
      ),
    });
  },
);

/**
 * Fairness named where the design measures it: in a sentence that says so ("a monthly fairness
 * audit"), or followed by one (a "Fairness" heading over "Check the metrics for each region"); not
 * named as a principle only ("Privacy & Fairness" over "Avoid bias in the training data").
 */
function fairnessMeasured(e: Evidence): boolean {
  const fairness = e.find('fairness', 'document');
  if (fairness.length === 0) return false;
  if (fairness.some((hit) => e.inSentence(hit.sentence, 'measurement'))) return true;
  return e.find('measurement', 'document').some((hit) => e.leadIns(hit, fairness).length > 0);
}
