// MLSD100 accuracy-on-rare-class: accuracy is the only offline metric of a classifier whose
// positives are rare. Evidence (framework `checks` lists): "accuracy" in step 5 (evaluation), while
// "imbalance" words occur anywhere in the design, or the problem is rare by nature
// ("rare-positive-domains": fraud, spam, anomalies) or by case study (trait "rare-positives").
// Quiet when step 5 names any other classification or ranking metric ("classification-metrics"),
// or the accuracy sentence already doubts it ("accuracy-doubted": misleading, instead, not...).
import { designCheck, interviewer } from '../shared/evidence';

export const accuracyOnRareClass = designCheck(
  {
    id: 'MLSD100',
    name: 'accuracy-on-rare-class',
    description: 'Accuracy is the only offline metric while the positive class is rare.',
  },
  ['accuracy', 'classification-metrics'],
  (e, context, report) => {
    // The trigger in step 5 first: the whole design is read only when it is there.
    const hits = e.triggers('accuracy', ['evaluation'], false);
    if (hits.length === 0 || e.has('classification-metrics', ['evaluation'])) return;
    const rare =
      e.trait('rare-positives') ||
      e.has('rare-positive-domains', ['requirements', 'framing']) ||
      e.has('imbalance', 'document');
    if (!rare) return;
    for (const hit of hits) {
      const sentence = hit.sentence;
      if (e.inSentence(sentence, 'accuracy-doubted')) continue;
      const why = context.caseStudy?.traits.has('rare-positives')
        ? `in ${context.caseStudy.title.toLowerCase()} the positives are a tiny share`
        : 'you say the positive class is rare';
      report({
        range: sentence.range,
        message: interviewer(
          `Accuracy hides the rare class.`,
          `${capitalise(why)}: with 1 % positives a model that always says "no" is 99 % accurate and useless. Use PR-AUC, or recall at a fixed precision (and say which error costs more).`,
          'say',
        ),
        stepId: 'evaluation',
        fixes: e.stubFix(
          'evaluation',
          'a rare-class metric',
          '**Metric for the rare class**: TODO (PR-AUC, or recall at a fixed precision)',
        ),
      });
      return;
    }
  },
);

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
