// Completion: step headings at the start of a heading line (missing steps first, then a separate
// "Insert template" item per missing step), uncovered topics as bullet stubs inside a step, and
// front matter keys and values. The server declares no trigger characters: the list opens on
// Ctrl+Space only, so Enter at the end of a line someone types is always a new line.
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver';
import type { Analysis } from '../model/analysis';
import type { FrameworkRegistry } from '../framework/registry';
import type { StepSection } from '../model/document';

const FRONT_MATTER_KEYS: { key: string; description: string }[] = [
  { key: 'title', description: 'Title of the design.' },
  { key: 'problem', description: 'Case study this answers: adds its topics to the steps.' },
  { key: 'framework', description: 'Framework id (default aminian-7).' },
  { key: 'level', description: 'Level you are practising for: junior, mid, senior or staff.' },
  { key: 'minutes', description: 'Interview length in minutes (e.g. 45).' },
];
const LEVELS = ['junior', 'mid', 'senior', 'staff'];

export function completions(
  analysis: Analysis,
  registry: FrameworkRegistry,
  position: Position,
  snippetSupport: boolean,
): CompletionItem[] {
  const { document } = analysis;
  if (position.line >= document.lines.lineCount) return [];
  const lineText = document.lines.lineText(position.line);
  const before = lineText.slice(0, position.character);

  const frontMatter = document.frontMatter;
  if (
    frontMatter &&
    position.line > frontMatter.range.start.line &&
    position.line < frontMatter.range.end.line
  ) {
    return frontMatterCompletions(analysis, registry, position, before);
  }
  if (insideNonProse(analysis, position)) return [];

  const heading = /^(\s{0,3}#{1,6}\s+)(.*)$/.exec(before);
  if (heading && !/\S\s+\S/.test(heading[2].replace(/^\d+[.)]\s*/, ''))) {
    return headingCompletions(analysis, position, heading[1].length, lineText.length);
  }
  const bullet = /^(\s*)(?:[-*+]\s*)?([^\s:]*)$/.exec(before);
  if (bullet) {
    const section = sectionAt(analysis, document.lines.offsetAt(position));
    if (section)
      return topicCompletions(analysis, section, position, bullet[1].length, snippetSupport);
  }
  return [];
}

function insideNonProse(analysis: Analysis, position: Position): boolean {
  const offset = analysis.document.lines.offsetAt(position);
  return analysis.document.nonProse.some((r) => offset > r.start && offset < r.end);
}

function sectionAt(analysis: Analysis, offset: number): StepSection | undefined {
  return (
    analysis.document.steps.find((s) =>
      s.spans.some((span) => offset > span.start && offset <= Math.max(span.end, span.start) + 2),
    ) ?? lastSectionBefore(analysis, offset)
  );
}

// Typing below the last line of a step (past its trimmed end) still means that step.
function lastSectionBefore(analysis: Analysis, offset: number): StepSection | undefined {
  let best: { section: StepSection; start: number } | undefined;
  for (const section of analysis.document.steps) {
    for (const span of section.spans) {
      if (span.start < offset && (!best || span.start > best.start))
        best = { section, start: span.start };
    }
  }
  if (!best) return undefined;
  const nextHeading = analysis.document.headings.find(
    (h) => h.start > best.start && h.start < offset,
  );
  return nextHeading ? undefined : best.section;
}

