// The framework and case-study data files on disk, for the Node builds (language server, CLI,
// scripts): the built-in ones ship beside the bundle (dist/data) or the source (framework/data).
// Importing this module makes them the built-in registry. The web build bundles them instead
// (bundledData.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_FRAMEWORK_ID,
  FrameworkRegistry,
  setBuiltInRegistry,
  type DataFileReader,
} from './framework/registry';

export const nodeDataFiles: DataFileReader = {
  readText: (file) => fs.readFileSync(file, 'utf8'),
  listJson: (dir) => {
    try {
      return fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => path.join(dir, name));
    } catch {
      return [];
    }
  },
  join: (dir, name) => path.join(dir, name),
};

/** Where the built-in data lives: beside the bundle (dist/data) or the source (framework/data). */
export function builtInDataDir(): string {
  const candidates = [path.join(__dirname, 'data'), path.join(__dirname, 'framework', 'data')];
  return (
    candidates.find((dir) => fs.existsSync(path.join(dir, `${DEFAULT_FRAMEWORK_ID}.json`))) ??
    candidates[0]
  );
}

/** A registry of the built-in data files, read from disk. */
export function diskRegistry(): FrameworkRegistry {
  const registry = new FrameworkRegistry(nodeDataFiles);
  registry.loadDirectory(builtInDataDir());
  return registry;
}

setBuiltInRegistry(diskRegistry);
