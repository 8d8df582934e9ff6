// MLSD115 offline-metrics-only: the evaluation names offline metrics but nothing says whether the
// product gains. Evidence: step 5 (evaluation) has at least its "thin" number of words and names an
// "offline-metrics" word in the writer's own words, in a sentence that does not negate it; quiet
// when any "online-metrics" word (CTR, conversion, watch time, revenue, retention, satisfaction,
// user reports...) occurs anywhere in the design, headings included. Reported on the step 5 heading.
// The reverse (only online metrics) is left out: the words that name online metrics also name
// other things ("data retention", "appeals") and designs often measure offline with metrics no
// list names (FAR/FRR), so it could not be told apart reliably.
import { designCheck, interviewer } from '../shared/evidence';

export const offlineMetricsOnly = designCheck(
  {
    id: 'MLSD115',
    name: 'offline-metrics-only',
    description: 'The evaluation names offline metrics only, no online (business) metric.',
  },
  ['offline-metrics', 'online-metrics'],
  (e, context, report) => {
    const range = e.offlineMetricsHeading();
    if (!range) return;
    if (e.has('online-metrics', 'document')) return;
    report({
      range,
      message: interviewer(
        `Which online metric tells you the model helps the product?`,
        `Offline metrics (precision, nDCG, RMSE) do not guarantee a business win: name the online metric that decides (CTR, conversion, watch time, revenue, user reports) and the guardrails you watch.`,
      ),
      stepId: 'evaluation',
      fixes: e.stubFix(
        'evaluation',
        'online metrics',
        '**Online metrics**: TODO (the metric that decides on live traffic, e.g. CTR, conversion or watch time, and the guardrails)',
      ),
    });
  },
);
