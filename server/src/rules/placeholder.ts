// MLSD007 placeholder: TODO / TBD / template placeholder text left in the answer.
import type { Rule } from './types';

export const placeholder: Rule = {
  meta: {
    id: 'MLSD007',
    name: 'placeholder',
    description: 'Template placeholder text (TODO, TBD, <fill in>) is left in.',
    defaultSeverity: 'info',
    fixable: false,
  },
  check({ document, placeholders }, add) {
    for (const found of placeholders) {
      add({
        range: document.lines.rangeOf(found.start, found.end),
        message: `Placeholder '${found.text.trim()}' left in: replace it with your answer.`,
      });
    }
  },
};
