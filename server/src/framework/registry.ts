// Loads the frameworks and case studies from their data files: the built-in ones shipped beside the
// code (data/*.json, data/problems/*.json) and any extra file a user names.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  compileFramework,
  compileCaseStudy,
  type CompiledFramework,
  type CompiledCaseStudy,
} from './compile';
import { indexHeadingVocabulary } from './headingMatcher';
import type { FrameworkData, CaseStudyData } from './types';
import { DataFileError, validateFramework, validateCaseStudy } from './validate';

export const DEFAULT_FRAMEWORK_ID = 'aminian-7';

export class FrameworkRegistry {
  readonly frameworks = new Map<string, CompiledFramework>();
  readonly caseStudies = new Map<string, CompiledCaseStudy>();
  /** Data files that could not be loaded; the rest still work. */
  readonly errors: DataFileError[] = [];

  addFramework(data: FrameworkData): CompiledFramework {
    const compiled = compileFramework(data);
    indexHeadingVocabulary(compiled);
    this.frameworks.set(compiled.id, compiled);
    return compiled;
  }

  addCaseStudy(data: CaseStudyData, file = data.id): CompiledCaseStudy | undefined {
    const framework = this.frameworks.get(data.framework);
    if (!framework) {
      this.errors.push(
        new DataFileError(file, 'framework', `unknown framework "${data.framework}"`),
      );
      return undefined;
    }
    const compiled = compileCaseStudy(data, framework);
    this.caseStudies.set(compiled.id, compiled);
    return compiled;
  }

  framework(id: string | undefined): CompiledFramework | undefined {
    return this.frameworks.get(id ?? DEFAULT_FRAMEWORK_ID);
  }

  get defaultFramework(): CompiledFramework {
    const framework =
      this.frameworks.get(DEFAULT_FRAMEWORK_ID) ?? this.frameworks.values().next().value;
    if (!framework) throw new Error('no framework data was loaded');
    return framework;
  }

  /** Loads a framework file; a bad file is recorded in `errors` and skipped. */
  loadFrameworkFile(file: string): CompiledFramework | undefined {
    try {
      return this.addFramework(validateFramework(readJson(file), file));
    } catch (error) {
      this.errors.push(asDataFileError(error, file));
      return undefined;
    }
  }

  loadCaseStudyFile(file: string): CompiledCaseStudy | undefined {
    try {
      const raw = readJson(file);
      const framework = this.frameworks.get(
        (raw as { framework?: string } | null)?.framework ?? DEFAULT_FRAMEWORK_ID,
      );
      const stepIds = framework ? new Set(framework.steps.map((s) => s.id)) : undefined;
      const stepTopics = framework
        ? new Map(framework.steps.map((s) => [s.id, new Set(s.topics.map((t) => t.id))]))
        : undefined;
      return this.addCaseStudy(validateCaseStudy(raw, file, stepIds, stepTopics), file);
    } catch (error) {
      this.errors.push(asDataFileError(error, file));
      return undefined;
    }
  }

  /** Loads every framework in `dir` and every case study in `dir/problems`. */
  loadDirectory(dir: string): void {
    for (const file of listJson(dir)) this.loadFrameworkFile(file);
    for (const file of listJson(path.join(dir, 'problems'))) this.loadCaseStudyFile(file);
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(
      file,
      '',
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DataFileError(file, '', `is not valid JSON (${(error as Error).message})`);
  }
}

function asDataFileError(error: unknown, file: string): DataFileError {
  return error instanceof DataFileError ? error : new DataFileError(file, '', String(error));
}

function listJson(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/** Where the built-in data lives: beside the bundle (dist/data) or the source (framework/data). */
export function builtInDataDir(): string {
  const candidates = [path.join(__dirname, 'data'), path.join(__dirname, 'framework', 'data')];
  return (
    candidates.find((dir) => fs.existsSync(path.join(dir, `${DEFAULT_FRAMEWORK_ID}.json`))) ??
    candidates[0]
  );
}

let builtIn: FrameworkRegistry | undefined;

/** The registry of built-in frameworks and case studies, loaded once. */
export function builtInRegistry(): FrameworkRegistry {
  if (!builtIn) {
    builtIn = new FrameworkRegistry();
    builtIn.loadDirectory(builtInDataDir());
  }
  return builtIn;
}
