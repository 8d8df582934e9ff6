// MLSD103 metric-task-mismatch: step 2 frames a ranking or classification task, but step 5's
// offline metrics are only regression metrics (RMSE, MAE). Evidence: "ranking-category" or
// "supervised-framing" words in step 2 and no "regression-category" word there; "regression-metrics"
// in step 5. Quiet when step 5 names any "ranking-metrics" or "classification-metrics" word.
import { designCheck, interviewer } from '../shared/evidence';

export const metricTaskMismatch = designCheck(
  {
    id: 'MLSD103',
    name: 'metric-task-mismatch',
    description: 'The offline metrics do not fit the ML task (e.g. RMSE for a ranking task).',
  },
  ['regression-metrics', 'ranking-category', 'ranking-metrics'],
  (e, context, report) => {
    if (e.has('regression-category', ['framing'])) return;
    const ranking = e.has('ranking-category', ['framing']);
    const classification = e.has('supervised-framing', ['framing']);
    if (!ranking && !classification) return;
    if (e.has('ranking-metrics', ['evaluation']) || e.has('classification-metrics', ['evaluation']))
      return;
    const hit = e.triggers('regression-metrics', ['evaluation'])[0];
    if (!hit) return;
    const task = ranking ? 'a ranking task' : 'a classification task';
    const better = ranking ? 'nDCG, MRR or recall@k' : 'precision, recall or PR-AUC';
    report({
      range: hit.sentence.range,
      message: interviewer(
        `${hit.text} does not measure what you framed.`,
        `Step 2 frames ${task}, and ${hit.text} scores how close a number is, not whether the right items come first or the right class is picked. Use ${better}.`,
        'say',
      ),
      stepId: 'evaluation',
      fixes: e.stubFix(
        'evaluation',
        'a metric that fits the task',
        ranking
          ? '**Ranking metric**: TODO (e.g. nDCG, MRR or recall@k)'
          : '**Classification metric**: TODO (e.g. precision, recall or PR-AUC)',
      ),
    });
  },
);
