// MLSD001 missing-step: a framework step with no section. The finding says where the step belongs
// and carries the fix that inserts it there with its template; fix-all inserts every missing step.
import { insertStepEdit, insertStepsEdits, placeStep } from '../fixes/edits';
import type { DesignDocument } from '../model/document';
import { joinList, lowerFirstWord } from './shared/wording';
import type { Rule } from './types';

export const missingStep: Rule = {
  meta: {
    id: 'MLSD001',
    name: 'missing-step',
    description: 'A step of the framework has no section.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check({ document, framework, steps }, add) {
    for (const { step, section } of steps) {
      if (section) continue;
      const placement = placeStep(document, framework, step);
      const anchor = placement.after ?? placement.before;
      const where = placement.after
        ? `after '${placement.after.heading.text.trim()}' (line ${placement.after.heading.textRange.start.line + 1})`
        : placement.before
          ? `before '${placement.before.heading.text.trim()}' (line ${placement.before.heading.textRange.start.line + 1})`
          : 'at the end of the document';
      const required = step.topics.filter((t) => t.required).map((t) => lowerFirstWord(t.title));
      const cover = required.length > 0 ? `: cover ${joinList(required)}` : '';
      // No fix where the step would land inside a code or HTML block left open (fixes/edits.ts).
      const edit = insertStepEdit(document, framework, step);
      add({
        range: anchor ? anchor.heading.textRange : firstLineRange(document),
        message: `Step ${step.number} '${step.title}' is missing. Add it ${where}${cover}.`,
        stepId: step.id,
        fixes: edit
          ? [{ title: `Insert step ${step.number} '${step.title}'`, edits: [edit] }]
          : undefined,
      });
    }
  },
  fixAll({ document, framework }, findings) {
    const missing = new Set(findings.map((f) => f.stepId));
    const steps = framework.steps.filter((step) => missing.has(step.id));
    const { edits, inserted } = insertStepsEdits(document, framework, steps);
    if (edits.length === 0) return undefined;
    return {
      title: `Insert ${inserted.length} missing step${inserted.length === 1 ? '' : 's'}`,
      edits,
    };
  },
};

function firstLineRange(document: DesignDocument) {
  const heading = document.headings[0];
  if (heading) return heading.textRange;
  const line = document.frontMatter ? document.frontMatter.range.end.line + 1 : 0;
  const safe = Math.min(line, document.lines.lineCount - 1);
  return {
    start: { line: safe, character: 0 },
    end: { line: safe, character: document.lines.lineLength(safe) },
  };
}
