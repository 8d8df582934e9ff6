// The quick fixes a rule attached to a finding, for the diagnostic the client sends back. A fix
// that inserts a section (a heading) also moves the cursor into it: the action carries the
// client's command that puts the cursor at the end of the inserted heading, where it is after the
// edit (VS Code applies a code action's edit first, then runs its command).
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { Commands } from '../../../../common/src/commands';
import type { TextEdit } from '../../core/findings';
import type { Analysis } from '../../model/analysis';
import { findingFor } from '../diagnostics';

export function ruleFixActions(
  analysis: Analysis,
  uri: string,
  diagnostic: Diagnostic,
): CodeAction[] {
  const finding = findingFor(analysis, diagnostic);
  return (finding?.fixes ?? []).map((fix, i) => {
    const action: CodeAction = {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: i === 0,
      edit: { changes: { [uri]: fix.edits } },
    };
    const cursor = insertedHeadingEnd(fix.edits);
    if (cursor) {
      action.command = {
        title: 'Go to the inserted section',
        command: Commands.revealPosition,
        arguments: [uri, cursor.line, cursor.character],
      };
    }
    return action;
  });
}

/**
 * Where the first ATX heading an insert-only fix puts in ends, in the text after the edits; none
 * when the fix inserts no heading or replaces text.
 */
export function insertedHeadingEnd(
  edits: readonly TextEdit[],
): { line: number; character: number } | undefined {
  const sorted = [...edits].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  let linesBefore = 0;
  for (const edit of sorted) {
    const { start, end } = edit.range;
    if (start.line !== end.line || start.character !== end.character) return undefined;
    const lines = edit.newText.split(/\r\n|\r|\n/);
    const index = lines.findIndex((line) => /^ {0,3}#{1,6}(?:\s|$)/.test(line));
    if (index >= 0) {
      const character = (index === 0 ? start.character : 0) + lines[index].length;
      return { line: start.line + linesBefore + index, character };
    }
    linesBefore += lines.length - 1;
  }
  return undefined;
}
