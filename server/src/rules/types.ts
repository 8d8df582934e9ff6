// What a rule is: metadata beside a pure check over the analysed document, and the fixes it offers.
// Rules never do I/O and never see LSP types, so the CLI, the server and the tests run them as
// they are. A rule imports this file, `shared/`, and the layers below (core, fixes, framework,
// parse): never the engine (analysis/) that runs it, nor another rule.
import type { Finding, Fix, Severity } from '../core/findings';
import type { Range } from '../core/text';
import type { CompiledCaseStudy, CompiledFramework } from '../framework/compile';
import type { FrameworkRegistry } from '../framework/registry';
import type { Placeholder, ProseReader, StepResult } from '../model/analysis';
import type { DesignDocument } from '../model/document';

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
  /** The case study the design answers (front matter `problem:`), if any. */
  caseStudy?: CompiledCaseStudy;
  registry: FrameworkRegistry;
  /** The measures of each framework step, in framework order. */
  steps: StepResult[];
  placeholders: Placeholder[];
  /** The prose blocks of the document or a section, read on request (this may parse). */
  prose: ProseReader;
  /** State a rule may keep, by a key of its own: see `RuleMemory`. */
  memory: RuleMemory;
  /** The severity the user configured for this rule (or its default). */
  severity: Severity;
}

/**
 * Where rules keep what they worked out, handed to them by the engine (never module state):
 * `analysis` lives for one analysis and is shared by the rules run in it; `analyzer` lives as long
 * as the analyzer, across the analyses of every document (for what is known by text, such as
 * what a section's text holds).
 */
export interface RuleMemory {
  analysis: Map<string, unknown>;
  analyzer: Map<string, unknown>;
}

/** One finding as a rule adds it; the engine makes it a `Finding` (adding the rule's name). */
export interface RuleFinding {
  range: Range;
  message: string;
  /** Overrides the configured severity for this one finding (e.g. a thin step 6 in a case study). */
  severity?: Severity;
  stepId?: string;
  topicId?: string;
  /**
   * The quick fixes offered on this finding, the preferred one first. A fix may reach beyond the
   * finding (all the missing topics of its step at once).
   */
  fixes?: Fix[];
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext, add: (finding: RuleFinding) => void): void;
  /**
   * The rule's part of fix-all (source.fixAll.mlsd): one fix for `findings`, its findings left
   * after disable comments (never none). The engine offers it only when it converges (nothing of
   * the rule is left to fix after it), since editors run fix-all on every save.
   */
  fixAll?(context: RuleContext, findings: readonly Finding[]): Fix | undefined;
}
