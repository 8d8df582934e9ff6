// Small helpers for unit tests: analyse inline documents, find findings by rule.
import { analyseDesign } from '../../server/src/analysis/analyse';
import type { Analysis } from '../../server/src/model/analysis';
import type { Finding } from '../../server/src/core/findings';

export function analyse(text: string, rules?: Record<string, unknown>): Analysis {
  return analyseDesign(text, { rules });
}

export function lines(...content: string[]): string {
  return content.join('\n') + '\n';
}

export function findingsOf(analysis: Analysis, ruleId: string): Finding[] {
  return analysis.findings.filter((f) => f.rule.id === ruleId || f.rule.name === ruleId);
}

/** Step id -> 1-based heading line, or null, for every step of the framework. */
export function stepLines(analysis: Analysis): Record<string, number | null> {
  const result: Record<string, number | null> = {};
  for (const { step, section } of analysis.steps) {
    result[step.id] = section ? section.heading.textRange.start.line + 1 : null;
  }
  return result;
}
