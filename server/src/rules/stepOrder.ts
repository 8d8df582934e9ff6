// MLSD002 step-order: steps out of framework order. The steps kept in order are the longest run
// that already is in order; every other step gets one finding, at its heading. A step read weakly
// from a heading that does not name it ("Architecture" as the serving step) is left out: its
// writer never placed that step, and a system overview before the model is common and sound.
import type { Rule } from './types';

export const stepOrder: Rule = {
  meta: {
    id: 'MLSD002',
    name: 'step-order',
    description: 'Steps appear out of the framework order.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check({ document, framework }, add) {
    const sections = document.steps.filter((s) => !s.weak);
    const indices = sections.map((s) => framework.stepById.get(s.stepId)?.index ?? 0);
    const keep = longestIncreasingRun(indices);
    sections.forEach((section, i) => {
      if (keep.has(i)) return;
      const step = framework.stepById.get(section.stepId);
      if (!step) return;
      const laterBefore = sections
        .slice(0, i)
        .filter((s) => (framework.stepById.get(s.stepId)?.index ?? 0) > step.index)
        .map((s) => framework.stepById.get(s.stepId)!);
      const previous = laterBefore[laterBefore.length - 1];
      const detail = previous
        ? `comes after step ${previous.number} '${previous.title}'`
        : 'is out of place';
      add({
        range: section.heading.textRange,
        message: `Step ${step.number} '${step.title}' ${detail}; the framework puts it ${placeWord(step.index, framework.steps.length)}. Move the section so the steps follow the framework order.`,
        stepId: step.id,
      });
    });
  },
};

function placeWord(index: number, count: number): string {
  if (index === 0) return 'first';
  if (index === count - 1) return 'last';
  return `at position ${index + 1} of ${count}`;
}

/** Positions of one longest strictly increasing subsequence. */
export function longestIncreasingRun(values: number[]): Set<number> {
  const n = values.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j] < values[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || length[i] > length[best]) best = i;
  }
  const keep = new Set<number>();
  for (let i = best; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}
