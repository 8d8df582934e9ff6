// The built-in framework and case studies in the web worker, which has no file system: the web
// client reads dist/data.json (written by esbuild.mjs from framework/data, as dist/data is for
// Node) and starts the worker with it as `self.MLSD_BUILT_IN_DATA`, ahead of the server's code.
import { FrameworkRegistry } from './framework/registry';
import { DataFileError } from './framework/validate';

/** The data the client put ahead of the server's code in the worker. */
export function handedInData(): BuiltInData | undefined {
  return (globalThis as { MLSD_BUILT_IN_DATA?: BuiltInData }).MLSD_BUILT_IN_DATA;
}

/** dist/data.json: the frameworks and the case studies, each as [file name, parsed JSON]. */
export interface BuiltInData {
  frameworks: Array<[string, unknown]>;
  problems: Array<[string, unknown]>;
}

/** A registry of the data; what does not validate (or is missing) is recorded in `errors`. */
export function registryOf(data: BuiltInData | undefined): FrameworkRegistry {
  const registry = new FrameworkRegistry();
  if (!data || !Array.isArray(data.frameworks) || !Array.isArray(data.problems)) {
    registry.errors.push(new DataFileError('data.json', '', 'was not handed to the worker'));
    return registry;
  }
  for (const [file, raw] of data.frameworks) registry.addBuiltInFramework(file, raw);
  for (const [file, raw] of data.problems)
    load(registry, file, () => registry.loadCaseStudyData(raw, file, true));
  return registry;
}

function load(registry: FrameworkRegistry, file: string, run: () => unknown): void {
  try {
    run();
  } catch (error) {
    registry.errors.push(
      error instanceof DataFileError ? error : new DataFileError(file, '', String(error)),
    );
  }
}
