// "MLSD: New Design…": pick a case study (or a blank design), choose where to save it, write the
// server's template there and open it.
import * as vscode from 'vscode';
import { TemplatesRequest, type TemplateInfo } from '../../common/src/protocol';
import type { ServerHost } from './host';
import { withDesignExtension } from './designFiles';
import { requestType } from './requestType';

interface TemplateItem extends vscode.QuickPickItem {
  template?: TemplateInfo;
}

export async function newDesign(host: ServerHost): Promise<void> {
  const client = await host.running();
  const { templates } = await client.sendRequest(requestType(TemplatesRequest));
  const blank = templates.filter((t) => t.id === 'blank');
  const frameworks = templates.filter((t) => t.id.startsWith('framework:'));
  const studies = templates.filter((t) => t.id !== 'blank' && !t.id.startsWith('framework:'));
  const items: TemplateItem[] = [
    ...blank.map((template) => ({
      label: `$(file) ${template.title}`,
      detail: template.description,
      template,
    })),
    { label: 'Case studies', kind: vscode.QuickPickItemKind.Separator },
    ...studies.map((template) => ({
      label: `$(book) ${template.title}`,
      description: template.id,
      detail: template.description,
      template,
    })),
    { label: 'Other frameworks', kind: vscode.QuickPickItemKind.Separator },
    ...frameworks.map((template) => ({
      label: `$(file) ${template.title}`,
      description: template.id.slice('framework:'.length),
      detail: template.description,
      template,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'MLSD: New Design',
    placeHolder: 'Pick a case study, or a blank design of a framework',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  const template = picked?.template;
  if (!template) return;

  const folder = defaultFolder();
  // With no folder at all (a web editor with nothing open), the save dialog starts where it likes.
  const defaultUri = folder ? await freeName(folder, template.fileName) : undefined;
  let target = await vscode.window.showSaveDialog({
    defaultUri,
    title: `Save the new design: ${template.title}`,
    saveLabel: 'Create Design',
    filters: { 'MLSD design (*.mlsd.md)': ['md'], 'All files': ['*'] },
  });
  if (!target) return;
  target = await askForDesignName(host, target);
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(template.content));
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document);
}

// The user's home folder on the desktop; a web extension host has no process, or a stand-in.
const HOME: string | undefined =
  typeof process !== 'undefined' ? (process.env?.HOME ?? process.env?.USERPROFILE) : undefined;

function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder =
    (active && vscode.workspace.getWorkspaceFolder(active)) ??
    vscode.workspace.workspaceFolders?.[0];
  if (folder) return folder.uri;
  if (active && active.scheme !== 'untitled') return vscode.Uri.joinPath(active, '..');
  return HOME ? vscode.Uri.file(HOME) : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `folder/name.mlsd.md`, or `name-2.mlsd.md`, `name-3.mlsd.md`… when it is taken. */
export async function freeName(folder: vscode.Uri, fileName: string): Promise<vscode.Uri> {
  const match = /^(.*?)((?:\.mlsd)?\.md)$/i.exec(fileName);
  const [stem, extension] = match ? [match[1], match[2]] : [fileName, ''];
  for (let n = 1; n < 1000; n++) {
    const candidate = vscode.Uri.joinPath(folder, n === 1 ? fileName : `${stem}-${n}${extension}`);
    if (!(await exists(candidate))) return candidate;
  }
  return vscode.Uri.joinPath(folder, fileName);
}

// A name that is not a design would not be checked: offer the `.mlsd.md` name instead.
async function askForDesignName(
  host: ServerHost,
  target: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  if (/\.mlsd\.md$/i.test(target.path) || host.isDesignUri(target)) return target;
  const renamed = withDesignExtension(target);
  const name = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const useRenamed = `Save as ${name(renamed)}`;
  const choice = await vscode.window.showWarningMessage(
    `"${name(target)}" is not a design file name, so MLSD would not check it.`,
    { modal: true, detail: 'Design files end in .mlsd.md (or match the "mlsd.files" setting).' },
    useRenamed,
    `Keep ${name(target)}`,
  );
  if (!choice) return undefined;
  if (choice !== useRenamed) return target;
  if (await exists(renamed)) {
    const overwrite = await vscode.window.showWarningMessage(
      `${name(renamed)} already exists. Replace it?`,
      { modal: true },
      'Replace',
    );
    if (overwrite !== 'Replace') return undefined;
  }
  return renamed;
}
