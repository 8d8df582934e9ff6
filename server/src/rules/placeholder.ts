// MLSD007 placeholder: TODO / TBD / template placeholder text left in the answer. A hint by
// default: a fresh template is full of them, and they show faded in the editor, not in Problems
// (a step holding nothing else is one MLSD004 finding).
import type { Rule } from './types';

export const placeholder: Rule = {
  meta: {
    id: 'MLSD007',
    name: 'placeholder',
    description: 'Template placeholder text (TODO, TBD, <fill in>) is left in.',
    defaultSeverity: 'hint',
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
