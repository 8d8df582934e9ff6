// MLSD108 labels-undefined: step 2 frames a supervised classification task, yet the design never
// says what a positive and a negative example are. Evidence: "supervised-framing" words in step 2
// (classification, classifier, supervised, binary, multi-label), step 3 (data) present. Quiet when
// any "labels" word (label, ground truth, annotation, positive, negative, target, feedback, user
// reports...) occurs anywhere in the design.
import { designCheck, interviewer } from '../shared/evidence';

export const labelsUndefined = designCheck(
  {
    id: 'MLSD108',
    name: 'labels-undefined',
    description: 'A supervised framing that never defines its labels.',
  },
  ['supervised-framing', 'labels'],
  (e, context, report) => {
    if (!e.section('data')) return;
    const hit = e.triggers('supervised-framing', ['framing'])[0];
    if (!hit || e.has('labels', 'document')) return;
    report({
      range: hit.sentence.range,
      message: interviewer(
        `Where do your labels come from, and what exactly is a positive?`,
        `A classifier is only as good as its labels: say what makes an example positive and what makes it negative (a click, a report, a reviewer's decision), and how noisy or delayed those labels are.`,
      ),
      stepId: 'framing',
      fixes: e.stubFix(
        'data',
        'the labels',
        '**Labels**: TODO (what makes an example positive, what makes it negative, where the labels come from)',
      ),
    });
  },
);
