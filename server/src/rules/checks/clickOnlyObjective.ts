// MLSD109 click-only-objective: the ML objective is clicks (or CTR), and no counter-metric guards
// against clickbait. Evidence: "click-objective" words in step 2 (maximize clicks, predict click,
// click probability). Quiet when any "counter-metric" word (watch time, dwell time, hide, report,
// satisfaction, conversion, likes, shares, revenue, guardrail...) occurs anywhere in the design.
import type { Rule } from '../types';
import { Evidence } from '../shared/evidence';

export const clickOnlyObjective: Rule = {
  meta: {
    id: 'MLSD109',
    name: 'click-only-objective',
    description: 'A click-only objective with no counter-metric (watch time, hides, satisfaction).',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context, report) {
    const e = new Evidence(context);
    if (!e.defines('click-objective', 'counter-metric')) return;
    const hit = e.first('click-objective', ['framing'], { ownWordsOnly: true });
    if (!hit || e.has('counter-metric', 'document')) return;
    const where = e.section('evaluation') ? 'evaluation' : 'framing';
    report({
      range: e.sentence(hit).range,
      message: `An interviewer would ask: "What stops this from learning clickbait?" A model rewarded only for clicks learns to promise more than the item delivers. Pair the objective with a counter-metric that catches it: watch or dwell time, hides and reports, satisfaction surveys, conversions.`,
      stepId: 'framing',
      fixes: e.stubFix(
        where,
        `Add a stub for a counter-metric to step ${where === 'evaluation' ? 5 : 2}`,
        '**Counter-metric**: TODO (what must not drop while clicks rise: dwell time, hide rate, satisfaction)',
      ),
    });
  },
};
