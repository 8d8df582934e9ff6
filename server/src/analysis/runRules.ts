// Runs the rules over a built model: each at its configured severity, a rule that throws becomes
// one line in `ruleFailures` while the others still run, then disable comments filter the result.
import type { Finding, Severity } from '../core/findings';
import { compareRanges, compareText } from '../core/text';
import type { FrameworkRegistry } from '../framework/registry';
import type { Analysis, DesignModel } from '../model/analysis';
import type { Rule, RuleContext } from '../rules/types';
import { applyDisableComments } from './disableComments';
import { fixAllOf, type RuleRun } from './fixAll';
import { resolveRuleSettings, type RuleSettings } from './ruleSettings';
import type { PieceText } from '../core/pieceText';

/**
 * The analysis of `model`. `reanalyse` analyses another text with the same settings: fix-all
 * uses it to check that it converges.
 */
export function runRules(
  model: DesignModel,
  registry: FrameworkRegistry,
  rules: readonly Rule[],
  settings: RuleSettings | undefined,
  reanalyse: (text: string | PieceText) => { findings: readonly Finding[] },
  analyzerMemory: Map<string, unknown> = new Map(),
): Analysis {
  const { document, framework, caseStudy, steps, placeholders, prose } = model;
  const memory = { analysis: new Map<string, unknown>(), analyzer: analyzerMemory };
  const { severities, problems: settingsProblems } = resolveRuleSettings(rules, settings);
  const findings: Finding[] = [];
  const ruleFailures: string[] = [];
  const runs: RuleRun[] = [];
  for (const rule of rules) {
    const configured = severities.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (configured === 'off') continue;
    const severity: Severity = configured;
    const ruleName = { id: rule.meta.id, name: rule.meta.name };
    const context: RuleContext = {
      document,
      framework,
      caseStudy,
      registry,
      steps,
      placeholders,
      prose,
      memory,
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

  // What rules kept for this analysis (prose blocks among it) must not live as long as the
  // analysis does: the contexts stay reachable through fix-all.
  memory.analysis.clear();
  const kept = applyDisableComments(document, findings, rules);
  kept.sort((a, b) => compareRanges(a.range, b.range) || compareText(a.rule.id, b.rule.id));
  const analysis: Analysis = {
    ...model,
    findings: kept,
    settingsProblems,
    ruleFailures,
    // Worked out when first asked for (it analyses the fixed text), then kept: code actions are
    // asked for on every cursor move.
    fixAll: () => {
      const fixAll = fixAllOf(analysis, runs, reanalyse);
      analysis.fixAll = () => fixAll;
      return fixAll;
    },
  };
  return analysis;
}