// A heading item puts the step's heading words in place of what is typed after the "#"s, nothing
// more: Enter on a heading that happens to match must not turn it into a template. The step's
// template (its topic stubs) comes from a separate item that says so and sorts after every
// heading, for missing steps only. No item is preselected.
function headingCompletions(
  analysis: Analysis,
  position: Position,
  textStart: number,
  lineEnd: number,
): CompletionItem[] {
  const { document, framework } = analysis;
  const range = {
    start: { line: position.line, character: textStart },
    end: { line: position.line, character: lineEnd },
  };
  const eol = document.lines.eol;
  const items: CompletionItem[] = [];
  for (const { step, section, minutes } of analysis.steps) {
    const title = document.numbersSteps ? `${step.number}. ${step.title}` : step.title;
    // The heading being typed is not yet "the step's heading".
    const elsewhere = section?.headings.find((h) => h.textRange.start.line !== position.line);
    const missing = !elsewhere;
    const number = String(step.number).padStart(2, '0');
    items.push({
      label: title,
      kind: CompletionItemKind.Module,
      detail: missing
        ? `Missing step ${step.number} · the heading only (${minutes} min)`
        : `Step ${step.number} · already at line ${elsewhere.textRange.start.line + 1}`,
      documentation: {
        kind: MarkupKind.Markdown,
        value: `${step.summary}\n\nFramework: ${framework.title}`,
      },
      sortText: `${missing ? '0' : '1'}-${number}`,
      filterText: `${title} ${step.id}`,
      textEdit: { range, newText: title },
      insertTextFormat: InsertTextFormat.PlainText,
      preselect: false,
    });
    const body = step.template.trim().replace(/\r?\n/g, eol);
    if (!missing || !body) continue;
    items.push({
      label: `Insert template: ${step.title} (heading + topic stubs)`,
      kind: CompletionItemKind.Snippet,
      detail: `Step ${step.number}: the heading and a "- **Topic**: TODO" line per topic`,
      documentation: {
        kind: MarkupKind.Markdown,
        value: ['```markdown', `${title}`, '', step.template.trim(), '```'].join('\n'),
      },
      sortText: `2-${number}`,
      // Starts with "template": typing heading words ranks the heading items above it.
      filterText: `template ${title} ${step.id}`,
      textEdit: { range, newText: `${title}${eol}${eol}${body}` },
      insertTextFormat: InsertTextFormat.PlainText,
      preselect: false,
    });
  }
  return items;
}

function topicCompletions(
  analysis: Analysis,
  section: StepSection,
  position: Position,
  indent: number,
  snippetSupport: boolean,
): CompletionItem[] {
  const report = analysis.steps.find((s) => s.step.id === section.stepId);
  if (!report) return [];
  const range = {
    start: { line: position.line, character: indent },
    end: { line: position.line, character: position.character },
  };
  return report.topics
    .filter((t) => t.status !== 'covered')
    .map(({ topic }) => {
      const label = stubLabel(topic.stub);
      const text = snippetSupport ? `- ${label}: \${1}` : `- ${label}: `;
      return {
        label: topic.title,
        kind: CompletionItemKind.Snippet,
        detail: `${topic.required ? 'Required' : 'Recommended'} topic of step ${report.step.number}${topic.origin !== analysis.framework.id ? ` (${topic.origin})` : ''}`,
        documentation: { kind: MarkupKind.Markdown, value: topic.description },
        sortText: `${topic.required ? '0' : '1'}-${topic.title}`,
        filterText: `- ${topic.title} ${topic.id}`,
        textEdit: { range, newText: text },
        insertTextFormat: snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      };
    });
}

/** "**Loss function**: TODO" -> "**Loss function**". */
function stubLabel(stub: string): string {
  const colon = stub.search(/[:：]/);
  return (colon >= 0 ? stub.slice(0, colon) : stub).trim();
}

function frontMatterCompletions(
  analysis: Analysis,
  registry: FrameworkRegistry,
  position: Position,
  before: string,
): CompletionItem[] {
  const value = /^(\s*)([A-Za-z_][\w-]*)\s*:\s*(\S*)$/.exec(before);
  if (value) {
    const key = value[2];
    const start = before.length - value[3].length;
    const range = { start: { line: position.line, character: start }, end: position };
    const item = (label: string, detail: string, sort = label): CompletionItem => ({
      label,
      kind: CompletionItemKind.EnumMember,
      detail,
      sortText: sort,
      textEdit: { range, newText: label },
    });
    if (key === 'problem')
      return [...registry.caseStudies.values()].map((p) => item(p.id, p.title));
    if (key === 'level') return LEVELS.map((level, i) => item(level, 'Interview level', String(i)));
    if (key === 'framework') return registry.frameworkSources().map((f) => item(f.id, f.title));
    return [];
  }
  if (!/^[A-Za-z_]*$/.test(before)) return [];
  const present = new Set(Object.keys(analysis.document.frontMatter?.values ?? {}));
  const range = { start: { line: position.line, character: 0 }, end: position };
  return FRONT_MATTER_KEYS.filter((k) => !present.has(k.key)).map((k, i) => ({
    label: k.key,
    kind: CompletionItemKind.Property,
    detail: k.description,
    sortText: String(i),
    textEdit: { range, newText: `${k.key}: ` },
    command:
      k.key === 'problem' || k.key === 'level'
        ? { title: 'Suggest', command: 'editor.action.triggerSuggest' }
        : undefined,
  }));
}
