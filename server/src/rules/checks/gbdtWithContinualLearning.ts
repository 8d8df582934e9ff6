// MLSD112 gbdt-with-continual-learning: gradient-boosted trees as the final model where the model
// must be updated often on fresh data. Evidence: "gbdt" words in step 4 (model); continual learning
// needed: the case-study trait "continual-learning" (ad click prediction) or "continual-learning"
// words anywhere. Quiet when the GBDT sentence sets it aside ("gbdt-not-final": baseline, vs,
// instead, features, first, cannot be fine-tuned...) or step 4 also names a "neural-model".
import { designCheck, interviewer } from '../shared/evidence';

export const gbdtWithContinualLearning = designCheck(
  {
    id: 'MLSD112',
    name: 'gbdt-with-continual-learning',
    description: 'GBDT as the final model where continual learning is required.',
  },
  ['gbdt', 'gbdt-not-final', 'neural-model'],
  (e, context, report) => {
    const hits = e.triggers('gbdt', ['model']);
    if (hits.length === 0 || e.has('neural-model', ['model'])) return;
    const continual = e.trait('continual-learning') || e.has('continual-learning', 'document');
    if (!continual) return;
    for (const hit of hits) {
      const sentence = hit.sentence;
      if (e.inSentence(sentence, 'gbdt-not-final')) continue;
      report({
        range: sentence.range,
        message: interviewer(
          `How do you fine-tune a GBDT on the last hour of data?`,
          `You cannot: trees are grown once, so continual learning means retraining from scratch every time${context.caseStudy?.id === 'ad-click-prediction' ? ', and ad click data goes stale within hours' : ''}. Say why GBDT still fits, or use a model that trains incrementally (a neural network such as DCN or DeepFM).`,
        ),
        stepId: 'model',
        fixes: e.stubFix(
          'model',
          'continual learning with GBDT',
          '**Continual learning with GBDT**: TODO (trees cannot be fine-tuned: retrain from scratch how often, or which neural model instead?)',
        ),
      });
      return;
    }
  },
);
