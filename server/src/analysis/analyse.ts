// The checker's one entry point: text in, model + step reports + findings out. Pure: no I/O, no
// LSP. The CLI, the language server and the tests all call this.
import type { Finding, Severity } from '../core/findings';
import { compareRanges, compareText } from '../core/text';
import type { CompiledFramework, CompiledProblem, CompiledStep } from '../framework/compile';
import { builtInRegistry, type FrameworkRegistry } from '../framework/registry';
import type { DesignDocument, StepSection } from '../parse/model';
import { parseDesign } from '../parse/parseDesign';
import { allRules } from '../rules';
import type { Rule } from '../rules/types';
import { coverTopics, countWords, TemplateText, topicsOf, type TopicCoverage } from './coverage';
import {
  buildIncremental,
  layoutOf,
  sharedPartCache,
  type DesignModel,
  type PartCache,
} from './incremental';
import { applyDisableComments } from './disableComments';
import { defineFixAll, type FixAll, type RuleRun } from './fixAll';
import { findPlaceholders } from './placeholders';
import { resolveRuleSettings, type RuleSettings } from './ruleSettings';

export interface StepReport {
  step: CompiledStep;
  section?: StepSection;
  topics: TopicCoverage[];
  /** Substantive words (placeholders, stub labels and headings not counted). */
  words: number;
}

export interface AnalysisOptions {
  registry?: FrameworkRegistry;
  /** Parsed parts of texts seen before (incremental analysis); a shared cache when not given. */
  cache?: PartCache;
  /**
   * The previous analysis of the same document (the language server passes it): parts before and
   * after an edit are taken from it without looking them up.
   */
  previous?: Analysis;
  /** Tests only: split carelessly (inside fences and HTML blocks), parse every part with remark. */
  testing?: { carelessSplit?: boolean; noFastParser?: boolean };
  /** Per-rule severity or "off", by id or name. */
  rules?: RuleSettings;
}

export interface Analysis {
  document: DesignDocument;
  framework: CompiledFramework;
  problem?: CompiledProblem;
  steps: StepReport[];
  findings: Finding[];
  /** Problems with the settings (unknown rule, bad value); defaults were used instead. */
  settingsProblems: string[];
  /** Rules that threw; the others still ran. */
  ruleFailures: string[];
  /** The rules' fix-all, when it converges (fixAll.ts); worked out on first read. */
  fixAll?: FixAll;
}

export { topicsOf };

/**
 * Analyses a design. Incremental by default: parts of the text already seen (in this document or
 * any other) come from `options.cache` (a shared cache unless given), so after a keystroke only
 * the part that changed is parsed again. The result is the same as `fullAnalysis`'s.
 */
export function analyseDesign(
  text: string,
  options: AnalysisOptions = {},
  rules: readonly Rule[] = allRules,
): Analysis {
  const registry = options.registry ?? builtInRegistry();
  const model =
    buildIncremental(text, registry, options.cache ?? sharedPartCache(), {
      previous: options.previous && layoutOf(options.previous.document),
      trackBlocks: !options.testing?.carelessSplit,
      fastParser: !options.testing?.noFastParser,
    }) ?? buildWhole(text, registry);
  return check(model, registry, options, rules);
}

/** Analyses the text as one piece, with no cache: the reference the incremental analysis matches. */
export function fullAnalysis(
  text: string,
  options: AnalysisOptions = {},
  rules: readonly Rule[] = allRules,
): Analysis {
  const registry = options.registry ?? builtInRegistry();
  return check(buildWhole(text, registry), registry, options, rules);
}

function buildWhole(text: string, registry: FrameworkRegistry): DesignModel {
  const document = parseDesign(text, (values) => {
    const id = typeof values?.framework === 'string' ? values.framework : undefined;
    return registry.framework(id) ?? registry.defaultFramework;
  });
  const framework = registry.framework(document.frameworkId) ?? registry.defaultFramework;
  const problemId = document.frontMatter?.values?.problem;
  const problem =
    typeof problemId === 'string' ? registry.problems.get(problemId.trim()) : undefined;

  const placeholders = findPlaceholders(document, framework.placeholders);
  const template = new TemplateText(document, placeholders);
  const steps: StepReport[] = framework.steps.map((step) => {
    const section = document.stepById.get(step.id);
    return {
      step,
      section,
      topics: coverTopics(document, section, topicsOf(step, problem), template),
      words: section ? countWords(section, template) : 0,
    };
  });
  return { document, framework, problem, steps, placeholders };
}

/** Runs the rules over a built model. */
function check(
  model: DesignModel,
  registry: FrameworkRegistry,
  options: AnalysisOptions,
  rules: readonly Rule[],
): Analysis {
  const { document, framework, problem, steps, placeholders } = model;
  const { severities, problems: settingsProblems } = resolveRuleSettings(rules, options.rules);
  const findings: Finding[] = [];
  const ruleFailures: string[] = [];
  const runs: RuleRun[] = [];
  for (const rule of rules) {
    const configured = severities.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (configured === 'off') continue;
    const severity: Severity = configured;
    const ruleName = { id: rule.meta.id, name: rule.meta.name };
    const context = {
      document,
      framework,
      caseStudy: problem,
      registry,
      steps,
      placeholders,
      severity,
    };
    try {
      rule.check(context, (finding) => {
        findings.push({
          rule: ruleName,
          // A rule may raise or lower one finding only when the user kept the default severity.
          severity: finding.severity && !severities.has(rule.meta.id) ? finding.severity : severity,
          message: finding.message,
          range: finding.range,
          stepId: finding.stepId,
          topicId: finding.topicId,
          fixes: finding.fixes,
        });
      });
      runs.push({ rule, context });
    } catch (error) {
      ruleFailures.push(
        `${rule.meta.id} (${rule.meta.name}) failed: ${(error as Error)?.message ?? String(error)}`,
      );
    }
  }

  const kept = applyDisableComments(document, findings, rules);
  kept.sort((a, b) => compareRanges(a.range, b.range) || compareText(a.rule.id, b.rule.id));
  const analysis: Analysis = {
    document,
    framework,
    problem,
    steps,
    findings: kept,
    settingsProblems,
    ruleFailures,
  };
  // Not `options.previous`: the analysis would keep every earlier one alive until fix-all is read.
  const { previous: _previous, ...same } = options;
  defineFixAll(analysis, runs, (text) =>
    analyseDesign(text, { ...same, previous: analysis }, rules),
  );
  return analysis;
}
