// The mlsd language server: connection, capabilities and routing only. Every feature is a pure
// function of the document's analysis (features/*), computed once per document version.
import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import {
  CoverageRequest,
  DESIGNS_CHANGED_NOTIFICATION,
  DesignsRequest,
  EDITOR_CLOSED_NOTIFICATION,
  EDITOR_OPENED_NOTIFICATION,
  type EditorTabParams,
  FollowUpsRequest,
  InsertMissingStepsRequest,
  RulesRequest,
  TemplatesRequest,
  type DesignSummary,
  type MlsdSettings,
} from '../../common/src/protocol';
import { URI_TO_PATH } from './uri';
import { analyseDesign, Analyzer } from './analysis/analyse';
import { runWarmUp, warmUpTexts, WARM_UP_DELAY_MS, WARM_UP_MIN_LENGTH } from './analysis/warmUp';
import type { Analysis } from './model/analysis';
import { builtInRegistry } from './framework/registry';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { completions } from './features/completion';
import { coverageOf } from './features/coverageSummary';
import { designSummary, unmeasuredSummary } from './features/designSummary';
import { diagnosticsFor } from './features/diagnostics';
import { isTooLarge, tooLargeDiagnostic } from './features/documentSize';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { followUpsFor, insertQuestionEdit, stepAtPosition } from './features/followUps';
import { hover } from './features/hover';
import { insertMissingStepsEdits } from './features/insertMissingSteps';
import { ruleDocsUri, setRuleDocsBase } from './features/ruleDocs';
import { templates } from './features/templates';
import { practiceStart } from './features/practiceStart';
import { practiceReport } from './report/practiceReport';
import { PracticeReportRequest, PracticeStartRequest } from '../../common/src/practice';
import { isDesignPath } from './designFiles';
import { serverEnvironment } from './environment';
import { requestType } from './requestType';
import { allRules } from './rules';
import { SettingsCache, type ValidatedSettings } from './settings';
import { ProjectConfigs, type DesignConfig } from './projectConfigs';
import { OpenAnalyses } from './openAnalyses';
import { openDocuments, type OpenDocument } from './openDocument';
import { WorkspaceChecker, type FileEvent } from './workspace/workspaceChecker';
import { designWatchers, scanProgress } from './workspaceWiring';

// The connection and what differs between Node and the browser come from the entry point.
const { connection, collectWhenIdle, collectBetweenEdits, version } = serverEnvironment();
// The open designs, each held as pieces: typing makes no string of the whole text (openDocument.ts).
const documents = new TextDocuments(openDocuments);
const registry = builtInRegistry();
/** Owns the parsed parts of every open design and each one's last analysis. */
const analyzer = new Analyzer({ registry });
/** The `.mlsd.json` of each design, read by the entry point's reader (none in the browser). */
const projectConfigs = new ProjectConfigs(serverEnvironment().configReader, registry);
/** The window's workspace folders, as URIs. */
let workspaceFolders: string[] = [];

/** The nearest `.mlsd.json` of a design saved on disk (none for untitled or virtual documents). */
function designConfig(uri: string): DesignConfig {
  if (!uri.startsWith('file:')) return { problems: [] };
  const roots = workspaceFolders.filter((f) => f.startsWith('file:')).map((f) => URI_TO_PATH(f));
  const found = projectConfigs.forDesign(URI_TO_PATH(uri), roots);
  reportOnce(found.problems);
  return found;
}

/** A design's rules and framework: its `.mlsd.json` over the settings. */
function designOptions(
  uri: string,
  current: MlsdSettings,
): { rules: MlsdSettings['rules']; framework: string | undefined } {
  const { config } = designConfig(uri);
  return {
    rules: config?.rules ? { ...current.rules, ...config.rules } : current.rules,
    framework: config?.framework ?? current.framework,
  };
}

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

/**
 * How many designs keep their analysis once the server is idle: the one being written and a few
 * beside it. The others are analysed again from their text when a feature asks (openAnalyses.ts).
 */
const KEPT_WHEN_IDLE = 4;
const analyses = new OpenAnalyses(KEPT_WHEN_IDLE);
/**
 * Per design, the analysis last published, or its version once that analysis is dropped (or a
 * design too large to check), or CHECK_AGAIN when the settings changed since.
 */
