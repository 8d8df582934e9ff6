// The VS Code client: starts the mlsd language server (dist/server.js over IPC) for design files
// and wires the status bar and the commands to it. Feature logic lives in the server.
import * as vscode from 'vscode';
import {
  CloseAction,
  CodeLensRequest,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_ENV } from '../../common/src/serverProcess';
import { registerCommands } from './commands';
import { ClosedTabDiagnostics } from './closedTabs';
import { ConnectionPolicy } from './connectionPolicy';
import { mlsdEnabled, type DesignFilter } from './designFiles';
import { ServerHost } from './host';
import { quickCodeLenses } from './lensTiming';
import { CoverageCache, mlsdPreviewPlugin, type MarkdownItLike } from './previewBadges';
import { CoverageStatusBar } from './statusBar';
import { AdvanceableClock } from './practice/clock';
import { PracticeController } from './practice/controller';

// The library forces its own pop-up when the connection fails; this extension says it once, below.
class MlsdLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, _showNotification?: boolean | 'force'): void {
    super.error(message, data, false);
  }
}

let host: ServerHost | undefined;

/** What VS Code's Markdown preview asks of an extension with `markdown.markdownItPlugins`. */
export interface MlsdApi {
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T;
}

export function activate(context: vscode.ExtensionContext): MlsdApi {
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

  const closedTabs = new ClosedTabDiagnostics(() => host?.current?.diagnostics);
  const lenses = quickCodeLenses((document) =>
    host?.current
      ?.getFeature(CodeLensRequest.method)
      .getProvider(document)
      ?.onDidChangeCodeLensEmitter.fire(),
  );
  const createClient = (documentSelector: DesignFilter[]): LanguageClient => {
    closedTabs.clear();
    lenses.clear();
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
    const policy = new ConnectionPolicy();
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      synchronize: { configurationSection: 'mlsd' },
      middleware: { ...closedTabs.middleware, provideCodeLenses: lenses.provideCodeLenses },
      outputChannel: output,
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
    const client = new MlsdLanguageClient('mlsd', 'MLSD', serverOptions, clientOptions);
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

export function deactivate(): Promise<void> | undefined {
  return host?.stop();
}
