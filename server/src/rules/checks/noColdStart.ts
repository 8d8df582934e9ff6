// MLSD104 no-cold-start: a recommendation design with no plan for new users or new items.
// Evidence: the case-study trait "recommendation" (video, event, news feed, similar listings,
// people you may know) or "recommendation" words (recommender system, collaborative filtering, feed ranking) in step 2; step 4 (model) present with words (with
// only the trait, at least its "thin" number of words, so a fresh template stays quiet). Quiet when
// any "cold-start" word (cold start, new users, popularity, trending, exploration, content-based,
// fallback) occurs anywhere in the design.
import { designCheck, interviewer } from '../shared/evidence';

export const noColdStart = designCheck(
  {
    id: 'MLSD104',
    name: 'no-cold-start',
    description: 'A recommendation design has no plan for new users or new items.',
  },
  ['cold-start', 'recommendation'],
  (e, context, report) => {
    const model = e.section('model');
    if (!model || e.words('model') === 0) return;
    const hit = e.triggers('recommendation', ['framing'])[0];
    // From the case study alone, only once step 4 says enough to judge (not a fresh template).
    const judged =
      e.words('model') >= (context.steps.find((s) => s.step.id === 'model')?.step.thinWords ?? 0);
    if (!hit && !(e.trait('recommendation') && judged)) return;
    if (e.has('cold-start', 'document')) return;
    const newThing =
      context.caseStudy?.id === 'event-recommendation'
        ? 'Every event is new when it is listed'
        : 'New users and new items arrive every day';
    report({
      range: hit ? hit.sentence.range : model.heading.textRange,
      message: interviewer(
        `What do you show a user who signed up a minute ago, and who sees an item uploaded a minute ago?`,
        `${newThing}, with no interactions for a collaborative model to learn from. Say what they get: popular or trending items, content-based features, exploration.`,
      ),
      stepId: (hit && e.stepAt(hit.start)) ?? 'model',
      fixes: e.stubFix(
        'model',
        'a cold-start plan',
        '**Cold start**: TODO (what new users and new items get before they have any history)',
      ),
    });
  },
);
