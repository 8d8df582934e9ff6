// Fix-all: the rules' fix-all, worked out by the engine once per analysis (it is offered only when
// it converges; analysis/fixAll.ts). As `source.fixAll.mlsd` (on save, Source Action…) and, as the
// ESLint extension does, once as a quick fix in the Ctrl+. menu, which lists no source actions.
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import type { Analysis } from '../../model/analysis';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mlsd`;
export const FIX_ALL_QUICK_FIX_TITLE = 'Fix all mlsd problems';

export function fixAllAction(analysis: Analysis, uri: string): CodeAction | undefined {
  const fixAll = analysis.fixAll();
  if (!fixAll) return undefined;
  return { title: fixAll.title, kind: FIX_ALL_KIND, edit: { changes: { [uri]: fixAll.edits } } };
}

/** The same edits as a quick fix, titled as ESLint's ("Fix all auto-fixable problems"). */
export function fixAllQuickFix(analysis: Analysis, uri: string): CodeAction | undefined {
  const fixAll = analysis.fixAll();
  if (!fixAll) return undefined;
  return {
    title: FIX_ALL_QUICK_FIX_TITLE,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [uri]: fixAll.edits } },
  };
}
