// What a step holds besides its word count: technical terms, read per block and summed over a
// step's blocks like its words (and its items: blocks with words), so that a dense answer
// ("recall@k, mAP, nDCG, CTR") is not called thin for being short.
import type { ProseBlock } from '../model/document';
import type { TemplateText } from './cueMatching';

/**
 * Technical terms of a block outside template text: abbreviations and mixed-case names written
 * with two capitals or more (CTR, mAP, nDCG, GBDT), words joined by `@` (recall@k counts once)
 * and words mixing letters and digits (p99, F1, top-10 is two words and not one).
 * `text` is the text the block's token offsets point into.
 */
export function blockTerms(block: ProseBlock, template: TemplateText, text: string): number {
  if (block.kind === 'heading') return 0;
  let terms = 0;
  for (const token of block.tokens) {
    if (!token.latin || template.has(token)) continue;
    const written = text.slice(token.start, token.end);
    if (
      /[A-Z][^A-Z]*[A-Z]/.test(written) ||
      text[token.end] === '@' ||
      (/\p{L}/u.test(written) && /\p{N}/u.test(written))
    ) {
      terms++;
    }
  }
  return terms;
}
