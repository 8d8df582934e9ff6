// MLSD003 duplicate-step: the same step opened again after another step, or the same heading
// written twice. A step split over two consecutive headings ("Offline metrics", "Online metrics")
// is not a duplicate.
import type { Rule } from './types';

export const duplicateStep: Rule = {
  meta: {
    id: 'MLSD003',
    name: 'duplicate-step',
    description: 'A step is opened a second time, after another step.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ document, framework }, add) {
    for (const heading of document.headings) {
      if (heading.role !== 'duplicate' && heading.role !== 'step') continue;
      for (const stepId of heading.stepIds) {
        const section = document.stepById.get(stepId);
        if (!section || section.heading === heading) continue;
        const index = section.headings.indexOf(heading);
        const previous = section.headings[index - 1];
        // The first credit came from a heading naming two steps: this is the step's own heading.
        if (index === 1 && previous.stepIds.length > 1) continue;
        // Only a re-opening after another step's heading is a duplicate, or the same heading
        // written twice ("## Evaluation", then "## Evaluation" again): two parts of one step
        // ("Offline metrics", "Online metrics") differ in name.
        const between = document.headings.slice((previous?.index ?? 0) + 1, heading.index);
        const repeated =
          previous !== undefined &&
          previous.depth === heading.depth &&
          previous.match.normalised === heading.match.normalised;
        if (
          !repeated &&
          !between.some(
            (h) => (h.role === 'step' || h.role === 'duplicate') && !h.stepIds.includes(stepId),
          )
        )
          continue;
        const step = framework.stepById.get(stepId)!;
        add({
          range: heading.textRange,
          message: `Step ${step.number} '${step.title}' is opened again here; it was first opened at line ${section.heading.textRange.start.line + 1}. Merge the two sections into one.`,
          stepId,
        });
      }
    }
  },
};
