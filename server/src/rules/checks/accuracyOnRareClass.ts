// MLSD100 accuracy-on-rare-class: accuracy is the only offline metric of a classifier whose
// positives are rare. Evidence (framework `checks` lists): "accuracy" in step 5 (evaluation), while
// "imbalance" words occur anywhere in the design, or the problem is rare by nature
// ("rare-positive-domains": fraud, spam, anomalies) or by case study (trait "rare-positives").
// Quiet when step 5 names any other classification or ranking metric ("classification-metrics"),
// or the accuracy sentence already doubts it ("accuracy-doubted": misleading, instead, not...).
import type { Rule } from '../types';
import { Evidence } from '../shared/evidence';

export const accuracyOnRareClass: Rule = {
  meta: {
    id: 'MLSD100',
    name: 'accuracy-on-rare-class',
    description: 'Accuracy is the only offline metric while the positive class is rare.',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context, report) {
    const e = new Evidence(context);
    if (!e.defines('accuracy', 'classification-metrics')) return;
    // The trigger in step 5 first: the whole design is read only when it is there.
    const hits = e.find('accuracy', ['evaluation'], { headings: false, ownWordsOnly: true });
    if (hits.length === 0 || e.has('classification-metrics', ['evaluation'])) return;
    const rare =
      e.trait('rare-positives') ||
      e.has('rare-positive-domains', ['requirements', 'framing']) ||
      e.has('imbalance', 'document');
    if (!rare) return;
    for (const hit of hits) {
      const sentence = e.sentence(hit);
      if (e.inSentence(sentence, 'accuracy-doubted')) continue;
      const why = context.caseStudy?.traits.has('rare-positives')
        ? `in ${context.caseStudy.title.toLowerCase()} the positives are a tiny share`
        : 'you say the positive class is rare';
      report({
        range: sentence.range,
        message: `An interviewer would say: "Accuracy hides the rare class." ${capitalise(why)}: with 1 % positives a model that always says "no" is 99 % accurate and useless. Use PR-AUC, or recall at a fixed precision (and say which error costs more).`,
        stepId: 'evaluation',
        fixes: e.stubFix(
          'evaluation',
          'Add a stub for a rare-class metric to step 5',
          '**Metric for the rare class**: TODO (PR-AUC, or recall at a fixed precision)',
        ),
      });
      return;
    }
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
