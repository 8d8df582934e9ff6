// Holds the frameworks and case studies, loaded from their data: the built-in ones (data/*.json,
// data/problems/*.json) and any extra file a user names. Reading files goes through a DataFileReader
// (server/src/dataFiles.ts in Node): the engine itself has no file system, so it runs in a browser.
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

/** How a registry reads data files; a registry without one (in the browser) loads data only. */
export interface DataFileReader {
  readText(file: string): string;
  /** The `.json` files of a folder, sorted, as paths; none when the folder cannot be read. */
  listJson(dir: string): string[];
  join(dir: string, name: string): string;
}

export class FrameworkRegistry {
  readonly frameworks = new Map<string, CompiledFramework>();
  readonly caseStudies = new Map<string, CompiledCaseStudy>();
  /** Data files that could not be loaded; the rest still work. */
  readonly errors: DataFileError[] = [];

  constructor(private readonly files?: DataFileReader) {}

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
      return this.loadFrameworkData(readJson(this.files, file), file);
    } catch (error) {
      this.errors.push(asDataFileError(error, file));
      return undefined;
    }
  }

  /** Validates and adds a framework's parsed JSON; throws a DataFileError when it is not valid. */
  loadFrameworkData(raw: unknown, file: string): CompiledFramework {
    return this.addFramework(validateFramework(raw, file));
  }

  loadCaseStudyFile(file: string): CompiledCaseStudy | undefined {
    try {
      return this.loadCaseStudyData(readJson(this.files, file), file);
    } catch (error) {
      this.errors.push(asDataFileError(error, file));
      return undefined;
    }
  }

  /** Validates and adds a case study's parsed JSON (after its framework). */
  loadCaseStudyData(raw: unknown, file: string): CompiledCaseStudy | undefined {
    const framework = this.frameworks.get(
      (raw as { framework?: string } | null)?.framework ?? DEFAULT_FRAMEWORK_ID,
    );
    const stepIds = framework ? new Set(framework.steps.map((s) => s.id)) : undefined;
    const stepTopics = framework
      ? new Map(framework.steps.map((s) => [s.id, new Set(s.topics.map((t) => t.id))]))
      : undefined;
    return this.addCaseStudy(validateCaseStudy(raw, file, stepIds, stepTopics), file);
  }

  /** Loads every framework in `dir` and every case study in `dir/problems`. */
  loadDirectory(dir: string): void {
    const files = this.files;
    if (!files) return;
    for (const file of files.listJson(dir)) this.loadFrameworkFile(file);
    for (const file of files.listJson(files.join(dir, 'problems'))) this.loadCaseStudyFile(file);
  }
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
