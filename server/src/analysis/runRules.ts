// Runs the rules over a built model: each at its configured severity, a rule that throws becomes
// one line in `ruleFailures` while the others still run, then disable comments filter the result.
import type { Finding, Severity } from '../core/findings';
import { compareRanges, compareText } from '../core/text';
import type { FrameworkRegistry } from '../framework/registry';
import type { Analysis, DesignModel } from '../model/analysis';
import type { Rule } from '../rules/types';
import { applyDisableComments } from './disableComments';
import { resolveRuleSettings, type RuleSettings } from './ruleSettings';

export function runRules(
  model: DesignModel,
  registry: FrameworkRegistry,
  rules: readonly Rule[],
  settings: RuleSettings | undefined,
): Analysis {
  const { document, framework, problem, steps, placeholders } = model;
  const { severities, problems: settingsProblems } = resolveRuleSettings(rules, settings);
  const findings: Finding[] = [];
  const ruleFailures: string[] = [];
  for (const rule of rules) {
    const configured = severities.get(rule.meta.id) ?? rule.meta.defaultSeverity;
    if (configured === 'off') continue;
    const severity: Severity = configured;
    try {
      rule.check(
        { document, framework, problem, registry, steps, placeholders, severity },
        (report) => {
          findings.push({
            ruleId: rule.meta.id,
            rule: rule.meta.name,
            // A rule may raise or lower one finding only when the user kept the default severity.
            severity: report.severity && !severities.has(rule.meta.id) ? report.severity : severity,
            message: report.message,
            range: report.range,
            stepId: report.stepId,
            topicId: report.topicId,
            fixes: report.fixes,
          });
        },
      );
    } catch (error) {
      ruleFailures.push(
        `${rule.meta.id} (${rule.meta.name}) failed: ${(error as Error)?.message ?? String(error)}`,
      );
    }
  }

  const kept = applyDisableComments(document, findings, rules);
  kept.sort((a, b) => compareRanges(a.range, b.range) || compareText(a.ruleId, b.ruleId));
  return { ...model, findings: kept, settingsProblems, ruleFailures };
}
