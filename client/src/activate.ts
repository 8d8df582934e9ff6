// The client's wiring, shared by the desktop (extension.ts: the server is a Node process) and the
// web (browserExtension.ts: the server is a web worker): starts the mlsd language server for design
// files and wires the status bar and the commands to it. Feature logic lives in the server.
import * as vscode from 'vscode';
import {
  CloseAction,
  CodeLensRequest,
  ErrorAction,
  RevealOutputChannelOn,
  State,
  type BaseLanguageClient,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { EDITOR_CLOSED_NOTIFICATION, EDITOR_OPENED_NOTIFICATION } from '../../common/src/protocol';
import { registerCommands } from './commands';
import { ClosedTabDiagnostics } from './closedTabs';
import { ConnectionPolicy } from './connectionPolicy';
import { mlsdEnabled, type DesignFilter } from './designFiles';
import { DesignsView } from './designsView';
import { ServerHost } from './host';
import { quickCodeLenses } from './lensTiming';
import { CoverageCache, mlsdPreviewPlugin, type MarkdownItLike } from './previewBadges';
import { CoverageStatusBar } from './statusBar';
import { AdvanceableClock } from './practice/clock';
import { PracticeController } from './practice/controller';

let host: ServerHost | undefined;

/** What VS Code's Markdown preview asks of an extension with `markdown.markdownItPlugins`. */
export interface MlsdApi {
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T;
}

/** Makes the language client of one platform, with the options both share. */
export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

export function activateMlsd(context: vscode.ExtensionContext, newClient: ClientFactory): MlsdApi {
  const output = vscode.window.createOutputChannel('MLSD', { log: true });
  let errorShown = false;
  let restartAnnounced = false;
  let crashed = false;
  const showError = (message: string): void => {
    if (errorShown) return;
    errorShown = true;
    void vscode.window.showErrorMessage(`MLSD: ${message}`, 'Open Output').then((choice) => {
      if (choice) output.show(true);
    });
  };

  // Where the server checks the whole workspace, a closed design keeps the findings of its file.
  const closedTabs = new ClosedTabDiagnostics(
    () => host?.current?.diagnostics,
    (uri, closed) => {
      const client = host?.current;
      if (
        !client?.isRunning() ||
        uri.scheme !== 'file' ||
        !host?.isDesignUri(uri) ||
        vscode.workspace.getWorkspaceFolder(uri) === undefined ||
        !vscode.workspace.getConfiguration('mlsd').get('checkWorkspace', true)
      )
        return false;
      void client
        .sendNotification(closed ? EDITOR_CLOSED_NOTIFICATION : EDITOR_OPENED_NOTIFICATION, {
          uri: client.code2ProtocolConverter.asUri(uri),
        })
        .catch(() => {});
      return true;
    },
  );
  const lenses = quickCodeLenses((document) =>
    host?.current
      ?.getFeature(CodeLensRequest.method)
      .getProvider(document)
      ?.onDidChangeCodeLensEmitter.fire(),
  );
  const createClient = (documentSelector: DesignFilter[]): BaseLanguageClient => {
    closedTabs.clear();
    lenses.clear();
    const policy = new ConnectionPolicy();
    const configWatcher = vscode.workspace.createFileSystemWatcher('**/.mlsd.json');
    context.subscriptions.push(configWatcher);
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      // `.mlsd.json` edits reach the server as workspace/didChangeWatchedFiles (saved files).
      synchronize: {
        configurationSection: 'mlsd',
        fileEvents: configWatcher,
      },
      middleware: { ...closedTabs.middleware, provideCodeLenses: lenses.provideCodeLenses },
      outputChannel: output,
      // Where the rule pages are, for a server with no file system (the web worker).
      initializationOptions: {
        ruleDocs: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
      },
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationFailedHandler: () => false,
      errorHandler: {
        error: (_error, message) => {
          if (policy.error(message) === 'continue') {
            return { action: ErrorAction.Continue, handled: true };
          }
          showError('the connection to the language server kept failing, so it was stopped.');
          return { action: ErrorAction.Shutdown, handled: true };
        },
        closed: () => {
          if (policy.closed(Date.now()) === 'restart') {
            crashed = true;
            return { action: CloseAction.Restart, handled: true };
          }
          showError('the language server crashed 5 times in 3 minutes and was not restarted.');
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
    };
    const client = newClient(clientOptions);
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) policy.running();
      if (newState !== State.Running || !crashed) return;
      crashed = false;
      output.warn('The language server stopped unexpectedly and was restarted.');
      if (restartAnnounced) return;
      restartAnnounced = true;
      void vscode.window.showInformationMessage(
        'MLSD: the language server stopped unexpectedly and was restarted.',
      );
    });
    return client;
  };

  host = new ServerHost(createClient, mlsdEnabled, (error) =>
    showError(
      `the language server could not start: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
  // The preview's badges show the last coverage the status bar got; a change re-renders previews.
  const coverage = new CoverageCache();
  let refresh: ReturnType<typeof setTimeout> | undefined;
  const onCoverage = (uri: string, result: Parameters<CoverageCache['set']>[1]): void => {
    if (!coverage.set(uri, result)) return;
    clearTimeout(refresh);
    refresh = setTimeout(() => {
      void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => {});
    }, 100);
  };
  // The system clock, which only the editor tests move forward (mlsd.advancePracticeClock).
  const practice = new PracticeController(context, host, new AdvanceableClock());
  context.subscriptions.push(
    output,
    closedTabs,
    host,
    new CoverageStatusBar(host, onCoverage),
    new DesignsView(host, context.workspaceState),
    { dispose: () => clearTimeout(refresh) },
    practice,
    ...registerCommands(
      context,
      host,
      () => {
        errorShown = false; // after a restart the user asked for, a new failure is worth saying
      },
      practice,
    ),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('mlsd.enable') || event.affectsConfiguration('mlsd.files')) {
        void host?.reconcile(true);
      }
    }),
  );
  void host.reconcile(false);
  return { extendMarkdownIt: (md) => mlsdPreviewPlugin(md, (uri) => coverage.get(uri)) };
}

export function deactivateMlsd(): Promise<void> | undefined {
  return host?.stop();
}
