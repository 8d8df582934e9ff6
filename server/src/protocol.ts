// Custom requests between the VS Code client and the mlsd language server, beyond standard LSP.
// Plain types only: the client and the server both import this file.

/** `mlsd/coverage`: what the status bar and "Show Coverage" display for one document. */
export const CoverageRequest = 'mlsd/coverage';
export interface CoverageParams {
  uri: string;
}
export interface StepCoverage {
  id: string;
  number: number;
  title: string;
  present: boolean;
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
  problem?: string;
  stepsPresent: number;
  stepsTotal: number;
  requiredCovered: number;
  requiredTotal: number;
  steps: StepCoverage[];
}

/** `mlsd/insertMissingSteps`: the edits that insert every missing step (same as source.fixAll.mlsd). */
export const InsertMissingStepsRequest = 'mlsd/insertMissingSteps';
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
export const TemplatesRequest = 'mlsd/templates';
export interface TemplateInfo {
  /** Case-study id, or "blank". */
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
export const RulesRequest = 'mlsd/rules';
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
export interface MlsdSettings {
  enable: boolean;
  files: string[];
  run: 'onType' | 'onSave';
  debounceMs: number;
  rules: Record<string, unknown>;
}

export const DEFAULT_SETTINGS: MlsdSettings = {
  enable: true,
  files: [],
  run: 'onType',
  debounceMs: 200,
  rules: {},
};

/**
 * `mlsd/followUps`: the follow-up questions an interviewer asks about the step at a position,
 * questions on topics the design does not cover yet first ("MLSD: Ask Me a Follow-up Question").
 */
export const FollowUpsRequest = 'mlsd/followUps';
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
