// The mlsd language server: connection, capabilities and routing only. Every feature is a pure
// function of the document's analysis (features/*), computed once per document version.
import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CoverageRequest,
  FollowUpsRequest,
  InsertMissingStepsRequest,
  RulesRequest,
  TemplatesRequest,
  type MlsdSettings,
} from '../../common/src/protocol';
import { URI_TO_PATH } from './uri';
import { Analyzer } from './analysis/analyse';
import type { Analysis } from './model/analysis';
import { builtInRegistry } from './framework/registry';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completions } from './features/completion';
import { coverageOf } from './features/coverageSummary';
import { diagnosticsFor } from './features/diagnostics';
import { isTooLarge, tooLargeDiagnostic } from './features/documentSize';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { followUpsFor, insertQuestionEdit, stepAtPosition } from './features/followUps';
import { hover } from './features/hover';
import { insertMissingStepsEdits } from './features/insertMissingSteps';
import { ruleDocsUri } from './features/ruleDocs';
import { templates } from './features/templates';
import { practiceStart } from './features/practiceStart';
import { practiceReport } from './report/practiceReport';
import { PracticeReportRequest, PracticeStartRequest } from '../../common/src/practice';
import { isDesignPath } from './designFiles';
import { collectWhenIdle } from './idleCollect';
import { requestType } from './requestType';
import { allRules } from './rules';
import { SettingsCache, type ValidatedSettings } from './settings';
import { stdioStreams } from './transport';

function createStdioConnection(): ReturnType<typeof createConnection> {
  let log = (message: string): void => void process.stderr.write(`${message}\n`);
  const { input, output } = stdioStreams((message) => log(message));
  const created = createConnection(ProposedFeatures.all, input, output);
  log = (message) => created.console.warn(message);
  return created;
}

// Over stdio the input goes through a filter that survives broken framing (transport.ts).
const connection = process.argv.includes('--stdio')
  ? createStdioConnection()
  : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const registry = builtInRegistry();
/** Owns the parsed parts of every open design and each one's last analysis. */
const analyzer = new Analyzer({ registry });

let hasConfigurationCapability = false;
let snippetSupport = false;
let pushedSettings: unknown;
const settings = new SettingsCache(async (uri) =>
  hasConfigurationCapability
    ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'mlsd' })
    : pushedSettings,
);

// Each problem with the settings or the data files is said once, not on every keystroke.
const reported = new Set<string>();
function reportOnce(problems: string[]): void {
  for (const problem of problems) {
    if (reported.has(problem)) continue;
    reported.add(problem);
    connection.console.warn(problem);
    void connection.window.showWarningMessage(`MLSD: ${problem}`);
  }
}

interface CachedAnalysis {
  version: number;
  rulesKey: string;
  analysis: Analysis;
}
const analyses = new Map<string, CachedAnalysis>();
const published = new Map<string, Analysis | number>();
const timers = new Map<string, NodeJS.Timeout>();

function analysisOf(document: TextDocument, current: MlsdSettings): Analysis | undefined {
  const rulesKey = JSON.stringify(current.rules);
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version && cached.rulesKey === rulesKey)
    return cached.analysis;
  try {
    // The analyzer keeps the document's last analysis: its unchanged parts are taken as they are.
    const analysis = analyzer.analyse(document.getText(), {
      rules: current.rules,
      document: document.uri,
    });
    for (const failure of analysis.ruleFailures)
      connection.console.error(`${document.uri}: ${failure}`);
    analyses.set(document.uri, { version: document.version, rulesKey, analysis });
    return analysis;
  } catch (error) {
    // A bug must not take the server down: log it and keep serving the other documents.
    connection.console.error(
      `Could not check ${document.uri}: ${(error as Error)?.stack ?? String(error)}`,
    );
    return undefined;
  }
}

