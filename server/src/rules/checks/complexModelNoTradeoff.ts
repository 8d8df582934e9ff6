// MLSD114 complex-model-no-tradeoff: step 4 picks a heavy model (transformer, BERT, LLM, GNN) and
// never weighs it against anything. Evidence: "complex-model" words in step 4 (model). Quiet when
// step 4 holds any "model-tradeoff" word (trade-off, pros, cons, vs, compared, instead, simpler,
// because, why, latency, cost...) or the design names a "baseline" anywhere.
import { designCheck, interviewer } from '../shared/evidence';

export const complexModelNoTradeoff = designCheck(
  {
    id: 'MLSD114',
    name: 'complex-model-no-tradeoff',
    description: 'A complex model with no alternative or trade-off discussed.',
  },
  ['complex-model', 'model-tradeoff'],
  (e, context, report) => {
    const hit = e.triggers('complex-model', ['model'])[0];
    if (!hit || e.has('model-tradeoff', ['model']) || e.has('baseline', 'document')) return;
    report({
      range: hit.sentence.range,
      message: interviewer(
        `Why ${hit.text}, and what would you lose with something simpler?`,
        `A heavy model costs training time, serving latency and money. Name the alternative you considered and say what ${hit.text} buys that it cannot.`,
      ),
      stepId: 'model',
      fixes: e.stubFix(
        'model',
        'the model trade-off',
        '**Trade-offs**: TODO (why this model over a simpler one: quality gained vs latency and cost)',
      ),
    });
  },
);
