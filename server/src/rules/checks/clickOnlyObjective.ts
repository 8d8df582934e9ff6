// MLSD109 click-only-objective: the ML objective is clicks (or CTR), and no counter-metric guards
// against clickbait. Evidence: "click-objective" words in step 2 (maximize clicks, predict click,
// click probability). Quiet when any "counter-metric" word (watch time, dwell time, hide, report,
// satisfaction, conversion, likes, shares, revenue, guardrail...) occurs anywhere in the design.
import { designCheck, interviewer } from '../shared/evidence';

export const clickOnlyObjective = designCheck(
  {
    id: 'MLSD109',
    name: 'click-only-objective',
    description: 'A click-only objective with no counter-metric (watch time, hides, satisfaction).',
  },
  ['click-objective', 'counter-metric'],
  (e, context, report) => {
    const hit = e.triggers('click-objective', ['framing'])[0];
    if (!hit || e.has('counter-metric', 'document')) return;
    const where = e.section('evaluation') ? 'evaluation' : 'framing';
    report({
      range: hit.sentence.range,
      message: interviewer(
        `What stops this from learning clickbait?`,
        `A model rewarded only for clicks learns to promise more than the item delivers. Pair the objective with a counter-metric that catches it: watch or dwell time, hides and reports, satisfaction surveys, conversions.`,
      ),
      stepId: 'framing',
      fixes: e.stubFix(
        where,
        'a counter-metric',
        '**Counter-metric**: TODO (what must not drop while clicks rise: dwell time, hide rate, satisfaction)',
      ),
    });
  },
);
