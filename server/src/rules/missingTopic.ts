// MLSD006 missing-topic: a required topic of a step that the step's own text does not cover.
// Recommended topics are not findings. An empty step gets no topic findings (MLSD004 says it all).
// Each finding's fixes: a stub for its topic, and, when the step misses several, stubs for all.
import type { Fix } from '../core/findings';
import { insertTopicStubsEdit } from '../fixes/edits';
import { isWritten } from '../model/stepMeasures';
import { lowerFirstWord } from './shared/wording';
import type { Rule } from './types';

export const missingTopic: Rule = {
  meta: {
    id: 'MLSD006',
    name: 'missing-topic',
    description: 'A required topic of a step is not covered in its section.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check({ document, steps, caseStudy }, add) {
    for (const result of steps) {
      const { step, section, topics } = result;
      if (!section || !isWritten(result)) continue;
      const missing = topics.filter((t) => t.status === 'missing' && t.topic.required);
      // No fix where the stubs would land inside a code or HTML block left open (fixes/edits.ts).
      const allEdit =
        missing.length > 1
          ? insertTopicStubsEdit(
              document,
              section,
              missing.map((t) => t.topic),
            )
          : undefined;
      const all: Fix | undefined = allEdit && {
        title: `Add stubs for all ${missing.length} missing required topics of step ${step.number}`,
        edits: [allEdit],
      };
      for (const { topic } of missing) {
        const examples = exampleCues(
          topic.cues.filter((c) => c.language === 'en').map((c) => c.text),
          topic.description,
        );
        const edit = insertTopicStubsEdit(document, section, [topic]);
        const origin = topic.origin === caseStudy?.id ? ` for ${caseStudy.title}` : '';
        const fixes: Fix[] = [];
        if (edit)
          fixes.push({
            title: `Add a stub for '${topic.title}' to step ${step.number}`,
            edits: [edit],
          });
        if (all) fixes.push(all);
        add({
          range: section.heading.textRange,
          message: `Step ${step.number} '${step.title}' does not cover ${lowerFirstWord(topic.title)}${origin}: ${lowerFirst(topic.description)}${examples && !/e\.g\./.test(topic.description) ? ` (e.g. ${examples})` : ''}.`,
          stepId: step.id,
          topicId: topic.id,
          fixes: fixes.length > 0 ? fixes : undefined,
        });
      }
    }
  },
};

/**
 * Up to three cue words to show as examples: none the description already names, and none that is
 * a variant of one already chosen ("A/B" and "a/b test" read as the same example twice).
 */
export function exampleCues(cues: string[], description: string): string {
  const described = roughStem(description);
  const chosen: string[] = [];
  const chosenLower: string[] = [];
  for (const cue of cues) {
    const lower = roughStem(cue);
    if (lower.length <= 2 || described.includes(lower)) continue;
    if (chosenLower.some((c) => lower.includes(c) || c.includes(lower))) continue;
    chosen.push(cue);
    chosenLower.push(lower);
    if (chosen.length === 3) break;
  }
  return chosen.join(', ');
}

/** Lower case without common English endings, so "A/B testing" reads as the "A/B test" it repeats. */
function roughStem(text: string): string {
  return text
    .toLowerCase()
    .replace(/[/-]/g, '')
    .replace(/(\w{3,}?)(?:ing|es|ed|s)\b/g, '$1');
}

function lowerFirst(text: string): string {
  const trimmed = text.trim().replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0].toLowerCase() + trimmed.slice(1) : trimmed;
}
