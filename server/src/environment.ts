// What the language server gets from where it runs: set by its entry point (main.ts in Node,
// browserMain.ts in a web worker) before server.ts is loaded, so that server.ts stays one wiring of
// the features for both.
import type { Connection } from 'vscode-languageserver';
import type { ConfigReader } from './projectConfigs';
import type { DesignSource } from './workspace/designSource';

export interface ServerEnvironment {
  connection: Connection;
  /** The version the server reports (esbuild writes it into the bundles). */
  version: string;
  /** Gives memory back when the server is idle (Node only: it needs V8's gc extension). */
  collectWhenIdle(): void;
  /** Collects the young generation after an edit's diagnostics, when it is filling (Node only). */
  collectBetweenEdits(): void;
  /** Reads `.mlsd.json` files (Node's file system); none in the browser, where no config is read. */
  configReader?: ConfigReader;
  /** Lists and reads the workspace's designs on disk; none in the browser (open designs only). */
  designSource?: DesignSource;
}

let current: ServerEnvironment | undefined;

export function setServerEnvironment(environment: ServerEnvironment): void {
  current = environment;
}

export function serverEnvironment(): ServerEnvironment {
  if (!current) throw new Error('the server was loaded before its entry point set its environment');
  return current;
}
