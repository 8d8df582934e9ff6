// MLSD113 no-online-test: the new model is never tested on live traffic. Evidence: no "online-test"
// word (A/B test, shadow, canary, interleaving, bandit experiment, gradual rollout, champion/challenger)
// anywhere in the design, headings included. Reported on step 6 (serving) when it has words, else
// on step 5 (evaluation) when it has; a design with neither is left to MLSD001.
import { designCheck, interviewer } from '../shared/evidence';

export const noOnlineTest = designCheck(
  {
    id: 'MLSD113',
    name: 'no-online-test',
    description: 'No test in production (A/B, shadow, canary, interleaving, bandit).',
  },
  ['online-test'],
  (e, context, report) => {
    const stepId = ['serving', 'evaluation'].find((id) => e.section(id) && e.words(id) > 0);
    const range = stepId && e.headingRange(stepId);
    if (!stepId || !range) return;
    if (e.has('online-test', 'document')) return;
    const serving = stepId === 'serving';
    report({
      range,
      message: interviewer(
        `How do you know the new model is better before every user gets it?`,
        `Offline metrics do not guarantee an online win, and nothing in this design puts the model in front of live traffic under control. Say how: shadow mode first, then a canary, then an A/B test against the current model with the metric that decides.`,
      ),
      stepId,
      fixes: e.stubFix(
        stepId,
        'testing in production',
        serving
          ? '**Testing in production**: TODO (shadow deployment, canary, then an A/B test)'
          : '**Online test**: TODO (an A/B test against the current model: unit, duration, deciding metric)',
      ),
    });
  },
);
