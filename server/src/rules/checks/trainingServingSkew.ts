// MLSD117 training-serving-skew: the design builds features for a model and serves it, yet never
// says how the features computed at serving time are kept the same as those it was trained on.
// Evidence: an "engineered-features" word in step 3 (data), headings inside it included, in the
// writer's own words and in a sentence that neither negates it nor means a part of the product
// ("product-features": a feature flag, a new feature); and the model is deployed (step 6 or 7 has
// words, or a "deployment" word occurs anywhere). Quiet when step 2 or 4 names a prompted large
// language model as the model ("prompted-model": no engineered features to skew); when a
// "skew-addressed" word (the skew named, point-in-time, features logged at serving time, the same
// feature pipeline, an offline feature store) occurs anywhere; when a "feature-store" is named other
// than as an online cache only (see sharedFeatureStore); or when one sentence says two computations
// are kept the same ("same-computation") and names both training ("training-side") and serving
// ("serving-side").
import { designCheck, interviewer, type Evidence } from '../shared/evidence';

export const trainingServingSkew = designCheck(
  {
    id: 'MLSD117',
    name: 'training-serving-skew',
    description:
      'Features built for a deployed model, with nothing that keeps them the same in training and serving.',
  },
  [
    'engineered-features',
    'skew-addressed',
    'feature-store',
    'online-store',
    'same-computation',
    'training-side',
    'serving-side',
    'product-features',
    'prompted-model',
    'deployment',
  ],
  (e, context, report) => {
    const hit = e
      .affirmed(e.triggers('engineered-features', ['data']))
      .find((h) => !e.inSentence(h.sentence, 'product-features'));
    if (!hit || e.has('prompted-model', ['framing', 'model']) || !deployed(e)) return;
    if (e.has('skew-addressed', 'document') || sharedFeatureStore(e) || saysSameInBoth(e)) return;
    report({
      range: hit.sentence.range,
      message: interviewer(
        `How do you make sure a feature the model sees at serving time is computed exactly as it was in training?`,
        `A feature computed by two code paths, a batch job for training and a service at request time, drifts apart silently and the model degrades with no error anywhere. Say how they stay the same: one feature definition for both (a feature store with point-in-time training data), or features logged at serving time and used for training.`,
      ),
      stepId: 'data',
      fixes: e.stubFix(
        'data',
        'training-serving consistency',
        '**Training-serving consistency**: TODO (how serving computes each feature exactly as training did: a feature store, or features logged at serving time)',
      ),
    });
  },
);

/** A sentence that keeps training and serving the same ("one code path computes the features for training and inference"). */
function saysSameInBoth(e: Evidence): boolean {
  return e
    .find('same-computation', 'document')
    .some(
      (hit) =>
        e.inSentence(hit.sentence, 'training-side') && e.inSentence(hit.sentence, 'serving-side'),
    );
}

/** The model is deployed: a serving or monitoring step with words, or a deployment word anywhere. */
function deployed(e: Evidence): boolean {
  return e.words('serving') > 0 || e.words('monitoring') > 0 || e.has('deployment', 'document');
}

/**
 * A feature store that can serve training as well: any mention of one, except where its sentence
 * shows it only as an online cache ("a Redis feature store", "Feature store (online)") and names
 * no training. A cache the service reads from does not make the training data the same.
 */
function sharedFeatureStore(e: Evidence): boolean {
  return e
    .find('feature-store', 'document')
    .some(
      (hit) =>
        !e.inSentence(hit.sentence, 'online-store') || e.inSentence(hit.sentence, 'training-side'),
    );
}
