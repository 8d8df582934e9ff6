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
import { canonicalText, indexHeadingVocabulary } from './headingMatcher';
import type { FrameworkData, CaseStudyData } from './types';
import { DataFileError, validateFramework, validateCaseStudy } from './validate';

export const DEFAULT_FRAMEWORK_ID = 'aminian-7';

/** Where a framework or case study was loaded from, for `mlsd frameworks`. */
export interface DataSource {
  id: string;
  title: string;
  file: string;
  builtIn: boolean;
}

export class FrameworkRegistry {
  /** The frameworks compiled so far; `framework(id)` compiles a known one on first use. */
  readonly frameworks = new Map<string, CompiledFramework>();
  /**
   * Built-in frameworks not compiled yet, by id (the file name): compiled only when a design asks
   * for one, since a compiled framework holds its cue tables in memory for the server's life.
   */
  private readonly lazy = new Map<string, string>();
  private readonly files = new Map<string, { file: string; builtIn: boolean }>();
  private readonly aliasTables = new Map<string, Map<string, string>>();

  /** `read` gives a data file's text (the file system unless told otherwise). */
  constructor(private readonly read: (file: string) => string = readFileText) {}
  readonly caseStudies = new Map<string, CompiledCaseStudy>();
  /** Data files that could not be loaded; the rest still work. */
  readonly errors: DataFileError[] = [];

  addFramework(data: FrameworkData): CompiledFramework {
    const compiled = compileFramework(data);
    indexHeadingVocabulary(compiled);
    this.frameworks.set(compiled.id, compiled);
    this.aliasTables.delete(compiled.id);
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
    const key = id ?? DEFAULT_FRAMEWORK_ID;
    const compiled = this.frameworks.get(key);
    if (compiled) return compiled;
    const file = this.lazy.get(key);
    if (file === undefined) return undefined;
    this.lazy.delete(key);
    const loaded = this.loadFrameworkFile(file, true);
    if (loaded && loaded.id !== key) {
      this.frameworks.delete(loaded.id);
      this.errors.push(
        new DataFileError(file, 'id', `"${loaded.id}" must be the file's name ("${key}")`),
      );
      return undefined;
    }
    return loaded;
  }

  /** True when a framework of this id is known, compiled or not. */
  hasFramework(id: string): boolean {
    return this.frameworks.has(id) || this.lazy.has(id);
  }

  /** The ids of every known framework, compiled or not, sorted. */
  frameworkIds(): string[] {
    return [...new Set([...this.frameworks.keys(), ...this.lazy.keys()])].sort();
  }

  /** Every framework known and where it came from (a framework not compiled yet is read, not compiled). */
  frameworkSources(): DataSource[] {
    return this.frameworkIds().map((id) => {
      const where = this.files.get(id) ?? { file: '', builtIn: true };
      const compiled = this.frameworks.get(id);
      let title = compiled?.title ?? id;
      if (!compiled) {
        try {
          const raw = readJson(where.file, this.read) as { title?: unknown } | null;
          if (typeof raw?.title === 'string') title = raw.title;
        } catch {
          // The title is only for show; the error is recorded when the framework is compiled.
        }
      }
      return { id, title, ...where };
    });
  }

  /**
   * Whole step headings of a framework (its aliases in every language, case and punctuation
   * folded) and the step each names, read from the data without compiling it: enough to tell
   * which framework a design's headings follow (rule MLSD009). Kept once built (a few KB each).
   */
  stepAliases(id: string): ReadonlyMap<string, string> | undefined {
    const known = this.aliasTables.get(id);
    if (known) return known;
    let data: FrameworkData | undefined = this.frameworks.get(id)?.data;
    if (!data) {
      const file = this.lazy.get(id);
      if (file === undefined) return undefined;
      try {
        data = readJson(file, this.read) as FrameworkData;
      } catch {
        return undefined;
      }
    }
    const table = new Map<string, string>();
    for (const step of Array.isArray(data?.steps) ? data.steps : []) {
      for (const list of Object.values(step?.aliases ?? {}))
        for (const alias of Array.isArray(list) ? list : [])
          if (typeof alias === 'string') table.set(canonicalText(alias), step.id);
      table.set(canonicalText(String(step?.title ?? '')), step.id);
    }
    this.aliasTables.set(id, table);
    return table;
  }

  /** The case studies and where each came from. */
  caseStudySources(): DataSource[] {
    return [...this.caseStudies.values()]
      .map((c) => ({
        id: c.id,
        title: c.title,
        ...(this.files.get(`problem:${c.id}`) ?? { file: '', builtIn: true }),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  get defaultFramework(): CompiledFramework {
    const framework =
      this.frameworks.get(DEFAULT_FRAMEWORK_ID) ?? this.frameworks.values().next().value;
    if (!framework) throw new Error('no framework data was loaded');
    return framework;
  }

  /** Loads a framework file; a bad file is recorded in `errors` and skipped. */
  loadFrameworkFile(file: string, builtIn = false): CompiledFramework | undefined {
    try {
      const compiled = this.addFramework(validateFramework(readJson(file, this.read), file));
      this.lazy.delete(compiled.id);
      this.files.set(compiled.id, { file, builtIn });
      return compiled;
    } catch (error) {
      this.errors.push(asDataFileError(error, file));
      return undefined;
    }
  }

  loadCaseStudyFile(file: string, builtIn = false): CompiledCaseStudy | undefined {
    try {
      const raw = readJson(file, this.read);
      const framework = this.framework(
        (raw as { framework?: string } | null)?.framework ?? DEFAULT_FRAMEWORK_ID,
      );
      const stepIds = framework ? new Set(framework.steps.map((s) => s.id)) : undefined;
      const stepTopics = framework
        ? new Map(framework.steps.map((s) => [s.id, new Set(s.topics.map((t) => t.id))]))
        : undefined;
      const compiled = this.addCaseStudy(validateCaseStudy(raw, file, stepIds, stepTopics), file);
      if (compiled) this.files.set(`problem:${compiled.id}`, { file, builtIn });
      return compiled;
    } catch (error) {
      this.errors.push(asDataFileError(error, file));
      return undefined;
    }
  }

  /**
   * Loads the built-in data in `dir`: the default framework now, the others when a design asks
   * for them (by file name), and every case study in `dir/problems`.
   */
  loadDirectory(dir: string): void {
    for (const file of listJson(dir)) {
      const id = path.basename(file, '.json');
      if (id === DEFAULT_FRAMEWORK_ID) this.loadFrameworkFile(file, true);
      else if (!this.frameworks.has(id)) {
        this.lazy.set(id, file);
        this.files.set(id, { file, builtIn: true });
      }
    }
    for (const file of listJson(path.join(dir, 'problems'))) this.loadCaseStudyFile(file, true);
  }
}

function readFileText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

function readJson(file: string, read: (file: string) => string): unknown {
  let text: string;
  try {
    text = read(file);
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
