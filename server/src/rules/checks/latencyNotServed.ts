// MLSD105 latency-not-served: step 1 sets a latency requirement that step 6 (serving) never
// addresses. Evidence: "latency-requirement" words in step 1 (latency, ms, p99, real-time, SLA);
// step 6 present with at least its "thin" number of words. Quiet when steps 4 or 6 (model,
// serving) hold any "latency-addressed" word (latency, ms, cache, precompute, ANN, quantization,
// distillation, two-stage, GPU, fast...).
import { designCheck, interviewer } from '../shared/evidence';

export const latencyNotServed = designCheck(
  {
    id: 'MLSD105',
    name: 'latency-not-served',
    description: 'A latency requirement in step 1 that serving never addresses.',
  },
  ['latency-requirement', 'latency-addressed'],
  (e, context, report) => {
    const serving = context.steps.find((s) => s.step.id === 'serving');
    if (!serving?.section || serving.words < serving.step.thinWords) return;
    const hits = e.triggers('latency-requirement', ['requirements'], false);
    if (hits.length === 0 || e.has('latency-addressed', ['serving', 'model'])) return;
    for (const hit of e.affirmed(hits)) {
      const sentence = hit.sentence;
      report({
        range: sentence.range,
        message: interviewer(
          `You promised this latency in step 1; where does serving keep that promise?`,
          `Step ${serving.step.number} never says how a request stays within budget (precomputed candidates, a cache, a smaller or distilled model, ANN search), so the requirement is stated and then dropped.`,
        ),
        stepId: 'requirements',
        fixes: e.stubFix(
          'serving',
          'the latency budget',
          '**Latency budget**: TODO (how serving meets the latency of step 1: precompute, cache, smaller model)',
        ),
      });
      return;
    }
  },
);
