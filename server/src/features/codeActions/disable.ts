// "Disable <rule> for this line" and "… for this file": a disable comment where it silences the
// finding (syntax: core/disableCommentSyntax.ts).
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../../model/analysis';
import { writeDirective } from '../../core/disableCommentSyntax';

export function disableActions(
  analysis: Analysis,
  uri: string,
  diagnostic: Diagnostic,
): CodeAction[] {
  const { document } = analysis;
  const ruleId = String(diagnostic.code ?? '');
  if (!ruleId) return [];
  const eol = document.lines.eol;
  const actions: CodeAction[] = [];
  const line = diagnostic.range.start.line;
  const frontMatter = document.frontMatter;
  const inFrontMatter =
    frontMatter && line >= frontMatter.range.start.line && line <= frontMatter.range.end.line;
  if (!inFrontMatter && line < document.lines.lineCount) {
    const end = { line, character: document.lines.lineLength(line) };
    actions.push({
      title: `Disable ${ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: {
        changes: {
          [uri]: [
            { range: { start: end, end }, newText: ` ${writeDirective('disable-line', [ruleId])}` },
          ],
        },
      },
    });
  }
  // After the front matter (a comment inside it would break the YAML), else at the very top.
  const at = frontMatter
    ? { line: frontMatter.range.end.line + 1, character: 0 }
    : { line: 0, character: 0 };
  const atEnd = at.line >= document.lines.lineCount;
  const position = atEnd
    ? {
        line: document.lines.lineCount - 1,
        character: document.lines.lineLength(document.lines.lineCount - 1),
      }
    : at;
  const comment = writeDirective('disable-file', [ruleId]);
  actions.push({
    title: `Disable ${ruleId} for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [uri]: [
          {
            range: { start: position, end: position },
            newText: atEnd ? `${eol}${comment}${eol}` : `${comment}${eol}`,
          },
        ],
      },
    },
  });
  return actions;
}
