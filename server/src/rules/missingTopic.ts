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

function exampleCues(cues: string[]): string {
  return cues
    .filter((c) => c.length > 2)
    .slice(0, 3)
    .join(', ');
}

function lowerFirst(text: string): string {
  const trimmed = text.trim().replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0].toLowerCase() + trimmed.slice(1) : trimmed;
}
