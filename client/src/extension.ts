// The desktop client: runs the mlsd language server as a Node process (dist/server.js over IPC).
// The wiring shared with the web client is in activate.ts.
import type * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_ENV } from '../../common/src/serverProcess';
import { activateMlsd, deactivateMlsd, type MlsdApi } from './activate';

// The library forces its own pop-up when the connection fails; this extension says it once.
class MlsdLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, _showNotification?: boolean | 'force'): void {
    super.error(message, data, false);
  }
}

export function activate(context: vscode.ExtensionContext): MlsdApi {
  const module = context.asAbsolutePath('dist/server.js');
  const env = { ...process.env, ...SERVER_ENV };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { env, execArgv: ['--nolazy', '--inspect=6010'] },
    },
  };
  return activateMlsd(
    context,
    (clientOptions: LanguageClientOptions) =>
      new MlsdLanguageClient('mlsd', 'MLSD', serverOptions, clientOptions),
  );
}

export const deactivate = deactivateMlsd;
