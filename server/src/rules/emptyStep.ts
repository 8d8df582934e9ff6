// MLSD004 empty-step: a step heading with nothing under it, or only template placeholders.
import { isWritten } from '../model/stepMeasures';
import type { Rule } from './types';

export const emptyStep: Rule = {
  meta: {
    id: 'MLSD004',
    name: 'empty-step',
    description: 'A step has no content, or only template placeholders.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ steps }, add) {
    for (const result of steps) {
      const { step, section, proseBlocks } = result;
      // Not yet written (model/stepMeasures.ts): the status bar and the CLI do not count it.
      if (!section || isWritten(result)) continue;
      const hasPlaceholders = proseBlocks > 0;
      add({
        range: section.heading.textRange,
        message: `Step ${step.number} '${step.title}' is ${hasPlaceholders ? 'only template placeholders' : 'empty'}. ${step.summary}`,
        stepId: step.id,
      });
    }
  },
};
