// MLSD111 one-hot-ids: one-hot encoding of identifiers with millions of values (user id, ad id,
// item id). Evidence: one sentence in steps 3-4 (data, model) holds a "one-hot" word and an
// "id-features" word. Quiet when that sentence also names an "id-embedding" word (embedding,
// hashing, bucketing, top-k values) or negates ("instead of one-hot", "not one-hot"). No quick fix:
// the sentence itself is what changes, and that is the candidate's to rewrite.
import { designCheck, interviewer } from '../shared/evidence';

export const oneHotIds = designCheck(
  {
    id: 'MLSD111',
    name: 'one-hot-ids',
    description: 'One-hot encoding of high-cardinality ids (user id, ad id, item id).',
    fixable: false,
  },
  ['one-hot', 'id-features', 'id-embedding'],
  (e, context, report) => {
    for (const hit of e.triggers('one-hot', ['data', 'model'])) {
      const sentence = hit.sentence;
      if (!e.inSentence(sentence, 'id-features')) continue;
      if (e.inSentence(sentence, 'id-embedding') || e.inSentence(sentence, 'negation')) continue;
      report({
        range: sentence.range,
        message: interviewer(
          `A one-hot vector over millions of ids does not scale.`,
          `It is as long as the id space, almost all zeros, says nothing about how two ids are alike, and has no slot for tomorrow's new ids. Use learned embeddings or the hashing trick for ids; keep one-hot for small categories.`,
          'say',
        ),
        stepId: e.stepAt(hit.start),
      });
    }
  },
);