const published = new Map<string, Analysis | number>();
const CHECK_AGAIN = -1;
const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** Documents VS Code still holds whose last tab was closed: checked as closed designs. */
const tabsClosed = new Set<string>();
const shownInEditor = (uri: string) => documents.get(uri) !== undefined && !tabsClosed.has(uri);

let workDoneProgress = false;
let watchRegistration = false;
/**
 * Every design of the workspace in the Problems panel. The disk is reached only through the
 * DesignSource given here (a build without a file system gives none: open designs only).
 */
const workspace = new WorkspaceChecker({
  source: serverEnvironment().designSource,
  // The editor may spell a file's URI differently from the scan ("%21" for "!").
  isOpen: (uri) =>
    shownInEditor(uri) ||
    documents
      .all()
      .some(
        (document) => shownInEditor(document.uri) && URI_TO_PATH(document.uri) === URI_TO_PATH(uri),
      ),
  check: checkClosedDesign,
  publish: (uri, diagnostics) => connection.sendDiagnostics({ uri, diagnostics }),
  changed: () => void connection.sendNotification(DESIGNS_CHANGED_NOTIFICATION),
  progress: () => (workDoneProgress ? scanProgress(connection) : Promise.resolve(undefined)),
});

function analysisOf(document: OpenDocument, current: MlsdSettings): Analysis | undefined {
  // `.mlsd.json` over the settings: its framework, and its rule severities over `mlsd.rules`.
  const { rules, framework } = designOptions(document.uri, current);
  const rulesKey = JSON.stringify([rules, framework]);
  const cached = analyses.get(document.uri, document.version, rulesKey);
  if (cached) return cached;
  try {
    // The analyzer keeps the document's last analysis: its unchanged parts are taken as they are.
    const analysis = analyzer.analyse(document.source, {
      rules,
      framework,
      document: document.uri,
    });
    for (const failure of analysis.ruleFailures)
      connection.console.error(`${document.uri}: ${failure}`);
    analyses.set(document.uri, { version: document.version, rulesKey, analysis });
    whenIdle();
    return analysis;
  } catch (error) {
    // A bug must not take the server down: log it and keep serving the other documents.
    connection.console.error(
      `Could not check ${document.uri}: ${(error as Error)?.stack ?? String(error)}`,
    );
    return undefined;
  }
}

/**
 * A closed design's findings, from its text on disk: a one-shot analysis (nothing of it is kept),
 * with the settings of its workspace folder (one configuration request per folder, not per file).
 */
async function checkClosedDesign(
  uri: string,
  text: string,
): Promise<{ diagnostics: Diagnostic[]; summary: DesignSummary } | undefined> {
  const folder = workspaceFolders.find((f) => uri.startsWith(`${f.replace(/\/+$/, '')}/`));
  const resolved = await settings.get(folder);
  reportOnce(resolved.problems);
  const workspaceWide = await settings.get(undefined);
  if (!resolved.settings.enable) return undefined;
  const patterns = [...resolved.settings.files, ...workspaceWide.settings.files];
  if (!isDesignPath(URI_TO_PATH(uri), patterns)) return undefined;
  if (isTooLarge(text))
    return { diagnostics: [tooLargeDiagnostic(text)], summary: unmeasuredSummary(uri, false) };
  const analysis = analyseDesign(text, { registry, ...designOptions(uri, resolved.settings) });
  return { diagnostics: diagnosticsFor(analysis), summary: designSummary(uri, analysis, false) };
}

let trimTimer: ReturnType<typeof setTimeout> | undefined;
/**
 * After each analysis: half a second after the last one, all but the most recently used designs'
 * analyses are dropped (with the cached parts only they held); the environment collects garbage
 * half a second later (each call puts both off, so nothing of this runs while the writer types).
 */
function whenIdle(): void {
  collectWhenIdle();
  clearTimeout(trimTimer);
  trimTimer = setTimeout(trimAnalyses, 500);
  (trimTimer as { unref?: () => void }).unref?.();
}

