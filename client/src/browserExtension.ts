// The web client (vscode.dev, github.dev, a VS Code server's web worker extension host): runs the
// mlsd language server in a web worker (dist/browserServer.js) with the framework data of
// dist/data.json. The wiring shared with the desktop client is in activate.ts; what needs a process
// (the server's environment, debugging) is left out.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { activateMlsd, deactivateMlsd, type MlsdApi } from './activate';

type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];
// The web extension host's globals (tsconfig has no DOM lib: the shared client must not use it).
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;
declare const URL: { createObjectURL(blob: Blob): string };

class MlsdLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, _showNotification?: boolean | 'force'): void {
    super.error(message, data, false);
  }
}

/**
 * The worker's code: the framework data, then the server. A worker cannot start from a
 * `vscode-remote:` URI (a VS Code server, microsoft/vscode#168942), and the server has no file
 * system to read the data from, so both are read here and the worker starts from a Blob URL.
 */
async function serverUrl(context: vscode.ExtensionContext): Promise<string> {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const [data, code] = await Promise.all([
    read(vscode.Uri.joinPath(dist, 'data.json')),
    read(vscode.Uri.joinPath(dist, 'browserServer.js')),
  ]);
  const prelude = new TextEncoder().encode('self.MLSD_BUILT_IN_DATA=');
  return URL.createObjectURL(
    new Blob([prelude, data, new TextEncoder().encode(';\n'), code], { type: 'text/javascript' }),
  );
}

/** An extension file: through the workspace file system, or fetched where it is served (https). */
async function read(uri: vscode.Uri): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    const response = await fetch(uri.toString(true)).catch(() => undefined);
    if (!response?.ok) throw error;
    return new Uint8Array(await response.arrayBuffer());
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<MlsdApi> {
  let url: string;
  try {
    url = await serverUrl(context);
  } catch (error) {
    // Said once, as the desktop client says a server that cannot start.
    void vscode.window.showErrorMessage(
      `MLSD: the language server could not start: its files could not be read (${String(error)}).`,
    );
    throw error;
  }
  return activateMlsd(
    context,
    (clientOptions: LanguageClientOptions) =>
      new MlsdLanguageClient('mlsd', 'MLSD', clientOptions, new Worker(url, { name: 'mlsd' })),
  );
}

export const deactivate = deactivateMlsd;
