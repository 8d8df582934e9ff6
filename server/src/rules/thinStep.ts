// MLSD005 thin-step: a step that says far less than the framework expects. Judged on substance
// (model/stepMeasures.ts: words, technical terms, items, topics covered), so a short, dense step
// is not thin; the threshold is the step's `thinWords` scaled by the front matter's `level`. In a
// case-study answer (front matter `problem:`) a thin step 6 or 7 is a warning: interviewers
// expect them even though the book's chapters keep them short.
import { isThin, substanceOf } from '../model/stepMeasures';
import type { Rule } from './types';

const WARN_WHEN_THIN_IN_CASE_STUDY = new Set(['serving', 'monitoring']);

export const thinStep: Rule = {
  meta: {
    id: 'MLSD005',
    name: 'thin-step',
    description: 'A step says far less than the framework expects (words, terms and topics).',
    defaultSeverity: 'info',
    fixable: false,
  },
  check({ steps, caseStudy }, add) {
    for (const result of steps) {
      const { step, section, words, minutes, thinWords } = result;
      if (!section || !isThin(result)) continue;
      const covered = result.topics.filter((t) => t.status === 'covered').length;
      add({
        range: section.heading.textRange,
        message: `Step ${step.number} '${step.title}' is thin: ${words} word${words === 1 ? '' : 's'} and ${covered} topic${covered === 1 ? '' : 's'} covered (substance ${substanceOf(result)}), where a solid answer has at least ${thinWords} (about ${minutes} minutes of the interview).`,
        severity: caseStudy && WARN_WHEN_THIN_IN_CASE_STUDY.has(step.id) ? 'warning' : undefined,
        stepId: step.id,
      });
    }
  },
};
