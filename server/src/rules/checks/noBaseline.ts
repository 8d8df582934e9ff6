// MLSD102 no-baseline: the design never names a baseline or a simpler model to beat. Evidence:
// step 4 (model), or else step 5 (evaluation) when it names a model-quality metric, has at least
// its "thin" number of words; quiet when any "baseline" word (baseline, heuristic, rule-based,
// logistic regression, current system, BM25, zero-shot, popularity-based...) occurs anywhere in
// the design, headings included.
import { designCheck, interviewer } from '../shared/evidence';

export const noBaseline = designCheck(
  {
    id: 'MLSD102',
    name: 'no-baseline',
    description: 'The model step names no baseline or simpler model to beat.',
  },
  ['baseline', 'offline-metrics'],
  (e, context, report) => {
    // On step 4 when it says enough to judge, else on step 5 (a design review with no model step
    // still compares against something) when step 5 measures a model's quality: a step 5 that
    // only load-tests a serving platform has no model to beat a baseline with.
    const judged = ['model', 'evaluation']
      .map((id) => context.steps.find((s) => s.step.id === id))
      .find((s) => s?.section && s.words >= s.step.thinWords);
    if (!judged?.section) return;
    if (judged.step.id === 'evaluation' && !e.has('offline-metrics', ['evaluation'])) return;
    if (e.has('baseline', 'document')) return;
    const stepId = judged.step.id;
    const range = judged.section.heading.textRange;
    report({
      range,
      message: interviewer(
        `What is your baseline?`,
        `Without a simple model to beat (popularity, a heuristic, logistic regression) nobody can tell whether the complex model earns its cost, and you have nothing to ship in week one.`,
      ),
      stepId,
      fixes: e.stubFix(
        stepId,
        'a baseline',
        '**Baseline**: TODO (the simplest model to beat, e.g. popularity, a heuristic or logistic regression)',
      ),
    });
  },
);
