// A real JSON-RPC client for protocol tests: starts `node dist/server.js --stdio` and talks LSP to
// it over the process's streams. Waits poll for results; nothing sleeps a fixed time.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type InitializeParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER_ENV } from '../../common/src/serverProcess';

export const SERVER =
  process.env.MLSD_SERVER ?? path.join(__dirname, '..', '..', 'dist', 'server.js');

export function fileUri(name: string): string {
  return pathToFileURL(path.join('/tmp/mlsd-protocol-test', name)).toString();
}

export class LspTestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly messages: string[] = [];
  settings: Record<string, unknown> = {};
  private versions = new Map<string, number>();
  private readonly publishListeners = new Set<(params: PublishDiagnosticsParams) => void>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  /** Starts the server and initializes it as VS Code would (configuration pulled, snippets). */
  static start(
    settings: Record<string, unknown> = {},
    extraCapabilities = {},
  ): Promise<LspTestClient> {
    return LspTestClient.launch({
      settings,
      initialize: {
        processId: process.pid,
        rootUri: null,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: {
            completion: { completionItem: { snippetSupport: true } },
            ...extraCapabilities,
          },
        },
        workspaceFolders: null,
      },
    });
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { mlsd: settings },
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Polls until the latest diagnostics for `uri` satisfy `accept`. */
  async waitForDiagnostics(
    uri: string,
    accept: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const params = this.diagnostics.get(uri);
      if (params && accept(params.diagnostics, params)) return params.diagnostics;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for diagnostics on ${uri}; last: ${JSON.stringify(params?.diagnostics.map((d) => d.code))}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * Resolves as soon as diagnostics for `uri` at `version` (or later) arrive: no polling, so the
   * benchmark can time edit-to-diagnostics latency.
   */
  nextPublish(uri: string, version: number, timeoutMs = 30_000): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.get(uri);
    if (seen && (seen.version ?? 0) >= version) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.publishListeners.delete(listener);
        reject(new Error(`no diagnostics for ${uri} at version ${version}`));
      }, timeoutMs);
      const listener = (params: PublishDiagnosticsParams) => {
        if (params.uri !== uri || (params.version ?? 0) < version) return;
        clearTimeout(timer);
        this.publishListeners.delete(listener);
        resolve(params);
      };
      this.publishListeners.add(listener);
    });
  }

  // --- For the abuse tests (test/protocol/abuse.test.ts) ---

  /** Everything the server wrote to stderr. */
  stderr = '';

  /**
   * Starts the server; initializes it only when `initialize` is given (so requests can be sent
   * before it), with exactly the capabilities given (the abuse tests use none: an untrusted or
   * folder-less window).
   */
  static async launch(
    options: { settings?: Record<string, unknown>; initialize?: InitializeParams } = {},
  ): Promise<LspTestClient> {
    // MLSD_NODE_FLAGS: Node/V8 flags to start the server with (benchmark A/B runs of flags).
    const flags = process.env.MLSD_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...flags, SERVER, '--stdio'], {
      stdio: 'pipe',
      env: { ...process.env, ...SERVER_ENV },
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new LspTestClient(child, connection);
    child.stderr.on('data', (data: Buffer) => {
      client.stderr += data.toString();
    });
    client.settings = options.settings ?? {};
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.diagnostics.set(params.uri, params);
      client.publishes.push(params);
      for (const listener of [...client.publishListeners]) listener(params);
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'mlsd' ? client.settings : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      client.messages.push(params.message);
      return null;
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      client.messages.push(params.message);
    });
    client.logs = [];
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.logs.push(params.message);
    });
    connection.listen();
    if (options.initialize) await client.initialize(options.initialize);
    return client;
  }

  /** Messages the server logged (window/logMessage). */
  logs: string[] = [];

  async initialize(params: InitializeParams): Promise<unknown> {
    const result = await this.connection.sendRequest(InitializeRequest.type, params);
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Writes bytes to the server's stdin as they are: broken framing, broken JSON. */
  writeRaw(bytes: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) =>
      this.process.stdin.write(bytes, (error) => (error ? reject(error) : resolve())),
    );
  }

  /** Resolves with the exit code when the server process exits. */
  exited(): Promise<number | null> {
    if (this.process.exitCode !== null) return Promise.resolve(this.process.exitCode);
    return new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([
        this.connection.sendRequest(ShutdownRequest.type),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
