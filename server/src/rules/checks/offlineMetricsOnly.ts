// MLSD115 offline-metrics-only: the evaluation names offline metrics but nothing says whether the
// product gains. Evidence: step 5 (evaluation) has at least its "thin" number of words and names an
// "offline-metrics" word in the writer's own words, in a sentence that does not negate it; quiet
// when any "online-metrics" word (CTR, conversion, watch time, revenue, retention, satisfaction,
// user reports...) occurs anywhere in the design, headings included. Reported on the step 5 heading.
// The reverse (only online metrics) is left out: the words that name online metrics also name
// other things ("data retention", "appeals") and designs often measure offline with metrics no
// list names (FAR/FRR), so it could not be told apart reliably.
import type { Rule } from '../types';
import { Evidence } from '../shared/evidence';

export const offlineMetricsOnly: Rule = {
  meta: {
    id: 'MLSD115',
    name: 'offline-metrics-only',
    description: 'The evaluation names offline metrics only, no online (business) metric.',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context, report) {
    const e = new Evidence(context);
    if (!e.defines('offline-metrics', 'online-metrics')) return;
    const evaluation = context.steps.find((s) => s.step.id === 'evaluation');
    if (!evaluation?.section || evaluation.words < evaluation.step.thinWords) return;
    const range = e.headingRange('evaluation');
    if (!range) return;
    const offline = e.find('offline-metrics', ['evaluation'], {
      headings: false,
      ownWordsOnly: true,
    });
    if (e.affirmed(offline).length === 0) return;
    if (e.has('online-metrics', 'document')) return;
    report({
      range,
      message: `An interviewer would ask: "Which online metric tells you the model helps the product?" Offline metrics (precision, nDCG, RMSE) do not guarantee a business win: name the online metric that decides (CTR, conversion, watch time, revenue, user reports) and the guardrails you watch.`,
      stepId: 'evaluation',
      fixes: e.stubFix(
        'evaluation',
        'Add a stub for online metrics to step 5',
        '**Online metrics**: TODO (the metric that decides on live traffic, e.g. CTR, conversion or watch time, and the guardrails)',
      ),
    });
  },
};
