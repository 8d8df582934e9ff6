// What a rule is: metadata beside a pure check over the analysed document. Rules never do I/O and
// never see LSP types, so the CLI, the server and the tests run them as they are.
import type { Fix, Severity } from '../core/findings';
import type { Range } from '../core/text';
import type { CompiledFramework, CompiledProblem } from '../framework/compile';
import type { FrameworkRegistry } from '../framework/registry';
import type { DesignDocument } from '../model/document';
import type { Placeholder, StepResult } from '../model/analysis';

export interface RuleMeta {
  /** Stable id: "MLSD" and three digits. */
  id: string;
  /** Stable kebab-case name. */
  name: string;
  /** One line: what the rule finds. */
  description: string;
  defaultSeverity: Severity;
  /** True when its findings carry fixes. */
  fixable: boolean;
}

export interface RuleContext {
  document: DesignDocument;
  framework: CompiledFramework;
  problem?: CompiledProblem;
  registry: FrameworkRegistry;
  /** One report per framework step, in framework order. */
  steps: StepResult[];
  placeholders: Placeholder[];
  /** The severity the user configured for this rule (or its default). */
  severity: Severity;
}

export interface Report {
  range: Range;
  message: string;
  /** Overrides the configured severity for this one finding (e.g. a thin step 6 in a case study). */
  severity?: Severity;
  stepId?: string;
  topicId?: string;
  fixes?: Fix[];
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext, report: (finding: Report) => void): void;
}
