// MLSD105 latency-not-served: step 1 sets a latency requirement that step 6 (serving) never
// addresses. Evidence: "latency-requirement" words in step 1 (latency, ms, p99, real-time, SLA);
// step 6 present with at least its "thin" number of words. Quiet when steps 4 or 6 (model,
// serving) hold any "latency-addressed" word (latency, ms, cache, precompute, ANN, quantization,
// distillation, two-stage, GPU, fast...).
import type { Rule } from '../types';
import { Evidence } from '../shared/evidence';

export const latencyNotServed: Rule = {
  meta: {
    id: 'MLSD105',
    name: 'latency-not-served',
    description: 'A latency requirement in step 1 that serving never addresses.',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context, report) {
    const e = new Evidence(context);
    if (!e.defines('latency-requirement', 'latency-addressed')) return;
    const serving = context.steps.find((s) => s.step.id === 'serving');
    if (!serving?.section || serving.words < serving.step.thinWords) return;
    const hits = e.find('latency-requirement', ['requirements'], {
      headings: false,
      ownWordsOnly: true,
    });
    if (hits.length === 0 || e.has('latency-addressed', ['serving', 'model'])) return;
    for (const hit of e.affirmed(hits)) {
      const sentence = e.sentence(hit);
      report({
        range: sentence.range,
        message: `An interviewer would ask: "You promised this latency in step 1; where does serving keep that promise?" Step ${serving.step.number} never says how a request stays within budget (precomputed candidates, a cache, a smaller or distilled model, ANN search), so the requirement is stated and then dropped.`,
        stepId: 'requirements',
        fixes: e.stubFix(
          'serving',
          'Add a stub for the latency budget to step 6',
          '**Latency budget**: TODO (how serving meets the latency of step 1: precompute, cache, smaller model)',
        ),
      });
      return;
    }
  },
};
