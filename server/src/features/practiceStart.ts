// `mlsd/practiceStart`: the text of a practice design and its steps' time budgets. The design is
// the case study's template (or the blank one) with the interviewer's opening prompt quoted at the
// top — the case study's prompt from its data, or the user's own — and the session's length in
// the front matter, so the checker's expectations follow the clock.
import type { FrameworkRegistry } from '../framework/registry';
import type { PracticeStartParams, PracticeStartResult } from '../../../common/src/practice';
import { designTemplate } from './templates';

export const MIN_PRACTICE_MINUTES = 5;
export const MAX_PRACTICE_MINUTES = 180;

export function practiceStart(
  registry: FrameworkRegistry,
  params: PracticeStartParams,
): PracticeStartResult {
  const caseStudy = params.caseStudy ? registry.caseStudies.get(params.caseStudy) : undefined;
  const framework =
    (caseStudy && registry.framework(caseStudy.framework)) ?? registry.defaultFramework;
  const requested = Number.isFinite(params.minutes) ? Math.round(params.minutes) : 0;
  const minutes =
    requested > 0
      ? Math.min(MAX_PRACTICE_MINUTES, Math.max(MIN_PRACTICE_MINUTES, requested))
      : framework.minutes;
  const own = params.prompt?.replace(/\s+/g, ' ').trim();
  const prompt = caseStudy?.prompt ?? own;
  const opening = prompt
    ? `**Interviewer:** ${prompt} You have ${minutes} minutes; walk me through your design.`
    : undefined;
  const content = designTemplate(framework, caseStudy, {
    minutes,
    ...(opening ? { opening } : {}),
    ...(!caseStudy && own ? { title: 'Practice interview' } : {}),
  });
  const scale = minutes / framework.minutes;
  return {
    fileName: `${caseStudy ? caseStudy.id : 'practice'}.mlsd.md`,
    content,
    steps: framework.steps.map((step) => ({
      id: step.id,
      number: step.number,
      title: step.title,
      budgetSeconds: Math.round(step.minutes * scale * 60),
    })),
  };
}
