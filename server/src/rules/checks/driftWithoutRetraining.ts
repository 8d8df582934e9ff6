// MLSD106 drift-without-retraining: step 7 names drift but the design never says how the model is
// retrained or updated. Evidence: "drift" words in step 7 (monitoring) in a sentence that does not
// negate them. Quiet when any "retraining" word (retrain, continual learning, fine-tune, refresh,
// model update, rollback...) occurs anywhere in the design.
import { designCheck, interviewer } from '../shared/evidence';
import { driftNamedInMonitoring } from '../shared/sharedTriggers';

export const driftWithoutRetraining = designCheck(
  {
    id: 'MLSD106',
    name: 'drift-without-retraining',
    description: 'Drift is monitored but there is no plan to retrain the model.',
  },
  ['drift', 'retraining'],
  (e, context, report) => {
    const hit = driftNamedInMonitoring(e)[0];
    if (!hit || e.has('retraining', 'document')) return;
    report({
      range: hit.sentence.range,
      message: interviewer(
        `Your dashboard shows drift. Then what?`,
        `Detecting drift without a way to respond only tells you the model is getting worse. Say when and how it is retrained (on a schedule, on a drift trigger, or continually) and how the new version is validated before it replaces the old one.`,
      ),
      stepId: 'monitoring',
      fixes: e.stubFix(
        'monitoring',
        'a retraining plan',
        '**Retraining plan**: TODO (when drift is detected: retrain on fresh data, on a schedule or on a trigger)',
      ),
    });
  },
);
