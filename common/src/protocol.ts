// The custom requests between the VS Code client and the mlsd language server, beyond standard
// LSP, and the settings the client sends. The client and the server both import this file; it
// imports nothing. Each request is a method name typed with its params and result: the server
// registers it with `requestType(XRequest)` (server/src/requestType.ts) and the client sends it the
// same way (client/src/requestType.ts), so neither restates the types.

/** A request that takes params `P` and answers `R`. */
export interface RequestSignature<P, R> {
  readonly method: string;
  readonly numberOfParams: 1;
  /** Never set: it carries the params and result types for the compiler. */
  readonly types?: { params: P; result: R };
}

/** A request without params that answers `R`. */
export interface RequestSignature0<R> {
  readonly method: string;
  readonly numberOfParams: 0;
  /** Never set: it carries the result type for the compiler. */
  readonly types?: { result: R };
}

function request<P, R>(method: string): RequestSignature<P, R> {
  return { method, numberOfParams: 1 };
}

function request0<R>(method: string): RequestSignature0<R> {
  return { method, numberOfParams: 0 };
}

/**
 * `mlsd/coverage`: what the status bar and "Show Coverage" display for one document; null when
 * the server does not check it.
 */
export const CoverageRequest = request<CoverageParams, CoverageResult | null>('mlsd/coverage');
export interface CoverageParams {
  uri: string;
}
export interface StepCoverage {
  id: string;
  number: number;
  title: string;
  /** The step has a section (written or not). */
  present: boolean;
  /** The section holds substantive words: a step of template placeholders only is not yet written. */
  written: boolean;
  /** 0-based line of the step heading, when present. */
  line?: number;
  /** 0-based line where the step would be inserted, when missing. */
  insertLine?: number;
  words: number;
  requiredCovered: number;
  requiredTotal: number;
  missingRequired: { id: string; title: string }[];
}
export interface CoverageResult {
  /** False when the document is not a design file (the status bar then hides). */
  isDesign: boolean;
  framework: string;
  /** The framework's title, for the status bar's tooltip. */
  frameworkTitle?: string;
  problem?: string;
  /** Steps written (the same count as the CLI's `summary.stepsPresent`; placeholders only do not count). */
  stepsPresent: number;
  stepsTotal: number;
  requiredCovered: number;
  requiredTotal: number;
  steps: StepCoverage[];
}

/** `mlsd/insertMissingSteps`: the edits that insert every missing step (same as source.fixAll.mlsd). */
export const InsertMissingStepsRequest = request<
  InsertMissingStepsParams,
  InsertMissingStepsResult
>('mlsd/insertMissingSteps');
export interface InsertMissingStepsParams {
  uri: string;
}
export interface InsertMissingStepsResult {
  edits: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[];
  inserted: string[];
  /** Missing steps not inserted: they would land inside a code block or HTML comment left open. */
  blocked: string[];
}

/** `mlsd/templates`: the case studies and the text of a new design for each. */
export const TemplatesRequest = request0<TemplatesResult>('mlsd/templates');
export interface TemplateInfo {
  /** Case-study id, "blank" (the default framework) or "framework:<id>" (another's blank design). */
  id: string;
  title: string;
  description: string;
  /** File name suggested for it, e.g. "visual-search.mlsd.md". */
  fileName: string;
  content: string;
}
export interface TemplatesResult {
  templates: TemplateInfo[];
}

/** `mlsd/rules`: the rule catalogue, for "Open Rule Documentation". */
export const RulesRequest = request0<RulesResult>('mlsd/rules');
export interface RuleInfo {
  id: string;
  name: string;
  description: string;
  defaultSeverity: string;
  /** Absolute URI of the rule's documentation page. */
  docs: string;
}
export interface RulesResult {
  rules: RuleInfo[];
}

/** Settings under the `mlsd` section, as the client sends them (workspace/configuration). */
/** The framework a design is checked against when nothing names another (`mlsd.framework`). */
export const DEFAULT_FRAMEWORK = 'aminian-7';

export interface MlsdSettings {
  enable: boolean;
  /** The framework when neither the front matter nor a `.mlsd.json` names one. */
  framework: string;
  files: string[];
  run: 'onType' | 'onSave';
  debounceMs: number;
  rules: Record<string, unknown>;
  /** Check every design of the workspace, not only the open ones (the Problems panel lists them). */
  checkWorkspace: boolean;
}

export const DEFAULT_SETTINGS: MlsdSettings = {
  enable: true,
  framework: DEFAULT_FRAMEWORK,
  files: [],
  run: 'onType',
  debounceMs: 200,
  rules: {},
  checkWorkspace: true,
};

/**
 * `mlsd/followUps`: the follow-up questions an interviewer asks about the step at a position,
 * questions on topics the design does not cover yet first ("MLSD: Ask Me a Follow-up Question").
 */
export const FollowUpsRequest = request<FollowUpsParams, FollowUpsResult | null>('mlsd/followUps');
export interface FollowUpsParams {
  uri: string;
  position: { line: number; character: number };
}
export interface FollowUpInfo {
  id: string;
  text: string;
  /** Ids of the topics the question probes. */
  topics: string[];
  /** True when the design already covers every topic the question probes. */
  covered: boolean;
  /** The framework's id, or the case study's for a case-study question. */
  origin: string;
  /** Inserts the question as a `> Q: …` line at the end of the step (none inside an open block). */
  edit?: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  };
}
export interface FollowUpsResult {
  step: { id: string; number: number; title: string };
  questions: FollowUpInfo[];
}

/**
 * `mlsd/designs`: one summary per design of the workspace (every design the scan found, and the
 * open ones), for the Designs view. Counted as the status bar counts (model/stepMeasures.ts).
 */
export const DesignsRequest = request0<DesignsResult>('mlsd/designs');
export interface DesignSummary {
  uri: string;
  /** The case study's id and title, when the front matter names one. */
  caseStudy?: { id: string; title: string };
  /** Steps written, as `CoverageResult.stepsPresent`. */
  stepsPresent: number;
  stepsTotal: number;
  requiredCovered: number;
  requiredTotal: number;
  /** Findings shown in the Problems panel (errors, warnings and information; hints are not). */
  problems: number;
  /** True when the summary comes from the editor's text rather than the file on disk. */
  open: boolean;
}
export interface DesignsResult {
  designs: DesignSummary[];
  /** True while the first scan of the workspace is running (more designs are coming). */
  scanning: boolean;
}

/** `mlsd/designsChanged` (server to client, no params): the summaries changed; ask again. */
export const DESIGNS_CHANGED_NOTIFICATION = 'mlsd/designsChanged';

/**
 * `mlsd/editorClosed` and `mlsd/editorOpened` (client to server, params `{ uri }`): the last tab
 * showing a design closed, or a tab shows it again. VS Code says a document is closed (didClose)
 * only when it drops it, seconds later or never while an extension holds it; meanwhile the server
 * treats a design whose tabs are closed as closed (its findings are those of the file on disk).
 */
export const EDITOR_CLOSED_NOTIFICATION = 'mlsd/editorClosed';
export const EDITOR_OPENED_NOTIFICATION = 'mlsd/editorOpened';
export interface EditorTabParams {
  uri: string;
}
