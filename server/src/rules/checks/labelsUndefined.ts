// MLSD108 labels-undefined: step 2 frames a supervised classification task, yet the design never
// says what a positive and a negative example are. Evidence: "supervised-framing" words in step 2
// (classification, classifier, supervised, binary, multi-label), step 3 (data) present. Quiet when
// any "labels" word (label, ground truth, annotation, positive, negative, target, feedback, user
// reports...) occurs anywhere in the design.
import type { Rule } from '../types';
import { Evidence } from '../shared/evidence';

export const labelsUndefined: Rule = {
  meta: {
    id: 'MLSD108',
    name: 'labels-undefined',
    description: 'A supervised framing that never defines its labels.',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context, report) {
    const e = new Evidence(context);
    if (!e.defines('supervised-framing', 'labels')) return;
    if (!e.section('data')) return;
    const hit = e.first('supervised-framing', ['framing'], { ownWordsOnly: true });
    if (!hit || e.has('labels', 'document')) return;
    report({
      range: e.sentence(hit).range,
      message: `An interviewer would ask: "Where do your labels come from, and what exactly is a positive?" A classifier is only as good as its labels: say what makes an example positive and what makes it negative (a click, a report, a reviewer's decision), and how noisy or delayed those labels are.`,
      stepId: 'framing',
      fixes: e.stubFix(
        'data',
        'Add a stub for the labels to step 3',
        '**Labels**: TODO (what makes an example positive, what makes it negative, where the labels come from)',
      ),
    });
  },
};
