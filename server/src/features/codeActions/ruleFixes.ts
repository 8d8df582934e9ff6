// The quick fixes a rule attached to a finding, for the diagnostic the client sends back.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../../model/analysis';
import { findingFor } from '../diagnostics';

export function ruleFixActions(
  analysis: Analysis,
  uri: string,
  diagnostic: Diagnostic,
): CodeAction[] {
  const finding = findingFor(analysis, diagnostic);
  return (finding?.fixes ?? []).map((fix, i) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: i === 0,
    edit: { changes: { [uri]: fix.edits } },
  }));
}
