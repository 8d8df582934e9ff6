// Owns the one LanguageClient: starts it, replaces it when the design-file globs change, stops it
// when mlsd is disabled, and keeps the `mlsd.isDesign` context key for the active editor.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { designSelector, isDesignDocument, type DesignFilter } from './designFiles';

export class ServerHost implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private selector: DesignFilter[] = [];
  private queue: Promise<void> = Promise.resolve();
  private clientListener: vscode.Disposable | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when the client is replaced or changes state. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly create: (selector: DesignFilter[]) => LanguageClient,
    private readonly enabled: () => boolean,
    private readonly onStartFailure: (error: unknown) => void,
  ) {
    this.disposables.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document === vscode.window.activeTextEditor?.document) this.updateContext();
      }),
    );
  }

  get current(): LanguageClient | undefined {
    return this.client;
  }

  /** Whether the server covers this document (mlsd enabled and the file a design). */
  isDesign(document: vscode.TextDocument): boolean {
    return this.client !== undefined && isDesignDocument(document, this.selector);
  }

  /** Whether a Markdown file at this uri would be a design. */
  isDesignUri(uri: vscode.Uri): boolean {
    return isDesignDocument(
      { uri, languageId: 'markdown' },
      this.selector.length ? this.selector : designSelector(),
    );
  }

  /** The client once it has started, or an error that says why there is none. */
  async running(): Promise<LanguageClient> {
    await this.queue;
    const client = this.client;
    if (!client) {
      throw new Error(
        this.enabled()
          ? 'the language server is not running.'
          : 'MLSD is turned off (setting "mlsd.enable").',
      );
    }
    if (client.state === State.Stopped || client.state === State.StartFailed) {
      throw new Error('the language server is not running; try "MLSD: Restart Server".');
    }
    return client;
  }

  /** Starts, stops or (with `restart`) replaces the client to match the settings. */
  reconcile(restart: boolean): Promise<void> {
    this.queue = this.queue.then(() => this.apply(restart));
    return this.queue;
  }

  private async apply(restart: boolean): Promise<void> {
    const enabled = this.enabled();
    if (this.client && (restart || !enabled)) {
      const old = this.client;
      this.setClient(undefined);
      try {
        await old.dispose(2000);
      } catch {
        // It had already stopped or never started.
      }
    }
    if (!enabled || this.client) return;
    this.selector = designSelector();
    const client = this.create(this.selector);
    this.setClient(client);
    try {
      await client.start();
    } catch (error) {
      this.onStartFailure(error);
    }
    this.changed.fire();
  }

  private setClient(client: LanguageClient | undefined): void {
    this.clientListener?.dispose();
    this.client = client;
    this.clientListener = client?.onDidChangeState(() => this.changed.fire());
    this.updateContext();
    this.changed.fire();
  }

  private updateContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand(
      'setContext',
      'mlsd.isDesign',
      document ? this.isDesign(document) : false,
    );
  }

  async stop(): Promise<void> {
    await this.queue;
    try {
      await this.client?.stop();
    } catch {
      // Stopping a client that never started fails; nothing is left to stop.
    }
  }

  dispose(): void {
    this.clientListener?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
