// MLSD005 thin-step: a step far shorter than the framework expects. In a case-study answer
// (front matter `problem:`) a thin step 6 or 7 is a warning: interviewers expect them even though
// the book's chapters keep them short.
import type { Rule } from './types';

const WARN_WHEN_THIN_IN_CASE_STUDY = new Set(['serving', 'monitoring']);

export const thinStep: Rule = {
  meta: {
    id: 'MLSD005',
    name: 'thin-step',
    description: 'A step is far shorter than the framework expects.',
    defaultSeverity: 'info',
    fixable: false,
  },
  check({ steps, caseStudy }, add) {
    for (const { step, section, words } of steps) {
      if (!section || words === 0 || words >= step.thinWords) continue;
      add({
        range: section.heading.textRange,
        message: `Step ${step.number} '${step.title}' is thin: ${words} word${words === 1 ? '' : 's'}, where a solid answer has at least ${step.thinWords} (about ${step.minutes} minutes of the interview).`,
        severity: caseStudy && WARN_WHEN_THIN_IN_CASE_STUDY.has(step.id) ? 'warning' : undefined,
        stepId: step.id,
      });
    }
  },
};
