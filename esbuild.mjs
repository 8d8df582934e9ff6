// Bundles the client, the server and the CLI into dist/ (CommonJS, Node 20), and the web client and
// the web worker server (package.json `browser`); prints each bundle's size.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !process.env.MLSD_NO_MINIFY,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // Non-ASCII text as \u escapes (esbuild's default; asciiOnly below does the regular expressions):
  // V8 holds a script with a single non-ASCII character as a two-byte string, twice its size, for
  // the life of the process (1.1 MB for the server's); the escapes cost about 2 KB of bundle.
  charset: 'ascii',
  define: { 'process.env.MLSD_VERSION': JSON.stringify(pkg.version) },
};

const SERVER_ALIASES = {
  // yaml's ES module build, so that the parts of it mlsd does not use are left out.
  yaml: './node_modules/yaml/browser/index.js',
  // HTML 4's named character references, not all 2,231 of HTML's (server/shims says why).
  'character-entities': './server/shims/characterEntities.ts',
};

// vscode-languageclient's features that act only for a server announcing them, and mlsd's announces
// none of them (client/shims/unannouncedFeatures.ts says why this is safe): notebook sync, pull
// diagnostics, file operations and the language features mlsd does not provide.
const UNANNOUNCED_MODULES =
  /^\.\/(notebook|diagnostic|fileOperations|signatureHelp|definition|reference|documentHighlight|workspaceSymbol|formatting|rename|documentLink|executeCommand|typeDefinition|implementation|colorProvider|declaration|selectionRange|callHierarchy|semanticTokens|linkedEditingRange|typeHierarchy|inlineValue|inlayHint|inlineCompletion|textDocumentContent)$/;
const unannouncedClientFeatures = {
  name: 'unannounced-client-features',
  setup(build) {
    build.onResolve({ filter: UNANNOUNCED_MODULES }, (args) =>
      /vscode-languageclient[\\/]lib[\\/]common$/.test(args.resolveDir)
        ? { path: new URL('./client/shims/unannouncedFeatures.ts', import.meta.url).pathname }
        : undefined,
    );
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    // vscode-languageclient uses two semver functions for its VS Code version check.
    alias: {
      'semver/functions/parse': './client/shims/semverParse.ts',
      'semver/functions/satisfies': './client/shims/semverSatisfies.ts',
      // Only for file-operation filters, which mlsd's server never registers.
      minimatch: './client/shims/minimatch.ts',
    },
    plugins: [unannouncedClientFeatures],
  },
  // One bundle for the language server and the CLI's checker (server/src/main.ts).
  {
    ...common,
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    alias: SERVER_ALIASES,
  },
  // The web build: the client for the web extension host (CommonJS, like the desktop one) and the
  // language server for a web worker, with the framework data bundled (no file system there).
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    entryPoints: ['client/src/browserExtension.ts'],
    outfile: 'dist/browserExtension.js',
    external: ['vscode'],
    alias: {
      'semver/functions/parse': './client/shims/semverParse.ts',
      'semver/functions/satisfies': './client/shims/semverSatisfies.ts',
      minimatch: './client/shims/minimatch.ts',
    },
    plugins: [unannouncedClientFeatures],
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['server/src/browserMain.ts'],
    outfile: 'dist/browserServer.js',
    // A worker has no DOM: packages' `worker` builds, not their `browser` ones (which may use it).
    conditions: ['worker'],
    alias: SERVER_ALIASES,
  },
];

// The CLI is a small launcher of the server bundle's checker: the two share one copy of the code.
const CLI = `#!/usr/bin/env node
'use strict';
// mlsd check: the checker lives in server.js (built from server/src/main.ts by esbuild.mjs).
require('./server.js').cli();
`;

// The framework and case-study data ship as files beside the bundles, so a user can read them and
// adding a case study needs no code.
fs.rmSync('dist/data', { recursive: true, force: true });
fs.mkdirSync('dist', { recursive: true });
fs.cpSync('server/src/framework/data', 'dist/data', { recursive: true });
// The same data as one file for the web worker, which cannot list a folder (server/src/workerData.ts).
const jsonIn = (dir) =>
  fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, JSON.parse(fs.readFileSync(`${dir}/${name}`, 'utf8'))]);
fs.writeFileSync(
  'dist/data.json',
  JSON.stringify({
    frameworks: jsonIn('server/src/framework/data'),
    problems: jsonIn('server/src/framework/data/problems'),
  }),
);
fs.writeFileSync('dist/cli.js', CLI);
fs.rmSync('dist/cli.js.map', { force: true });

// esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals;
// a \u escape means the same character there too (and in strings and identifiers), so every one
// left is escaped. Keeps the bundle ASCII, so one-byte in V8 (see `charset`).
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  const ascii = text.replace(
    /[^\0-\x7f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (ascii !== text) fs.writeFileSync(file, ascii);
}

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  const built = builds.filter((options) => fs.existsSync(options.entryPoints[0]));
  await Promise.all(built.map((options) => esbuild.build(options)));
  for (const options of built) asciiOnly(options.outfile);
  // The budget (docs/benchmarks.md): each platform's client and server together under 1 MB.
  const size = (file) => fs.statSync(`dist/${file}`).size;
  const line = (name, files) => {
    const bytes = files.map(size);
    const total = bytes.reduce((a, b) => a + b, 0);
    const parts = files.map((file, i) => `${file} ${bytes[i].toLocaleString('en')}`).join(' + ');
    console.log(`${name}: ${parts} = ${total.toLocaleString('en')} bytes`);
  };
  line('desktop', ['extension.js', 'server.js']);
  line('web', ['browserExtension.js', 'browserServer.js']);
  line('data', ['data.json']);
}
