// MLSD119 no-fallback: the model answers requests online, but the design never says what users get
// when the model or its feature service is slow or down. Evidence: a sentence of step 6 (serving),
// in the writer's own words, says the model serves requests as they come ("online-serving":
// real-time, per request, an API or endpoint, latency); quiet when any "fallback" word (fallback,
// timeout, circuit breaker, failover, degrade gracefully, backup, cached or default results, and
// the failure itself: unavailable, outage, сбой, резервный, respaldo, repli...) occurs anywhere
// in the design, headings included.
import { designCheck, interviewer } from '../shared/evidence';

export const noFallback = designCheck(
  {
    id: 'MLSD119',
    name: 'no-fallback',
    description: 'The model serves online but nothing says what users get when it is slow or down.',
  },
  ['online-serving', 'fallback'],
  (e, context, report) => {
    if (e.words('serving') === 0) return;
    const range = e.headingRange('serving');
    if (!range) return;
    if (e.affirmed(e.triggers('online-serving', ['serving'])).length === 0) return;
    if (e.has('fallback', 'document')) return;
    report({
      range,
      message: interviewer(
        `The model server times out or the feature store is down. What does the user get?`,
        `A model answering live requests will be slow or unavailable some of the time, and nothing in this design says what happens then: an error page, an empty feed, or something useful. Say how: a timeout budget for the model call, then a fallback (cached or popular results, a simpler model or rules), and how the service degrades rather than fails.`,
      ),
      stepId: 'serving',
      fixes: e.stubFix(
        'serving',
        'a fallback',
        '**Fallback**: TODO (what users get when the model or its features are slow or down: a timeout budget, then cached, popular or rule-based results)',
      ),
    });
  },
);