async function designSettings(uri: string): Promise<ValidatedSettings | undefined> {
  const resolved = await settings.get(uri);
  reportOnce(resolved.problems);
  if (!resolved.settings.enable) return undefined;
  const workspaceWide = await settings.get(undefined);
  const patterns = [...resolved.settings.files, ...workspaceWide.settings.files];
  return isDesignPath(URI_TO_PATH(uri), patterns) ? resolved : undefined;
}

/** The analysis of an open design document, or undefined for anything else. */
async function designAnalysis(
  uri: string,
  token?: CancellationToken,
): Promise<Analysis | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const resolved = await designSettings(uri);
  if (!resolved || token?.isCancellationRequested) return undefined;
  const latest = documents.get(uri);
  return latest && !isTooLarge(latest.getText())
    ? analysisOf(latest, resolved.settings)
    : undefined;
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  const resolved = await designSettings(uri);
  const latest = documents.get(uri);
  // A newer edit arrived while settings were fetched: its own run publishes.
  if (!latest || latest.version !== version) return;
  if (!resolved) {
    if (published.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  if (isTooLarge(latest.getText())) {
    analyses.delete(uri);
    analyzer.forget(uri);
    if (published.get(uri) === version) return;
    published.set(uri, version);
    connection.sendDiagnostics({
      uri,
      version,
      diagnostics: [tooLargeDiagnostic(latest.getText())],
    });
    return;
  }
  const analysis = analysisOf(latest, resolved.settings);
  // Opening a document runs this twice (open, then content change): publish an analysis once.
  if (!analysis || published.get(uri) === analysis) return;
  published.set(uri, analysis);
  connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsFor(analysis) });
  collectWhenIdle();
}

function schedule(uri: string, delay: number): void {
  clearTimeout(timers.get(uri));
  if (delay <= 0) {
    timers.delete(uri);
    void validate(uri);
    return;
  }
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      void validate(uri);
    }, delay),
  );
}

let initializeReceived = false;
connection.onInitialize((params): InitializeResult => {
  // Document notifications before `initialize` are dropped, as the protocol says: nothing
  // listens to them until now. (A second `initialize` must not listen twice.)
  if (!initializeReceived) documents.listen(connection);
  initializeReceived = true;
  const capabilities = params.capabilities;
  hasConfigurationCapability = Boolean(capabilities.workspace?.configuration);
  snippetSupport = Boolean(capabilities.textDocument?.completion?.completionItem?.snippetSupport);
  pushedSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  return {
    capabilities: {
      textDocumentSync: {
        openClose: true,
        change: TextDocumentSyncKind.Incremental,
        save: { includeText: false },
      },
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND],
      },
      // No trigger characters: a list that opens by itself would take Enter from the writer.
      completionProvider: {},
      hoverProvider: true,
      documentSymbolProvider: { label: 'MLSD steps' },
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'mlsd', version: process.env.MLSD_VERSION ?? '0.0.0-dev' },
  };
});

connection.onInitialized(() => {
  if (hasConfigurationCapability) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'mlsd' });
  }
  reportOnce(registry.errors.map((e) => e.message));
});

connection.onDidChangeConfiguration((change) => {
  if (!hasConfigurationCapability)
    pushedSettings = (change.settings as { mlsd?: unknown } | undefined)?.mlsd;
  settings.clear();
  analyses.clear();
  for (const document of documents.all()) schedule(document.uri, 0);
});

