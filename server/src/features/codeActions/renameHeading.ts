// "Rename heading to '<canonical title>'" on a step heading (refactor.rewrite), keeping the
// writer's numbering.
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver';
import type { Analysis } from '../../model/analysis';
import type { Range } from '../../core/text';
import type { Heading } from '../../model/document';

function headingAt(analysis: Analysis, range: Range): Heading | undefined {
  return analysis.document.headings.find(
    (h) =>
      h.stepIds.length === 1 &&
      h.range.start.line <= range.start.line &&
      h.range.end.line >= range.start.line,
  );
}

/** The text of a step heading in canonical form, keeping the writer's numbering prefix. */
export function canonicalHeadingText(
  heading: Heading,
  title: string,
  number: number,
  numbersSteps: boolean,
): string {
  const prefix =
    /^(\s*(?:(?:step|part|phase)\s*)?(?:\d+(?:\.\d+)*|[ivx]{1,5})\s*[.):\-–—]*\s*)/i.exec(
      heading.text,
    );
  if (prefix && heading.match.numbered) return `${prefix[1]}${title}`;
  return numbersSteps ? `${number}. ${title}` : title;
}

export function renameHeadingAction(
  analysis: Analysis,
  uri: string,
  range: Range,
): CodeAction | undefined {
  const heading = headingAt(analysis, range);
  if (!heading) return undefined;
  // The edit replaces the heading's text with one line. A setext heading's text can span several
  // lines ("Notes" over "Clarifying requirements" over "---"): replacing them all would drop the
  // writer's other lines, so no rename is offered for such a heading.
  if (heading.textRange.start.line !== heading.textRange.end.line) return undefined;
  const step = analysis.framework.stepById.get(heading.stepIds[0]);
  if (!step) return undefined;
  const current = analysis.document.source.slice(heading.textStart, heading.textEnd);
  const wanted = canonicalHeadingText(
    heading,
    step.title,
    step.number,
    analysis.document.numbersSteps,
  );
  if (current.trim() === wanted.trim()) return undefined;
  const edit: TextEdit = { range: heading.textRange, newText: wanted };
  return {
    title: `Rename heading to '${wanted}'`,
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [uri]: [edit] } },
  };
}
