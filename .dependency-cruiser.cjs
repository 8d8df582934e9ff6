// The import rules of the code base (docs/architecture.md draws them). Checked by `npm run lint`
// and by test/unit/architecture.test.ts. Layers, lowest first:
//   core -> framework -> model -> parse -> fixes -> rules -> analysis (the engine)
//   -> features -> report -> server.ts / cli/ ; common/ is shared by the server and the client.
/** @type {import('dependency-cruiser').IConfiguration} */
const SERVER = '^server/src/';
const layer = (name) => `${SERVER}${name}(/|\\.ts$)`;

/** A layer may import only the layers listed (and itself, and node/npm modules). */
function onlyBelow(name, allowed) {
  return {
    name: `${name.replace(/\W/g, '-')}-imports-only-below`,
    comment: `${name} may import only ${allowed.join(', ') || 'itself'}.`,
    severity: 'error',
    from: { path: layer(name) },
    to: {
      path: SERVER,
      pathNot: [layer(name), ...allowed.map(layer)],
    },
  };
}

// What runs in the browser (package.json `browser`): the engine, the features, the server's wiring
// and its web worker entry, the client but for its Node entry (extension.ts), and common/.
const WEB =
  '^(server/src/(core|framework|model|parse|fixes|rules|analysis|features)/' +
  '|server/src/(server|environment|workerData|browserMain|designFiles|glob|settings|uri|requestType|openAnalyses)\\.ts$' +
  '|client/src/(?!extension\\.ts$)|common/)';

module.exports = {
  forbidden: [
    {
      name: 'web-has-no-node-builtins',
      comment:
        'The web build runs in a web worker and a web extension host: no fs, path, process... ' +
        'What needs them lives in the Node entries (server/src/main.ts, dataFiles.ts, ' +
        'ruleDocsFiles.ts, cli/, client/src/extension.ts) or is injected (environment.ts).',
      severity: 'error',
      from: { path: WEB },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-has-no-node-transport',
      comment: 'The web build talks to its server over postMessage, not a Node process or stream.',
      severity: 'error',
      from: { path: WEB },
      to: { path: 'vscode-language(server|client)/(lib/)?node' },
    },
    {
      name: 'no-circular',
      comment: 'An import circle makes two modules one: break it by moving what both need lower.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'client-not-to-server',
      comment: 'The client talks to the server only through the typed contract in common/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'common-is-shared-leaf',
      comment: 'common/ is imported by both sides and imports neither.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: '^(server|client)/' },
    },
    onlyBelow('core', []),
    onlyBelow('framework', ['core']),
    onlyBelow('model', ['core', 'framework']),
    onlyBelow('parse', ['core', 'framework', 'model']),
    onlyBelow('fixes', ['core', 'framework', 'model', 'parse']),
    onlyBelow('rules', ['core', 'framework', 'model', 'parse', 'fixes']),
    {
      name: 'a-rule-imports-no-other-rule',
      comment: 'Rules share code through lower layers, never by importing each other.',
      severity: 'error',
      from: { path: '^server/src/rules/', pathNot: '^server/src/rules/(checks/)?index\\.ts$' },
      to: { path: '^server/src/rules/', pathNot: '^server/src/rules/(types\\.ts$|shared/)' },
    },
    onlyBelow('analysis', ['core', 'framework', 'model', 'parse', 'fixes', 'rules']),
    onlyBelow('report', [
      'core',
      'framework',
      'model',
      'parse',
      'fixes',
      'rules',
      'analysis',
      'features',
    ]),
    {
      name: 'features-below-report',
      comment: 'The practice report is built from features (follow-ups), never the other way.',
      severity: 'error',
      from: { path: '^server/src/features/' },
      to: { path: '^server/src/report/' },
    },
    {
      name: 'features-below-server',
      comment: 'Editor features are pure functions of an analysis; the server wires them.',
      severity: 'error',
      from: { path: '^server/src/features/' },
      to: { path: '^server/src/(cli/|server\\.ts$|main\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/' },
  },
};