function trimAnalyses(): void {
  trimTimer = undefined;
  const dropped = analyses.trim();
  for (const [uri, { version, analysis }] of dropped) {
    // Published already: the version says so without holding the analysis.
    if (published.get(uri) === analysis) published.set(uri, version);
  }
  analyzer.keepOnly(analyses.uris());
  if (dropped.length > 0) {
    connection.console.log(
      `Idle: let go of the analyses of ${dropped.length} designs not used lately (the ${KEPT_WHEN_IDLE} most recent keep theirs); each is analysed again when asked about.`,
    );
  }
}

/** Lists and checks the workspace's designs, or stops doing so, as the settings say. */
async function scanWorkspace(): Promise<void> {
  if (!workspace.available) return;
  const current = (await settings.get(undefined)).settings;
  if (!current.enable || !current.checkWorkspace || workspaceFolders.length === 0) {
    workspace.stop();
    return;
  }
  await workspace.start(
    workspaceFolders,
    (path) => !/\.report\.md$/i.test(path) && isDesignPath(path, current.files),
  );
  whenIdle();
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
  return latest && !isTooLarge(latest.source) ? analysisOf(latest, resolved.settings) : undefined;
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document || tabsClosed.has(uri)) return;
  const version = document.version;
  const resolved = await designSettings(uri);
  const latest = documents.get(uri);
  // A newer edit arrived while settings were fetched: its own run publishes.
  if (!latest || latest.version !== version) return;
  if (!resolved) {
    if (published.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  if (isTooLarge(latest.source)) {
    analyses.delete(uri);
    analyzer.forget(uri);
    if (published.get(uri) === version) return;
    published.set(uri, version);
    workspace.setOpenSummary(unmeasuredSummary(uri, true));
    connection.sendDiagnostics({
      uri,
      version,
      diagnostics: [tooLargeDiagnostic(latest.getText())],
    });
    return;
  }
  // Published, and its analysis dropped since (idle): nothing to analyse again.
  if (published.get(uri) === version) return;
  const analysis = analysisOf(latest, resolved.settings);
  // Opening a document runs this twice (open, then content change): publish an analysis once.
  if (!analysis || published.get(uri) === analysis) return;
  const opened = !published.has(uri);
  published.set(uri, analysis);
  connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsFor(analysis) });
  workspace.setOpenSummary(designSummary(uri, analysis, true));
  collectBetweenEdits();
  if (opened) warmUpEditPath(latest, resolved.settings);
}

/** The warm-up under way (one at a time): a change to any design or a newer open stops it. */
let warmUp: object | undefined;
const nextTurn: (step: () => void) => void =
  typeof setImmediate === 'function' ? (step) => setImmediate(step) : (step) => setTimeout(step, 0);

/**
 * A moment after a large design is opened, if nothing was typed, a copy of it is typed into a few
 * times on idle turns (analysis/warmUp.ts): the writer's first keystrokes then take the time of the
 * later ones. Nothing is published, and the design's own last analysis is not touched.
 */
function warmUpEditPath(document: OpenDocument, settingsNow: MlsdSettings): void {
  const text = document.source;
  if (text.length < WARM_UP_MIN_LENGTH) return;
  const { uri, version } = document;
  const { rules, framework } = designOptions(uri, settingsNow);
  const token = {};
  warmUp = token;
  const current = () =>
    warmUp === token && documents.get(uri)?.version === version && !tabsClosed.has(uri);
  const copy = `${uri}#mlsd-warm-up`;
  const start = setTimeout(() => {
    if (!current() || !analyzer.copyLast(uri, copy)) return;
    runWarmUp(warmUpTexts(text), {
      analyse: (typed) => {
        const analysis = analyzer.analyse(typed, { rules, framework, document: copy });
        diagnosticsFor(analysis);
        designSummary(uri, analysis, true);
      },
      current,
      nextTurn,
      now: () => performance.now(),
      finished: (analysed) => {
        analyzer.forget(copy);
        connection.console.log(
          `Warm-up of the edit path of ${uri}: ${analysed} edits typed into a copy, nothing published.`,
        );
      },
    });
  }, WARM_UP_DELAY_MS);
  (start as { unref?: () => void }).unref?.();
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
  const options = params.initializationOptions as
    { settings?: unknown; ruleDocs?: unknown } | undefined;
  pushedSettings = options?.settings;
  // The web worker has no rule pages on disk: the client says where the extension's are.
  if (!ruleDocsUri('MLSD001') && typeof options?.ruleDocs === 'string')
    setRuleDocsBase(options.ruleDocs);
  workspaceFolders =
    params.workspaceFolders?.map((folder) => folder.uri) ??
    (params.rootUri ? [params.rootUri] : []);
  workDoneProgress = Boolean(capabilities.window?.workDoneProgress);
  watchRegistration = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
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
      // Folders added to or removed from the window are scanned or cleared (workspace checking).
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'mlsd', version },
  };
});