documents.onDidOpen((event) => schedule(event.document.uri, 0));
documents.onDidChangeContent(async (event) => {
  const uri = event.document.uri;
  const current = (await settings.get(uri)).settings;
  if (current.run === 'onType') schedule(uri, current.debounceMs);
});
documents.onDidSave(async (event) => {
  const current = (await settings.get(event.document.uri)).settings;
  if (current.run === 'onSave') schedule(event.document.uri, 0);
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  clearTimeout(timers.get(uri));
  timers.delete(uri);
  analyses.delete(uri);
  analyzer.forget(uri);
  settings.forget(uri);
  collectWhenIdle();
  if (published.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
});

// Every handler answers: a bug in a feature, or params that are not what the protocol says, is
// logged and the client gets the empty answer rather than an error.
async function guarded<T>(method: string, fallback: T, run: () => Promise<T>): Promise<T> {
  // The protocol's answer to a request before `initialize`.
  if (!initializeReceived) {
    throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized.');
  }
  try {
    return await run();
  } catch (error) {
    connection.console.error(`${method} failed: ${(error as Error)?.stack ?? String(error)}`);
    return fallback;
  }
}

/**
 * A request about one design: its answer from the analysis, or `fallback` for anything else. The
 * uri is read inside the guard: params need not be what the protocol says.
 */
function answerFor<T>(
  method: string,
  uri: () => string,
  token: CancellationToken,
  fallback: T,
  answer: (analysis: Analysis) => T,
): Promise<T> {
  return guarded(method, fallback, async () => {
    const analysis = await designAnalysis(uri(), token);
    return analysis ? answer(analysis) : fallback;
  });
}

connection.onCodeAction((params, token) =>
  answerFor(
    'textDocument/codeAction',
    () => params.textDocument.uri,
    token,
    [],
    (analysis) => codeActions(analysis, params.textDocument.uri, params),
  ),
);
connection.onCompletion((params, token) =>
  answerFor(
    'textDocument/completion',
    () => params.textDocument.uri,
    token,
    [],
    (analysis) => completions(analysis, registry, params.position, snippetSupport),
  ),
);
connection.onHover((params, token) =>
  answerFor(
    'textDocument/hover',
    () => params.textDocument.uri,
    token,
    null,
    (analysis) => hover(analysis, params.position),
  ),
);
connection.onDocumentSymbol((params, token) =>
  answerFor(
    'textDocument/documentSymbol',
    () => params.textDocument.uri,
    token,
    [],
    documentSymbols,
  ),
);
connection.onFoldingRanges((params, token) =>
  answerFor('textDocument/foldingRange', () => params.textDocument.uri, token, [], foldingRanges),
);
connection.onCodeLens((params, token) =>
  answerFor('textDocument/codeLens', () => params.textDocument.uri, token, [], codeLenses),
);

connection.onRequest(requestType(CoverageRequest), (params, token) =>
  answerFor(CoverageRequest.method, () => params.uri, token, null, coverageOf),
);
connection.onRequest(requestType(InsertMissingStepsRequest), (params, token) =>
  answerFor(
    InsertMissingStepsRequest.method,
    () => params.uri,
    token,
    { edits: [], inserted: [], blocked: [] },
    insertMissingStepsEdits,
  ),
);
connection.onRequest(requestType(FollowUpsRequest), (params, token) =>
  answerFor(
    FollowUpsRequest.method,
    () => params.uri,
    token,
    null,
    (analysis) => {
      const measures = stepAtPosition(analysis, params.position);
      if (!measures) return null;
      return {
        step: { id: measures.step.id, number: measures.step.number, title: measures.step.title },
        questions: followUpsFor(analysis, measures).map((q) => ({
          ...q,
          edit: insertQuestionEdit(analysis, measures, q.text),
        })),
      };
    },
  ),
);
connection.onRequest(requestType(TemplatesRequest), () => ({ templates: templates(registry) }));
connection.onRequest(requestType(PracticeStartRequest), (params) =>
  practiceStart(registry, params),
);
connection.onRequest(requestType(PracticeReportRequest), (params, token) =>
  answerFor(
    PracticeReportRequest.method,
    () => params.uri,
    token,
    null,
    (analysis) => {
      const path = URI_TO_PATH(params.uri);
      return practiceReport(analysis, path.slice(path.lastIndexOf('/') + 1), params);
    },
  ),
);
connection.onRequest(requestType(RulesRequest), () => ({
  rules: allRules.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.name,
    description: rule.meta.description,
    defaultSeverity: rule.meta.defaultSeverity,
    docs: ruleDocsUri(rule.meta.id),
  })),
}));

connection.listen();
