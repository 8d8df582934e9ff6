// Settings pulled from the client per document (workspace/configuration, section "mlsd"), cached
// per URI and cleared when they change. Bad values are named once and replaced by defaults.
import { resolveRuleSettings } from './analysis/ruleSettings';
import { DEFAULT_SETTINGS, type MlsdSettings } from '../../common/src/protocol';
import { compileGlob } from './glob';
import { allRules } from './rules';

/** Patterns of `mlsd.files` used at most. */
const MAX_FILE_PATTERNS = 100;

export interface ValidatedSettings {
  settings: MlsdSettings;
  problems: string[];
}

export function validateSettings(raw: unknown): ValidatedSettings {
  const problems: string[] = [];
  const settings: MlsdSettings = {
    ...DEFAULT_SETTINGS,
    files: [...DEFAULT_SETTINGS.files],
    rules: {},
  };
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('The "mlsd" settings must be an object; defaults are used.');
    return { settings, problems };
  }
  const value = raw as Record<string, unknown>;
  if (value.enable !== undefined) {
    if (typeof value.enable === 'boolean') settings.enable = value.enable;
    else problems.push('Setting "mlsd.enable" must be true or false; true is used.');
  }
  if (value.checkWorkspace !== undefined) {
    if (typeof value.checkWorkspace === 'boolean') settings.checkWorkspace = value.checkWorkspace;
    else problems.push('Setting "mlsd.checkWorkspace" must be true or false; true is used.');
  }
  if (value.files !== undefined) {
    if (Array.isArray(value.files) && value.files.every((f) => typeof f === 'string')) {
      const patterns = (value.files as string[]).filter((f) => f.trim() !== '');
      if (patterns.length > MAX_FILE_PATTERNS) {
        problems.push(
          `Setting "mlsd.files" has ${patterns.length} patterns; the first ${MAX_FILE_PATTERNS} are used.`,
        );
      }
      settings.files = [];
      for (const pattern of patterns.slice(0, MAX_FILE_PATTERNS)) {
        const compiled = compileGlob(pattern);
        if (compiled.ok) settings.files.push(pattern);
        else
          problems.push(
            `Setting "mlsd.files": the pattern ${JSON.stringify(pattern.slice(0, 80))} is not used: ${compiled.reason}.`,
          );
      }
    } else {
      problems.push(
        'Setting "mlsd.files" must be a list of glob patterns such as "**/*.design.md"; ignored.',
      );
    }
  }
  if (value.framework !== undefined) {
    // Whether the id is known is the registry's to say (settings.ts does not load frameworks).
    if (typeof value.framework === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value.framework))
      settings.framework = value.framework;
    else
      problems.push(
        `Setting "mlsd.framework" must be a framework id such as "nine-step"; "${DEFAULT_SETTINGS.framework}" is used.`,
      );
  }
  if (value.run !== undefined) {
    if (value.run === 'onType' || value.run === 'onSave') settings.run = value.run;
    else
      problems.push(
        `Setting "mlsd.run" must be "onType" or "onSave", not ${JSON.stringify(value.run)}; "onType" is used.`,
      );
  }
  if (value.debounceMs !== undefined) {
    const ms = value.debounceMs;
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0)
      settings.debounceMs = Math.min(ms, 10_000);
    else
      problems.push(
        `Setting "mlsd.debounceMs" must be a number of milliseconds (0 or more); ${DEFAULT_SETTINGS.debounceMs} is used.`,
      );
  }
  if (value.rules !== undefined) {
    const resolved = resolveRuleSettings(allRules, value.rules as Record<string, unknown>);
    for (const problem of resolved.problems) problems.push(`Setting "mlsd.rules": ${problem}`);
    if (typeof value.rules === 'object' && value.rules !== null && !Array.isArray(value.rules)) {
      // Keep only the entries that resolved, so the analysis never sees a bad one.
      const kept: Record<string, unknown> = {};
      for (const [id, level] of resolved.severities) kept[id] = level;
      settings.rules = kept;
    }
  }
  return { settings, problems };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<ValidatedSettings>>();

  constructor(private readonly fetch: (uri: string | undefined) => Promise<unknown>) {}

  get(uri: string | undefined): Promise<ValidatedSettings> {
    const key = uri ?? '';
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.fetch(uri).then(validateSettings, () => validateSettings(undefined));
      this.cache.set(key, entry);
    }
    return entry;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