connection.onInitialized(() => {
  if (hasConfigurationCapability) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'mlsd' });
  }
  reportOnce(registry.errors.map((e) => e.message));
  void (async () => {
    // The client watches the design files and says when one is created, changed or deleted.
    if (watchRegistration && workspace.available) {
      const files = (await settings.get(undefined)).settings.files;
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: designWatchers(files),
      });
    }
    await scanWorkspace();
    // What starting took (reading and compiling the framework data) is given back even when no
    // design is ever opened: the extension starts with any Markdown file.
    whenIdle();
  })();
  try {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      workspaceFolders = [
        ...workspaceFolders.filter((folder) => !removed.has(folder)),
        ...event.added.map((folder) => folder.uri),
      ];
      void scanWorkspace();
    });
  } catch {
    // The client does not tell folder changes: the folders stay those of the start.
  }
});

// The client says when a design file (workspace checking) or a `.mlsd.json` is created, changed or
// deleted. A config change checks every design again, open or closed, without a reload.
connection.onDidChangeWatchedFiles((params) => {
  const isConfig = (change: { uri: string }) => /\/\.mlsd\.json$/i.test(change.uri);
  const designs = params.changes.filter((change) => !isConfig(change));
  if (designs.length < params.changes.length) {
    projectConfigs.clear();
    checkEverythingAgain();
  }
  if (designs.length > 0) workspace.fileEvents(designs as FileEvent[]);
});

connection.onDidChangeConfiguration((change) => {
  if (!hasConfigurationCapability)
    pushedSettings = (change.settings as { mlsd?: unknown } | undefined)?.mlsd;
  settings.clear();
  checkEverythingAgain();
});

/** What a design is checked with changed: every open design and the workspace's are checked again. */
function checkEverythingAgain(): void {
  analyses.clear();
  // Still published (a design no longer checked is cleared), but to be checked again.
  for (const uri of published.keys()) published.set(uri, CHECK_AGAIN);
  for (const document of documents.all()) schedule(document.uri, 0);
  void scanWorkspace();
}

documents.onDidOpen((event) => {
  tabsClosed.delete(event.document.uri);
  schedule(event.document.uri, 0);
});
documents.onDidChangeContent(async (event) => {
  const uri = event.document.uri;
  warmUp = undefined;
  // Changed again (reverted, or edited by an extension): the editor's text is what counts.
  if (tabsClosed.delete(uri)) published.delete(uri);
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
  whenIdle();
  // A design on disk keeps its findings (checked again from the disk); any other is cleared.
  // Its tabs closed earlier: the workspace checker (or the clearing) has dealt with it already.
  if (tabsClosed.delete(uri)) return;
  published.delete(uri);
  // Cleared even when nothing was published since: a disk check of it may have been.
  if (!workspace.closed(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onNotification(EDITOR_CLOSED_NOTIFICATION, (params: EditorTabParams) => {
  const uri = params?.uri;
  if (typeof uri !== 'string' || !documents.get(uri) || tabsClosed.has(uri)) return;
  tabsClosed.add(uri);
  clearTimeout(timers.get(uri));
  timers.delete(uri);
  analyses.delete(uri);
  analyzer.forget(uri);
  published.delete(uri);
  // Cleared even when nothing was published since: a disk check of it may have been.
  if (!workspace.closed(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
});
connection.onNotification(EDITOR_OPENED_NOTIFICATION, (params: EditorTabParams) => {
  const uri = params?.uri;
  if (typeof uri !== 'string' || !tabsClosed.delete(uri)) return;
  published.delete(uri);
  schedule(uri, 0);
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
connection.onRequest(requestType(DesignsRequest), () => workspace.designs());
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
    docs: ruleDocsUri(rule.meta.id) ?? '',
  })),
}));

connection.listen();
