// `mlsd/practiceStart`: the text of a practice design and its steps' time budgets. The design is
// the case study's template (or the chosen framework's blank one) with the interviewer's opening
// quoted at the top — the case study's `opening` from its data (else its prompt), or the user's
// own prompt — and the session's length in the front matter, so the checker's expectations follow
// the clock. A case study brings its own framework; "my own prompt" uses the one asked for.
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
  // `framework(undefined)` is the built-in default, not the configured one: ask only with an id.
  const frameworkId = caseStudy ? caseStudy.framework : params.framework;
  const framework =
    (frameworkId ? registry.framework(frameworkId) : undefined) ?? registry.defaultFramework;
  const requested = Number.isFinite(params.minutes) ? Math.round(params.minutes) : 0;
  const minutes =
    requested > 0
      ? Math.min(MAX_PRACTICE_MINUTES, Math.max(MIN_PRACTICE_MINUTES, requested))
      : framework.minutes;
  const own = params.prompt ? oneLine(params.prompt) : undefined;
  const said = caseStudy?.data.opening;
  const prompt = said ? oneLine(said.statement) : (caseStudy?.prompt ?? own);
  const opening = prompt
    ? `**Interviewer:** ${prompt} You have ${minutes} minutes; walk me through your design.` +
      (said
        ? `\n>\n> **A clarifying question to ask first:** ${oneLine(said.clarifyingQuestion)}`
        : '')
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

/** Text for one line of the quote: a line break in the data must not end the blockquote. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
