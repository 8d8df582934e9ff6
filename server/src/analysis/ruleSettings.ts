// Per-rule severities from the user (settings, --config): by id ("MLSD006") or name
// ("missing-topic"), case-insensitive. A bad entry is named in a message and ignored.
import { SEVERITIES, type Severity } from '../core/findings';
import type { Rule } from '../rules/types';

export type RuleLevel = Severity | 'off';
export type RuleSetting = RuleLevel | boolean | { severity?: RuleLevel };
export type RuleSettings = Record<string, unknown>;

export const RULE_LEVELS: readonly RuleLevel[] = [...SEVERITIES, 'off'];

/** Finds a rule by id or name, case-insensitively. */
export function findRule(rules: readonly Rule[], key: string): Rule | undefined {
  const wanted = key.trim().toLowerCase();
  return rules.find((rule) => rule.meta.id.toLowerCase() === wanted || rule.meta.name === wanted);
}

export function resolveRuleSettings(
  rules: readonly Rule[],
  settings: RuleSettings | undefined,
): { severities: Map<string, RuleLevel>; problems: string[] } {
  const severities = new Map<string, RuleLevel>();
  const problems: string[] = [];
  if (settings === undefined || settings === null) return { severities, problems };
  if (typeof settings !== 'object' || Array.isArray(settings)) {
    problems.push(
      '"rules" must be an object mapping rule ids or names to a severity; defaults used.',
    );
    return { severities, problems };
  }
  for (const [key, value] of Object.entries(settings)) {
    const rule = findRule(rules, key);
    if (!rule) {
      problems.push(
        `Unknown rule "${key}" in "rules" (known: ${rules.map((r) => `${r.meta.id}/${r.meta.name}`).join(', ')}); ignored.`,
      );
      continue;
    }
    const level = toLevel(value);
    if (level === undefined) {
      problems.push(
        `"rules.${key}" must be one of ${RULE_LEVELS.join(', ')} (or true/false), not ${JSON.stringify(value)}; default "${rule.meta.defaultSeverity}" used.`,
      );
      continue;
    }
    severities.set(
      rule.meta.id,
      level === true ? rule.meta.defaultSeverity : level === false ? 'off' : level,
    );
  }
  return { severities, problems };
}

function toLevel(value: unknown): RuleLevel | boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'information') return 'info';
    if (lower === 'none' || lower === 'ignore') return 'off';
    return (RULE_LEVELS as readonly string[]).includes(lower) ? (lower as RuleLevel) : undefined;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'severity' in value) {
    return toLevel((value as { severity: unknown }).severity);
  }
  return undefined;
}
