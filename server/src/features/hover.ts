// Hover: on a step heading, what the step must cover and a checklist of its topics; on a finding,
// what the rule checks and why.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Analysis, StepResult } from '../model/analysis';
import type { Heading } from '../model/document';
import { isThin, isWritten, requiredCounts, substanceOf } from '../model/stepMeasures';
import type { Finding } from '../core/findings';
import { allRules } from '../rules';
import { followUpsFor } from './followUps';
import { ruleDocsUri } from './ruleDocs';

export function hover(analysis: Analysis, position: Position): Hover | null {
  const { document } = analysis;
  const parts: string[] = [];
  const heading = document.headings.find(
    (h) => h.range.start.line <= position.line && h.range.end.line >= position.line,
  );
  let range = heading?.textRange;
  if (heading && heading.stepIds.length > 0) {
    for (const stepId of heading.stepIds) {
      const measures = analysis.steps.find((s) => s.step.id === stepId);
      if (measures) parts.push(stepHover(analysis, measures, heading));
    }
  } else if (heading?.role === 'extra') {
    parts.push(
      `**Extra section** — not one of the ${analysis.framework.steps.length} steps of ${analysis.framework.title}; it is never a finding.`,
    );
  }
  // A finding that a topic is missing is already in the step's checklist above.
  const inChecklist = (f: Finding) =>
    heading !== undefined &&
    f.range.start.line === heading.textRange.start.line &&
    f.topicId !== undefined &&
    analysis.steps.some(
      (s) =>
        s.step.id === f.stepId &&
        heading.stepIds.includes(s.step.id) &&
        s.topics.some((t) => t.topic.id === f.topicId && t.status === 'missing'),
    );
  const findings = analysis.findings.filter((f) => contains(f.range, position) && !inChecklist(f));
  const seen = new Set<string>();
  for (const finding of findings) {
    if (seen.has(finding.rule.id)) continue;
    seen.add(finding.rule.id);
    const rule = allRules.find((r) => r.meta.id === finding.rule.id);
    if (!rule) continue;
    const docs = ruleDocsUri(rule.meta.id);
    parts.push(
      `**${rule.meta.id} ${rule.meta.name}** (${finding.severity}) — ${rule.meta.description}${docs ? ` [Rule documentation](${docs})` : ''}`,
    );
    range ??= finding.range;
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}

function contains(range: { start: Position; end: Position }, position: Position): boolean {
  const afterStart =
    position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line ||
    (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Follow-up questions shown in a step heading's hover (uncovered topics first). */
const FOLLOW_UPS_IN_HOVER = 3;

export function stepHover(analysis: Analysis, measures: StepResult, heading?: Heading): string {
  const { step, topics, words } = measures;
  const { covered, total } = requiredCounts(measures);
  const level = analysis.level ? ` · ${analysis.level} level` : '';
  const lines = [
    `**Step ${step.number} of ${analysis.framework.steps.length}: ${step.title}** · about ${measures.minutes} of ${analysis.minutes} minutes${level} · ${covered}/${total} required topics`,
    '',
    step.summary,
    '',
    `Checked against ${analysis.framework.title} (\`${analysis.framework.id}\`).`,
    '',
  ];
  // Why the checker reads this heading as the step: the evidence that decided it.
  const { section } = measures;
  if (heading && section && section.heading === heading && section.evidence.length > 0) {
    lines.push(`_Matched as ${step.title}:_ ${section.evidence.join(', ')}.`, '');
  } else if (
    heading &&
    section &&
    section.heading !== heading &&
    heading.stepIds.includes(step.id)
  ) {
    const opening = section.heading.textRange.start.line + 1;
    lines.push(
      `_${step.title} opens at line ${opening}; this heading ${heading.role === 'duplicate' ? 'repeats' : 'continues'} it._`,
      '',
    );
  }
  const lineOf = (offset: number) => analysis.document.lines.positionAt(offset).line + 1;
  const describe = (required: boolean) => {
    const list = topics.filter((t) => t.topic.required === required);
    if (list.length === 0) return;
    lines.push(required ? '**Required topics**' : '**Recommended topics**', '');
    for (const { topic, status, evidence } of list) {
      const origin =
        topic.origin !== analysis.framework.id
          ? ` _(${analysis.caseStudy?.title ?? topic.origin})_`
          : '';
      if (status === 'covered' && evidence) {
        lines.push(
          `- Covered: ${topic.title}${origin} — line ${lineOf(evidence.start)} (“${evidence.text.replace(/\s+/g, ' ')}”)`,
        );
      } else if (status === 'unchecked') {
        lines.push(`- Not checked: ${topic.title}${origin} — no cue words in this language`);
      } else {
        lines.push(`- **Missing:** ${topic.title}${origin} — ${topic.description}`);
      }
    }
    lines.push('');
  };
  describe(true);
  describe(false);
  const questions = followUpsFor(analysis, measures).slice(0, FOLLOW_UPS_IN_HOVER);
  if (questions.length > 0) {
    lines.push('**An interviewer may ask**', '');
    for (const q of questions) lines.push(`- ${q.covered ? '' : '(not covered yet) '}${q.text}`);
    lines.push('');
  }
  lines.push(
    isWritten(measures)
      ? `${words} word${words === 1 ? '' : 's'}, substance ${substanceOf(measures)}${isThin(measures) ? ` (thin below ${measures.thinWords})` : ''}`
      : 'Not yet written: only template placeholders.',
  );
  return lines.join('\n');
}
