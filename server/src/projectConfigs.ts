// The language server's `.mlsd.json` lookup: the nearest config of each design within its
// workspace folder, read through an injected reader (node's file system for dist/server.js; a
// browser build may pass one that asks the client, or none), cached until a config changes
// (workspace/didChangeWatchedFiles). Its own frameworks and case studies join the registry.
import {
  findProjectConfig,
  parseProjectConfig,
  type ProjectConfig,
} from './analysis/projectConfig';
import type { FrameworkRegistry } from './framework/registry';

/** Reads a file's text; undefined when it does not exist or cannot be read. */
export interface ConfigReader {
  read(file: string): string | undefined;
}

export interface DesignConfig {
  config?: ProjectConfig;
  /** What is wrong with the config, each naming the file and field. */
  problems: string[];
}

const NONE: DesignConfig = { problems: [] };

export class ProjectConfigs {
  private readonly byFolder = new Map<string, DesignConfig>();
  private readonly byFile = new Map<string, DesignConfig>();

  constructor(
    private readonly reader: ConfigReader | undefined,
    private readonly registry: FrameworkRegistry,
  ) {}

  /** The config of the design at `file` (a path), looked for up to its workspace folder. */
  forDesign(file: string, workspaceFolders: readonly string[]): DesignConfig {
    if (!this.reader) return NONE;
    const folder = parentFolder(file);
    const known = this.byFolder.get(folder);
    if (known) return known;
    const root = workspaceFolders
      .filter(
        (root) =>
          folder === root || folder.startsWith(`${root}/`) || folder.startsWith(`${root}\\`),
      )
      .sort((a, b) => b.length - a.length)[0];
    // Outside every workspace folder only the design's own folder is looked at.
    const found = findProjectConfig(folder, root ?? folder, (f) => this.reader!.read(f));
    const result = found ? this.load(found.file, found.text) : NONE;
    this.byFolder.set(folder, result);
    return result;
  }

  /** Forgets every config read (one changed, appeared or went away). */
  clear(): void {
    this.byFolder.clear();
    this.byFile.clear();
  }

  private load(file: string, text: string): DesignConfig {
    const known = this.byFile.get(file);
    if (known) return known;
    const { config, problems } = parseProjectConfig(text, file);
    const before = this.registry.errors.length;
    for (const item of config.frameworks) this.registry.loadFrameworkFile(item);
    for (const item of config.problems) this.registry.loadCaseStudyFile(item);
    for (const error of this.registry.errors.splice(before))
      problems.push(`${file}: ${error.message}`);
    if (config.framework !== undefined && !this.registry.hasFramework(config.framework)) {
      problems.push(
        `${file}: framework: unknown framework "${config.framework}" (known: ${this.registry.frameworkIds().join(', ')}); the setting's framework is used.`,
      );
      config.framework = undefined;
    }
    const result = { config, problems };
    this.byFile.set(file, result);
    return result;
  }
}

function parentFolder(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut <= 0 ? file.slice(0, 1) || '/' : file.slice(0, cut);
}
