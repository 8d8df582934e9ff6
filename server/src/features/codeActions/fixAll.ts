// source.fixAll.mlsd: the rules' fix-all, worked out by the engine once per analysis (it is
// offered only when it converges; analysis/fixAll.ts).
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import type { Analysis } from '../../model/analysis';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mlsd`;

export function fixAllAction(analysis: Analysis, uri: string): CodeAction | undefined {
  const fixAll = analysis.fixAll();
  if (!fixAll) return undefined;
  return { title: fixAll.title, kind: FIX_ALL_KIND, edit: { changes: { [uri]: fixAll.edits } } };
}
