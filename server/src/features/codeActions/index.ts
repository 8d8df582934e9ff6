// Code actions, one file per kind: the fixes rules attach to their findings (ruleFixes.ts),
// disable comments (disable.ts), "rename to the canonical title" (renameHeading.ts), and
// source.fixAll.mlsd (fixAll.ts). Each edit inserts or replaces only what its title says.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { Analysis } from '../../model/analysis';
import { disableActions } from './disable';
import { fixAllAction, FIX_ALL_KIND } from './fixAll';
import { renameHeadingAction } from './renameHeading';
import { ruleFixActions } from './ruleFixes';

export { FIX_ALL_KIND };

/** Whether the client asks for actions of `kind` (`only` lists kinds and their parents). */
function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

export function codeActions(
  analysis: Analysis,
  uri: string,
  params: CodeActionParams,
): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const diagnostics = params.context.diagnostics.filter((d) => d.source === 'mlsd');
    for (const diagnostic of diagnostics)
      actions.push(...ruleFixActions(analysis, uri, diagnostic));
    for (const diagnostic of diagnostics)
      actions.push(...disableActions(analysis, uri, diagnostic));
  }
  if (wants(only, CodeActionKind.RefactorRewrite)) {
    const rename = renameHeadingAction(analysis, uri, params.range);
    if (rename) actions.push(rename);
  }
  // Asked for by kind (fix-all on save), or listed with the rest when it fixes several findings.
  if (only ? wants(only, FIX_ALL_KIND) : (analysis.fixAll()?.findingCount ?? 0) > 1) {
    const fixAll = fixAllAction(analysis, uri);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}
