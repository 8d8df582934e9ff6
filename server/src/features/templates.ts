// The text of a new design: front matter, the case study's prompt, every step with its template,
// and the case study's own topics as stubs under their steps.
import { compareText } from '../core/text';
import type { CompiledFramework, CompiledCaseStudy } from '../framework/compile';
import type { FrameworkRegistry } from '../framework/registry';
import type { TemplateInfo } from '../../../common/src/protocol';

/** What a practice interview changes in a template: its length and the opening prompt quoted. */
export interface TemplateOptions {
  minutes?: number;
  /** Quoted under the title instead of the case study's prompt. */
  opening?: string;
  title?: string;
}

export function designTemplate(
  framework: CompiledFramework,
  caseStudy?: CompiledCaseStudy,
  options: TemplateOptions = {},
): string {
  const title = options.title ?? (caseStudy ? caseStudy.title : 'My ML system design');
  const lines = ['---', `title: ${yamlText(title)}`];
  // The front-matter key for the case study is `problem`.
  if (caseStudy) lines.push(`problem: ${caseStudy.id}`);
  if (framework.id !== 'aminian-7') lines.push(`framework: ${framework.id}`);
  lines.push(
    'level: senior',
    `minutes: ${options.minutes ?? framework.minutes}`,
    '---',
    '',
    `# ${title}`,
    '',
  );
  const opening = options.opening ?? caseStudy?.prompt;
  if (opening) lines.push(`> ${opening}`, '');
  for (const step of framework.steps) {
    lines.push(`## ${step.number}. ${step.title}`, '');
    const body = step.template.trim();
    if (body) lines.push(body);
    for (const topic of caseStudy?.topicsByStep.get(step.id) ?? []) lines.push(`- ${topic.stub}`);
    lines.push('');
  }
  lines.push('## Other talking points', '', '- TODO', '');
  return lines.join('\n');
}

function yamlText(text: string): string {
  return /^[\w][\w .,()'-]*$/.test(text) && !/:\s/.test(text) ? text : JSON.stringify(text);
}

export function templates(registry: FrameworkRegistry): TemplateInfo[] {
  const framework = registry.defaultFramework;
  const list: TemplateInfo[] = [
    {
      id: 'blank',
      title: 'Blank design',
      description: `All ${framework.steps.length} steps of ${framework.title}, no case study`,
      fileName: 'my-design.mlsd.md',
      content: designTemplate(framework),
    },
  ];
  // Case-insensitive by code unit: the titles are English.
  for (const caseStudy of [...registry.caseStudies.values()].sort((a, b) =>
    compareText(a.title.toLowerCase(), b.title.toLowerCase()),
  )) {
    const own = registry.framework(caseStudy.framework) ?? framework;
    list.push({
      id: caseStudy.id,
      title: caseStudy.title,
      description: caseStudy.prompt,
      fileName: `${caseStudy.id}.mlsd.md`,
      content: designTemplate(own, caseStudy),
    });
  }
  // A blank design for each other framework, last (compiled here: someone is choosing one).
  for (const id of registry.frameworkIds()) {
    const other = id === framework.id ? undefined : registry.framework(id);
    if (!other) continue;
    list.push({
      id: `framework:${other.id}`,
      title: `Blank design: ${other.title}`,
      description: `All ${other.steps.length} steps of ${other.title} (framework: ${other.id})`,
      fileName: `my-${other.id}-design.mlsd.md`,
      content: designTemplate(other),
    });
  }
  return list;
}
