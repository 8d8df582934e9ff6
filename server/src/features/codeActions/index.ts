// Code actions, one file per kind: the fixes rules attach to their findings (ruleFixes.ts),
// disable comments (disable.ts), "rename to the canonical title" (renameHeading.ts), and
// fix-all (fixAll.ts: source.fixAll.mlsd, and once as a quick fix). Each edit inserts or replaces only what its title says.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { Analysis } from '../../model/analysis';
import { disableActions } from './disable';
import { fixAllAction, fixAllQuickFix, FIX_ALL_KIND } from './fixAll';
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
  const diagnostics = params.context.diagnostics.filter((d) => d.source === 'mlsd');
  if (wants(only, CodeActionKind.QuickFix)) {
    const titles = new Set<string>();
    for (const diagnostic of diagnostics) {
      for (const action of ruleFixActions(analysis, uri, diagnostic)) {
        if (titles.has(action.title)) continue;
        titles.add(action.title);
        actions.push(action);
      }
    }
    // Fix-all once, in the Ctrl+. menu (which never lists source actions), as ESLint does.
    if (diagnostics.length > 0) {
      const fixAll = fixAllQuickFix(analysis, uri);
      if (fixAll) actions.push(fixAll);
    }
    actions.push(...disableActions(analysis, uri, diagnostics));
  }
  if (wants(only, CodeActionKind.RefactorRewrite)) {
    const rename = renameHeadingAction(analysis, uri, params.range);
    if (rename) actions.push(rename);
  }
  // Asked for by kind: fix-all on save, the Source Action menu.
  if (only && wants(only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(analysis, uri);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}
