// "Disable <rule> for this line" and "… for this file": a disable comment where it silences the
// finding (syntax: core/disableCommentSyntax.ts). Each is offered once per rule, however many of
// the rule's findings the request names (a step heading carries several).
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../../model/analysis';
import { writeDirective } from '../../core/disableCommentSyntax';

export function disableActions(
  analysis: Analysis,
  uri: string,
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const lineActions = new Map<string, CodeAction>();
  const fileActions = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    const ruleId = String(diagnostic.code ?? '');
    if (!ruleId) continue;
    const forLine = lineActions.get(ruleId);
    if (forLine) {
      // The first finding's line is the one the comment goes on; the others on it are silenced too.
      if (diagnostic.range.start.line === lineOf(forLine)) forLine.diagnostics?.push(diagnostic);
    } else {
      const action = disableLineAction(analysis, uri, ruleId, diagnostic);
      if (action) lineActions.set(ruleId, action);
    }
    const forFile = fileActions.get(ruleId);
    if (forFile) forFile.diagnostics?.push(diagnostic);
    else fileActions.set(ruleId, disableFileAction(analysis, uri, ruleId, diagnostic));
  }
  return [...lineActions.values(), ...fileActions.values()];
}

function lineOf(action: CodeAction): number | undefined {
  return action.diagnostics?.[0]?.range.start.line;
}

function disableLineAction(
  analysis: Analysis,
  uri: string,
  ruleId: string,
  diagnostic: Diagnostic,
): CodeAction | undefined {
  const { document } = analysis;
  const line = diagnostic.range.start.line;
  const frontMatter = document.frontMatter;
  const inFrontMatter =
    frontMatter && line >= frontMatter.range.start.line && line <= frontMatter.range.end.line;
  if (inFrontMatter || line >= document.lines.lineCount) return undefined;
  const end = { line, character: document.lines.lineLength(line) };
  return {
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
  };
}

function disableFileAction(
  analysis: Analysis,
  uri: string,
  ruleId: string,
  diagnostic: Diagnostic,
): CodeAction {
  const { document } = analysis;
  const eol = document.lines.eol;
  const frontMatter = document.frontMatter;
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
  return {
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
  };
}
