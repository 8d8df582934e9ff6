// Holds the frameworks and case studies, loaded from their data: the built-in ones (data/*.json,
// data/problems/*.json) and any extra file a user names. Reading files goes through a DataFileReader
// (server/src/dataFiles.ts in Node): the engine itself has no file system, so it runs in a browser.
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

/** How a registry reads data files; a registry without one (in the browser) loads data only. */
export interface DataFileReader {
  readText(file: string): string;
  /** The `.json` files of a folder, sorted, as paths; none when the folder cannot be read. */
  listJson(dir: string): string[];
  join(dir: string, name: string): string;
}

export class FrameworkRegistry {
  /** The frameworks compiled so far; `framework(id)` compiles a known one on first use. */
  readonly frameworks = new Map<string, CompiledFramework>();
  /**
   * Built-in frameworks not compiled yet, by id (the file name): compiled only when a design asks
   * for one, since a compiled framework holds its cue tables in memory for the server's life.
   */
  private readonly lazy = new Map<string, LazyFramework>();
  private readonly sources = new Map<string, { file: string; builtIn: boolean }>();
  private readonly aliasTables = new Map<string, Map<string, string>>();

  /** How data files are read; a registry without a reader (the browser's) takes parsed data only. */
  constructor(private readonly reader?: DataFileReader) {}
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
    const pending = this.lazy.get(key);
    if (pending === undefined) return undefined;
    this.lazy.delete(key);
    const { file } = pending;
    let loaded: CompiledFramework | undefined;
    try {
      loaded = this.loadFrameworkData(this.rawOf(pending), file, true);
    } catch (error) {
      this.errors.push(asDataFileError(error, file));
      return undefined;
    }
    if (loaded.id !== key) {
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
      const where = this.sources.get(id) ?? { file: '', builtIn: true };
      const compiled = this.frameworks.get(id);
      let title = compiled?.title ?? id;
      if (!compiled) {
        try {
          const pending = this.lazy.get(id);
          const raw = (pending ? this.rawOf(pending) : undefined) as { title?: unknown } | null;
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
      const pending = this.lazy.get(id);
      if (pending === undefined) return undefined;
      try {
        data = this.rawOf(pending) as FrameworkData;
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
        ...(this.sources.get(`problem:${c.id}`) ?? { file: '', builtIn: true }),
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
      return this.loadFrameworkData(readJson(this.reader, file), file, builtIn);
    } catch (error) {
      this.errors.push(asDataFileError(error, file));
      return undefined;
    }
  }

  /** Validates and adds a framework's parsed JSON; throws a DataFileError when it is not valid. */
  loadFrameworkData(raw: unknown, file: string, builtIn = false): CompiledFramework {
    const compiled = this.addFramework(validateFramework(raw, file));
    this.lazy.delete(compiled.id);
    this.sources.set(compiled.id, { file, builtIn });
    return compiled;
  }

  /**
   * Adds a built-in framework, named by its file: the default is compiled now, any other when a
   * design first asks for it (a compiled framework holds its cue tables for the server's life, and
   * most designs use the default). `raw` is its parsed JSON when handed in (the web worker's data);
   * without it the file is read. A bad default is recorded in `errors`.
   */
  addBuiltInFramework(file: string, raw?: unknown): void {
    const id = baseName(file);
    if (id === DEFAULT_FRAMEWORK_ID) {
      try {
        this.loadFrameworkData(this.rawOf({ file, raw }), file, true);
      } catch (error) {
        this.errors.push(asDataFileError(error, file));
      }
    } else if (!this.frameworks.has(id)) {
      this.lazy.set(id, { file, raw });
      this.sources.set(id, { file, builtIn: true });
    }
  }

  loadCaseStudyFile(file: string, builtIn = false): CompiledCaseStudy | undefined {
    try {
      return this.loadCaseStudyData(readJson(this.reader, file), file, builtIn);
    } catch (error) {
      this.errors.push(asDataFileError(error, file));
      return undefined;
    }
  }

  /** Validates and adds a case study's parsed JSON (after its framework); throws when not valid. */
  loadCaseStudyData(raw: unknown, file: string, builtIn = false): CompiledCaseStudy | undefined {
    const framework = this.framework(
      (raw as { framework?: string } | null)?.framework ?? DEFAULT_FRAMEWORK_ID,
    );
    const stepIds = framework ? new Set(framework.steps.map((s) => s.id)) : undefined;
    const stepTopics = framework
      ? new Map(framework.steps.map((s) => [s.id, new Set(s.topics.map((t) => t.id))]))
      : undefined;
    const compiled = this.addCaseStudy(validateCaseStudy(raw, file, stepIds, stepTopics), file);
    if (compiled) this.sources.set(`problem:${compiled.id}`, { file, builtIn });
    return compiled;
  }

  /** Loads the built-in data in `dir`: its frameworks and every case study in `dir/problems`. */
  loadDirectory(dir: string): void {
    const reader = this.reader;
    if (!reader) return;
    for (const file of reader.listJson(dir)) this.addBuiltInFramework(file);
    for (const file of reader.listJson(reader.join(dir, 'problems')))
      this.loadCaseStudyFile(file, true);
  }

  /** A pending framework's parsed JSON: handed in, or read from its file now (throws when bad). */
  private rawOf(pending: LazyFramework): unknown {
    return pending.raw !== undefined ? pending.raw : readJson(this.reader, pending.file);
  }
}

/** A built-in framework known by id but not compiled yet: its file, and its JSON when handed in. */
interface LazyFramework {
  file: string;
  raw?: unknown;
}

/** A data file's name without folder or `.json`: the id a built-in framework must have. */
function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
}

function readJson(files: DataFileReader | undefined, file: string): unknown {
  if (!files) throw new DataFileError(file, '', 'cannot be read (no file system here)');
  let text: string;
  try {
    text = files.readText(file);
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

let builtInLoader: (() => FrameworkRegistry) | undefined;
let builtIn: FrameworkRegistry | undefined;

/**
 * Says where the built-in frameworks and case studies come from: the data files beside the bundle
 * in Node (server/src/dataFiles.ts), the data bundled into the web worker (server/src/bundledData.ts).
 */
export function setBuiltInRegistry(load: () => FrameworkRegistry): void {
  builtInLoader = load;
  builtIn = undefined;
}

/** The registry of built-in frameworks and case studies, loaded once. */
export function builtInRegistry(): FrameworkRegistry {
  if (!builtIn) {
    if (!builtInLoader) throw new Error('no built-in framework data: call setBuiltInRegistry');
    builtIn = builtInLoader();
  }
  return builtIn;
}
