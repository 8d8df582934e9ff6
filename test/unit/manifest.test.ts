// The extension manifest (package.json) against the code and the files it names: commands,
// settings, the rule-severity schema, snippets, grammar, schemas and what goes into the .vsix.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { Commands } from '../../common/src/commands';
import { codeLenses } from '../../server/src/features/codeLens';
import { allRules } from '../../server/src/rules';
import { builtInRegistry } from '../../server/src/framework/registry';
import { analyse } from '../helpers/analyse';
import { DESIGN } from './features/fixture';

const root = path.join(__dirname, '..', '..');

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  scope?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, JsonSchema>;
  propertyNames?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
}

interface Manifest {
  main: string;
  browser?: string;
  activationEvents?: string[];
  capabilities?: Record<
    string,
    { supported: boolean | string; description?: string; restrictedConfigurations?: string[] }
  >;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus?: Record<string, { command: string; when?: string }[]>;
    configuration: { title: string; properties: Record<string, JsonSchema> };
    snippets: { language: string; path: string }[];
    grammars: { scopeName: string; path: string; injectTo?: string[] }[];
    jsonValidation?: { fileMatch: string | string[]; url: string }[];
    'markdown.markdownItPlugins'?: boolean;
    'markdown.previewStyles'?: string[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const contributes = manifest.contributes;
const settings = contributes.configuration.properties;

/** The .ts files under a folder. */
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

/** A minimal check of a value against the parts of JSON Schema the settings use. */
function accepts(schema: JsonSchema, value: unknown): boolean {
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (schema.type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    for (const [key, item] of Object.entries(value)) {
      if (schema.propertyNames && !accepts(schema.propertyNames, key)) return false;
      const own = schema.properties?.[key];
      if (own) {
        if (!accepts(own, item)) return false;
      } else if (schema.additionalProperties === false) {
        return false;
      } else if (
        typeof schema.additionalProperties === 'object' &&
        !accepts(schema.additionalProperties, item)
      ) {
        return false;
      }
    }
  }
  if (schema.type === 'string' && typeof value !== 'string') return false;
  return true;
}

describe('extension manifest', () => {
  it('gives every command the "MLSD" category and a title', () => {
    assert.ok(contributes.commands.length >= 5);
    for (const command of contributes.commands) {
      assert.equal(command.category, 'MLSD', command.command);
      assert.ok(command.title.trim().length > 0, command.command);
      assert.match(command.command, /^mlsd\.[a-zA-Z]+$/);
    }
  });

  it('contributes exactly the command ids of common/src/commands.ts', () => {
    // The client registers one handler per id (client/src/commands.ts; the compiler checks it).
    const contributed = contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(Commands).sort());
    assert.deepEqual(Object.values(Commands).sort(), [
      'mlsd.advancePracticeClock',
      'mlsd.askFollowUp',
      'mlsd.insertMissingSteps',
      'mlsd.newDesign',
      'mlsd.openRuleDocumentation',
      'mlsd.pausePractice',
      'mlsd.practiceMenu',
      'mlsd.restartServer',
      'mlsd.resumePractice',
      'mlsd.revealPosition',
      'mlsd.showCoverage',
      'mlsd.startPractice',
      'mlsd.stopPractice',
    ]);
    // Elsewhere the code names a command by its constant, never by a string of its own.
    for (const dir of ['client/src', 'server/src']) {
      for (const file of sourceFiles(path.join(root, dir))) {
        const source = fs.readFileSync(file, 'utf8');
        for (const id of Object.values(Commands)) {
          assert.ok(!source.includes(`'${id}'`), `${path.relative(root, file)} spells ${id}`);
        }
      }
    }
  });

  it('puts only contributed commands in code lenses', () => {
    const contributed = new Set(contributes.commands.map((c) => c.command));
    const lensCommands = new Set(codeLenses(analyse(DESIGN)).map((lens) => lens.command?.command));
    assert.deepEqual(
      [...lensCommands].sort(),
      [Commands.insertMissingSteps, Commands.showCoverage].sort(),
    );
    for (const command of lensCommands) assert.ok(contributed.has(command ?? ''), command);
  });

  it('shows design-only commands in the palette only for a design, and menus name real commands', () => {
    const contributed = new Set(contributes.commands.map((c) => c.command));
    for (const [menu, entries] of Object.entries(contributes.menus ?? {})) {
      for (const entry of entries)
        assert.ok(contributed.has(entry.command), `${menu}: ${entry.command}`);
    }
    const palette = new Map(
      (contributes.menus?.commandPalette ?? []).map((e) => [e.command, e.when]),
    );
    for (const id of ['mlsd.insertMissingSteps', 'mlsd.showCoverage']) {
      assert.match(palette.get(id) ?? '', /mlsd\.isDesign|resourceFilename/, id);
    }
  });

  it('describes every setting, with the documented defaults and scopes', () => {
    const expected: Record<string, { default: unknown; scope: string }> = {
      'mlsd.enable': { default: true, scope: 'resource' },
      'mlsd.framework': { default: 'aminian-7', scope: 'resource' },
      'mlsd.files': { default: [], scope: 'resource' },
      'mlsd.checkWorkspace': { default: true, scope: 'window' },
      'mlsd.run': { default: 'onType', scope: 'resource' },
      'mlsd.debounceMs': { default: 200, scope: 'resource' },
      'mlsd.rules': { default: {}, scope: 'resource' },
      'mlsd.trace.server': { default: 'off', scope: 'window' },
      'mlsd.practice.minutes': { default: 45, scope: 'window' },
      'mlsd.practice.stepNotices': { default: true, scope: 'window' },
    };
    assert.equal(contributes.configuration.title, 'MLSD');
    assert.deepEqual(Object.keys(settings).sort(), Object.keys(expected).sort());
    for (const [key, schema] of Object.entries(settings)) {
      assert.ok(
        (schema.markdownDescription ?? schema.description ?? '').trim().length > 10,
        `${key} is described`,
      );
      assert.deepEqual(schema.default, expected[key].default, `${key} default`);
      assert.equal(schema.scope, expected[key].scope, `${key} scope`);
    }
    assert.deepEqual(settings['mlsd.run'].enum, ['onType', 'onSave']);
    // Every shipped framework can be chosen, and nothing else is offered.
    assert.deepEqual(
      [...(settings['mlsd.framework'].enum as string[])].sort(),
      builtInRegistry().frameworkIds(),
    );
    assert.deepEqual(settings['mlsd.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.equal(settings['mlsd.debounceMs'].minimum, 0);
    assert.equal(settings['mlsd.debounceMs'].maximum, 5000);
    assert.equal(settings['mlsd.files'].items?.type, 'string');
  });

  it('lets mlsd.rules name every rule by id or name, and nothing else', () => {
    const schema = settings['mlsd.rules'];
    assert.equal(allRules.filter((r) => Number(r.meta.id.slice(4)) < 100).length, 9);
    assert.ok(allRules.filter((r) => Number(r.meta.id.slice(4)) >= 100).length >= 12);
    for (const rule of allRules) {
      for (const key of [rule.meta.id, rule.meta.name]) {
        for (const level of ['error', 'warning', 'info', 'hint', 'off']) {
          assert.ok(accepts(schema, { [key]: level }), `${key}: ${level}`);
        }
        assert.ok(!accepts(schema, { [key]: 'loud' }), `${key}: a bad level is rejected`);
        assert.ok(schema.properties?.[key]?.markdownDescription, `${key} is described`);
      }
    }
    assert.ok(!accepts(schema, { MLSD999: 'off' }), 'an unknown rule is rejected');
    assert.ok(!accepts(schema, { 'no-such-rule': 'off' }), 'an unknown name is rejected');
    assert.equal(Object.keys(schema.properties ?? {}).length, allRules.length * 2);
  });

  it('names snippet, grammar and schema files that exist', () => {
    for (const snippet of contributes.snippets) {
      assert.equal(snippet.language, 'markdown');
      assert.ok(fs.existsSync(path.join(root, snippet.path)), snippet.path);
    }
    assert.equal(contributes.grammars.length, 1);
    const [grammar] = contributes.grammars;
    assert.ok(fs.existsSync(path.join(root, grammar.path)), grammar.path);
    assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
    const raw = JSON.parse(fs.readFileSync(path.join(root, grammar.path), 'utf8')) as {
      scopeName: string;
    };
    assert.equal(raw.scopeName, grammar.scopeName);
    for (const validation of contributes.jsonValidation ?? []) {
      assert.ok(fs.existsSync(path.join(root, validation.url)), validation.url);
    }
  });

  // Issue 18, point 9: the Markdown preview showed nothing of mlsd.
  it('extends the Markdown preview: a markdown-it plugin from activate, and its stylesheet', () => {
    assert.equal(contributes['markdown.markdownItPlugins'], true);
    const styles = contributes['markdown.previewStyles'] ?? [];
    assert.deepEqual(styles, ['./media/preview.css']);
    for (const style of styles) {
      assert.match(fs.readFileSync(path.join(root, style), 'utf8'), /\.mlsd-badge\b/);
    }
    const extension = fs.readFileSync(path.join(root, 'client', 'src', 'activate.ts'), 'utf8');
    assert.match(extension, /return \{ extendMarkdownIt: /);
  });

  // Issue 17: the web build (vscode.dev, github.dev).
  it('has a browser entry: the web client, which starts the web worker server', () => {
    assert.equal(manifest.browser, './dist/browserExtension.js');
    const web = fs.readFileSync(path.join(root, 'client', 'src', 'browserExtension.ts'), 'utf8');
    assert.match(web, /'browserServer\.js'/);
    assert.match(web, /'data\.json'/);
    const build = fs.readFileSync(path.join(root, 'esbuild.mjs'), 'utf8');
    for (const file of ['dist/browserExtension.js', 'dist/browserServer.js', 'dist/data.json'])
      assert.ok(build.includes(`'${file}'`), file);
  });

  it('contributes the Designs view to the Explorer, under the id the client registers', () => {
    const views = (
      contributes as unknown as { views: Record<string, { id: string; name: string }[]> }
    ).views;
    assert.deepEqual(
      views.explorer.map((view) => [view.id, view.name]),
      [['mlsd.designs', 'Designs']],
    );
    const client = fs.readFileSync(path.join(root, 'client', 'src', 'designsView.ts'), 'utf8');
    assert.match(client, /DESIGNS_VIEW_ID = 'mlsd\.designs'/);
  });

  it('activates on design files, also outside a workspace', () => {
    assert.deepEqual(manifest.activationEvents, [
      'workspaceContains:**/*.mlsd.md',
      'onLanguage:markdown',
    ]);
    assert.equal(manifest.main, './dist/extension.js');
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.ok(untrusted?.description, 'says what works in Restricted Mode');
    // Every restricted setting exists, and is one a workspace could use against the user.
    assert.deepEqual(untrusted?.restrictedConfigurations, ['mlsd.files']);
    for (const setting of untrusted?.restrictedConfigurations ?? []) {
      assert.ok(manifest.contributes.configuration.properties[setting], setting);
    }
    assert.ok(
      manifest.capabilities?.virtualWorkspaces?.description,
      'says what works in virtual workspaces',
    );
  });

  it('packages the bundles and shipped data, never sources, tests or source maps', async () => {
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/);
    assert.equal(
      ignore.find((l) => l.trim() && !l.startsWith('#')),
      '**',
      'deny by default',
    );
    // What `vsce ls --no-dependencies` lists: exactly what `npm run package` puts in the .vsix.
    const files = (await listFiles({ cwd: root, packageManager: PackageManager.None })).map((f) =>
      f.split(path.sep).join('/'),
    );
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'docs/rules/MLSD001.md',
    ]) {
      assert.ok(files.includes(file), `${file} is packaged`);
    }
    for (const item of [...contributes.snippets, ...contributes.grammars]) {
      assert.ok(files.includes(item.path.replace(/^\.\//, '')), `${item.path} is packaged`);
    }
    for (const style of contributes['markdown.previewStyles'] ?? []) {
      assert.ok(files.includes(style.replace(/^\.\//, '')), `${style} is packaged`);
    }
    for (const bundle of ['dist/extension.js', 'dist/server.js']) {
      if (fs.existsSync(path.join(root, bundle)))
        assert.ok(files.includes(bundle), `${bundle} is packaged`);
    }
    const unwanted = files.filter((f) =>
      /^(client|common|server|test|scripts|node_modules|examples|bin)\/|\.map$|\.ts$|^dist\/cli\.js$/.test(
        f,
      ),
    );
    assert.deepEqual(unwanted, []);
  });
});
