// MLSD118 no-retraining-plan: the model is trained once: a design that goes to production never
// says when the model is retrained, on what data, or what triggers it. Evidence: step 4 (model)
// has words, step 6 (serving) or step 7 (monitoring) has words, and a "model-training" word (train,
// обучение, entrenamiento...) says a model is trained; quiet when any "retraining"
// word (retrain, continual, online or active learning, scheduled or periodic training, model
// refresh, fresh data, переобучение, reentrenamiento...) occurs anywhere in the design, when the model is not the
// team's to train ("untrained-model": a prompted LLM, a vendor API, an off-the-shelf model), and
// where MLSD106 speaks (drift named in step 7 with no retraining word): the two never both fire.
import { designCheck, interviewer } from '../shared/evidence';
import { driftNamedInMonitoring } from '../shared/sharedTriggers';

export const noRetrainingPlan = designCheck(
  {
    id: 'MLSD118',
    name: 'no-retraining-plan',
    description: 'The model is trained once: nothing says when or on what it is retrained.',
  },
  ['model-training', 'retraining', 'untrained-model', 'drift'],
  (e, context, report) => {
    if (e.words('model') === 0) return;
    const stepId = ['monitoring', 'serving'].find((id) => e.section(id) && e.words(id) > 0);
    const range = stepId && e.headingRange(stepId);
    if (!stepId || !range) return;
    // The silencers first: most designs name retraining, and then the frequent training words
    // are never looked for (a part keeps the hits of every list it was asked about).
    if (e.has('retraining', 'document') || e.has('untrained-model', 'document')) return;
    if (!e.has('model-training', 'document')) return;
    // Drift named in monitoring with no retraining word is MLSD106's finding, with its sentence.
    if (driftNamedInMonitoring(e).length > 0) return;
    report({
      range,
      message: interviewer(
        `When does this model get retrained, on what data, and what triggers it?`,
        `User behaviour and the world the data describes change every week; a model trained once decays, and nothing in this design says when a new one replaces it. Say how: on a schedule (daily, weekly) or on a trigger (a drop in a monitored metric, enough new labels), on a window of fresh data, validated against the current model before it ships.`,
      ),
      stepId,
      fixes: e.stubFix(
        stepId,
        'a retraining plan',
        '**Retraining**: TODO (when: a schedule or a trigger; on which data window; how the new model is validated before it replaces the current one)',
      ),
    });
  },
);
