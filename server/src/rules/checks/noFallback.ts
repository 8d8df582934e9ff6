// MLSD119 no-fallback: the model answers requests online, but the design never says what users get
// when the model or its feature service is slow or down. Evidence: a sentence of step 6 (serving),
// in the writer's own words, says the model serves requests as they come ("online-serving":
// real-time, per request, an API or endpoint, latency); quiet when any "fallback" word (fallback,
// timeout, circuit breaker, failover, degrade gracefully, backup, default results, and the
// failure itself: unavailable, outage, сбой, резервный, respaldo, repli...) occurs anywhere in
// the design, headings included. Two kinds of "fallback" word do not count: a cold-start plan (a
// word that is also a "cold-start" one, said of users or items with no history, "no-history", in
// its sentence, the sentence before or the heading above, and no "serving-failure" in its
// sentence) and a timeout counted on a dashboard ("failure-count": "timeout errors"). Cached
// answers ("cached-answers") count only in a sentence that names a failure: otherwise a cache is
// a speed-up.
import { designCheck, interviewer, type Evidence, type Hit } from '../shared/evidence';

export const noFallback = designCheck(
  {
    id: 'MLSD119',
    name: 'no-fallback',
    description: 'The model serves online but nothing says what users get when it is slow or down.',
  },
  [
    'online-serving',
    'fallback',
    'serving-failure',
    'no-history',
    'cold-start',
    'failure-count',
    'cached-answers',
  ],
  (e, context, report) => {
    if (e.words('serving') === 0) return;
    const range = e.headingRange('serving');
    if (!range) return;
    if (e.affirmed(e.triggers('online-serving', ['serving'])).length === 0) return;
    if (saysWhatUsersGet(e)) return;
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

/**
 * The design says what users get when the model fails: a fallback word that is neither a
 * failure counted on a dashboard nor a cold-start plan, or cached answers beside a failure. Each
 * hit is read only as far as needed (most are a failure word themselves: "unavailable").
 */
function saysWhatUsersGet(e: Evidence): boolean {
  // The sentence first: a hit is looked for inside another list's only when its sentence has one.
  const inside = (hit: Hit, name: string) =>
    e.inSentence(hit.sentence, name) && e.within(hit, name);
  // Found once, when the first cold-start fallback asks what it follows on from.
  let noHistory: Hit[] | undefined;
  const counts = (hit: Hit) =>
    !inside(hit, 'failure-count') &&
    (e.inSentence(hit.sentence, 'serving-failure') ||
      !inside(hit, 'cold-start') ||
      !forNoHistory(e, hit, () => (noHistory ??= e.find('no-history', 'document'))));
  for (const hit of e.each('fallback', 'document')) if (counts(hit)) return true;
  for (const hit of e.each('cached-answers', 'document'))
    if (e.inSentence(hit.sentence, 'serving-failure')) return true;
  return false;
}

/**
 * A cold-start fallback ("Cold start: fall back to popular items"), its sentence naming no
 * failure: users, items or queries with no history are named in that sentence, or in the
 * sentence or heading it follows on from when that names no fallback or failure itself.
 */
function forNoHistory(e: Evidence, hit: Hit, noHistory: () => Hit[]): boolean {
  if (e.inSentence(hit.sentence, 'no-history')) return true;
  return e
    .leadIns(hit, noHistory())
    .some(
      (lead) =>
        !e.inSentence(lead.sentence, 'fallback') && !e.inSentence(lead.sentence, 'serving-failure'),
    );
}
