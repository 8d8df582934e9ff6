// Which documents are designs, as the client sees them: `**/*.mlsd.md` plus the globs of the
// `mlsd.files` setting (every scope that sets it). The server checks the same again per document.
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS } from '../../common/src/protocol';

export const DESIGN_GLOB = '**/*.mlsd.md';
const SCHEMES = ['file', 'untitled'];

/** Whether any scope (the window or a workspace folder) enables mlsd. */
export function mlsdEnabled(): boolean {
  const scopes: (vscode.ConfigurationScope | undefined)[] = [
    undefined,
    ...(vscode.workspace.workspaceFolders ?? []),
  ];
  return scopes.some((scope) =>
    vscode.workspace.getConfiguration('mlsd', scope).get('enable', DEFAULT_SETTINGS.enable),
  );
}

/** The extra globs of `mlsd.files`, from the window and every workspace folder, deduplicated. */
export function extraGlobs(): string[] {
  const scopes: (vscode.ConfigurationScope | undefined)[] = [
    undefined,
    ...(vscode.workspace.workspaceFolders ?? []),
  ];
  const globs = new Set<string>();
  for (const scope of scopes) {
    const files = vscode.workspace.getConfiguration('mlsd', scope).get<unknown>('files', []);
    if (!Array.isArray(files)) continue;
    for (const glob of files) {
      if (typeof glob === 'string' && glob.trim() !== '') globs.add(anywhere(glob.trim()));
    }
  }
  globs.delete(DESIGN_GLOB);
  return [...globs];
}

// A document filter's string pattern is matched against the whole path, so "notes/*.md" or
// "*.design.md" must be allowed to start anywhere, as the server allows.
function anywhere(glob: string): string {
  const normalised = glob.split('\\').join('/');
  if (
    normalised.startsWith('**/') ||
    normalised.startsWith('/') ||
    /^[A-Za-z]:\//.test(normalised)
  ) {
    return normalised;
  }
  return `**/${normalised.replace(/^\.\//, '')}`;
}

/** A document filter both VS Code and the language client accept. */
export interface DesignFilter {
  scheme: string;
  language: 'markdown';
  pattern: string;
}

export function designSelector(globs: readonly string[] = extraGlobs()): DesignFilter[] {
  return [DESIGN_GLOB, ...globs].flatMap((pattern) =>
    SCHEMES.map((scheme) => ({ scheme, language: 'markdown', pattern })),
  );
}

/** Whether a document (or a file about to be one: only its uri and language are read) is a design. */
export function isDesignDocument(
  document: Pick<vscode.TextDocument, 'uri' | 'languageId'>,
  selector: readonly DesignFilter[],
): boolean {
  return vscode.languages.match([...selector], document as vscode.TextDocument) > 0;
}

/** `name.md` -> `name.mlsd.md`; other names get `.mlsd.md` appended. */
export function withDesignExtension(uri: vscode.Uri): vscode.Uri {
  const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const stem = base.replace(/\.mlsd\.md$/i, '').replace(/\.(md|markdown)$/i, '');
  return vscode.Uri.joinPath(uri, '..', `${stem}.mlsd.md`);
}
