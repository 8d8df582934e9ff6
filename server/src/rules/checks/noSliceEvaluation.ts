// MLSD120 no-slice-evaluation: the evaluation reports aggregate metrics only. Evidence: step 5
// (evaluation) has at least its "thin" number of words and names an "offline-metrics" word in the
// writer's own words, in a sentence that does not negate it; quiet when any "slice-evaluation"
// word (per slice, per segment, per class or category, per language or region, subgroup or
// cohort analysis, error analysis, fairness...) occurs anywhere in the design, headings included.
// "Segmentation" (of images, or of users as a feature) and a latency "breakdown" are not slices.
// Reported on the step 5 heading.
import { designCheck, interviewer } from '../shared/evidence';

export const noSliceEvaluation = designCheck(
  {
    id: 'MLSD120',
    name: 'no-slice-evaluation',
    description: 'The evaluation reports aggregate metrics only, no slices or error analysis.',
  },
  ['offline-metrics', 'slice-evaluation'],
  (e, context, report) => {
    const range = e.offlineMetricsHeading();
    if (!range) return;
    if (e.has('slice-evaluation', 'document')) return;
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
