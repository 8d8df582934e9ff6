// Workspace-wide checking over stdio: the server lists the workspace's designs at start, checks
// each one (closed ones too) with progress, keeps them current from the file watcher's events,
// lets an open document's text win over the disk, and stops when mlsd.checkWorkspace is false.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { DesignsResult } from '../../common/src/protocol';
import { LspTestClient, SERVER } from './lspClient';

const MISSING_THREE = [
  '---',
  'problem: news-feed',
  '---',
  '# Feed ranking',
  '',
  '## 1. Clarifying requirements',
  '',
  'The business objective is to increase user engagement (time spent, retention).',
  '',
  '## 2. Framing the problem as an ML task',
  '',
  'ML objective: maximize a weighted engagement score; pointwise learning to rank.',
  '',
  '## 4. Model development',
  '',
  'A multi-task DNN with one head per reaction; baseline logistic regression.',
  '',
].join('\n');

const missingSteps = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.code === 'MLSD001').length;

interface Progress {
  kind: string;
  message?: string;
  cancellable?: boolean;
}

async function startIn(
  folder: string,
  settings: Record<string, unknown> = {},
): Promise<{ client: LspTestClient; progress: Progress[]; registrations: unknown[] }> {
  const progress: Progress[] = [];
  const registrations: unknown[] = [];
  const client = await LspTestClient.launch({ settings: { debounceMs: 0, ...settings } });
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  client.connection.onNotification('$/progress', (params: { value: Progress }) => {
    progress.push(params.value);
  });
  client.connection.onRequest(
    'client/registerCapability',
    (params: { registrations: unknown[] }) => {
      registrations.push(...params.registrations);
      return null;
    },
  );
  const root = pathToFileURL(folder).toString();
  await client.initialize({
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'designs' }],
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
      },
      window: { workDoneProgress: true },
    },
  });
  return { client, progress, registrations };
}

async function until<T>(what: string, get: () => Promise<T> | T, ok: (v: T) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await get();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('workspace-wide checking over stdio', function () {
  this.timeout(30_000);
  let folder: string;
  let client: LspTestClient | undefined;
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  };

  before(function () {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  });
  beforeEach(() => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-workspace-')));
    write('feed.mlsd.md', MISSING_THREE);
    write('nested/deeper/second.mlsd.md', MISSING_THREE.replace('## 4. Model development', ''));
    write('node_modules/pkg/vendored.mlsd.md', MISSING_THREE);
    write('notes.md', '# Notes\n\nNot a design.\n');
    write('interviews/ads.md', MISSING_THREE);
    write('interviews/ads.report.md', '# Practice report\n');
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('checks every design at start, never opened, with progress; skips node_modules and reports', async () => {
    const started = await startIn(folder, { files: ['interviews/*.md'] });
    client = started.client;
    for (const name of ['feed.mlsd.md', 'nested/deeper/second.mlsd.md', 'interviews/ads.md']) {
      const diagnostics = await client.waitForDiagnostics(uriOf(name));
      assert.ok(missingSteps(diagnostics) >= 3, `${name} has its missing steps`);
    }
    const designs = await until(
      'the scan to end',
      () => client!.request<DesignsResult>('mlsd/designs', undefined),
      (r) => !r.scanning && r.designs.length === 3,
    );
    const feed = designs.designs.find((d) => d.uri === uriOf('feed.mlsd.md'))!;
    assert.deepEqual(feed.caseStudy, { id: 'news-feed', title: feed.caseStudy?.title });
    assert.equal(feed.stepsTotal, 7);
    assert.equal(feed.stepsPresent, 3);
    assert.ok(feed.requiredCovered < feed.requiredTotal);
    assert.equal(feed.open, false);
    const second = designs.designs.find((d) => d.uri === uriOf('nested/deeper/second.mlsd.md'))!;
    assert.equal(second.stepsPresent, 2);
    for (const skipped of [
      'node_modules/pkg/vendored.mlsd.md',
      'notes.md',
      'interviews/ads.report.md',
    ])
      assert.ok(!client.diagnostics.has(uriOf(skipped)), `${skipped} is not checked`);
    // Progress: begun (cancellable), "Checking designs n/3", ended.
    await until(
      'the progress to end',
      () => started.progress,
      (p) => p.some((v) => v.kind === 'end'),
    );
    assert.equal(started.progress[0].kind, 'begin');
    assert.equal(started.progress[0].cancellable, true);
    assert.ok(started.progress.some((v) => /^Checking designs \d+\/3$/.test(v.message ?? '')));
    // The client is asked to watch the design files.
    const watchers = JSON.stringify(started.registrations);
    assert.match(watchers, /workspace\/didChangeWatchedFiles/);
    assert.match(watchers, /\*\*\/\*\.mlsd\.md/);
    assert.match(watchers, /\*\*\/interviews\/\*\.md/);
  });

  it('follows the watcher: a created design is checked, a changed one updated, a deleted one cleared', async () => {
    ({ client } = await startIn(folder));
    await client.waitForDiagnostics(uriOf('feed.mlsd.md'));
    const created = uriOf('later.mlsd.md');
    write('later.mlsd.md', MISSING_THREE);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: created, type: 1 }],
    });
    await client.waitForDiagnostics(created, (d) => missingSteps(d) === 4);

    write(
      'later.mlsd.md',
      `${MISSING_THREE}\n## 3. Data preparation\n\nUser, post and interaction data; features from the feature store.\n`,
    );
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: created, type: 2 }],
    });
    await client.waitForDiagnostics(created, (d) => missingSteps(d) === 3);

    fs.rmSync(path.join(folder, 'later.mlsd.md'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: created, type: 3 }],
    });
    await client.waitForDiagnostics(created, (d) => d.length === 0);
    const designs = await client.request<DesignsResult>('mlsd/designs', undefined);
    assert.ok(!designs.designs.some((d) => d.uri === created));

    // A deleted folder takes its designs with it.
    const nested = uriOf('nested/deeper/second.mlsd.md');
    await client.waitForDiagnostics(nested, (d) => d.length > 0);
    fs.rmSync(path.join(folder, 'nested'), { recursive: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf('nested'), type: 3 }],
    });
    await client.waitForDiagnostics(nested, (d) => d.length === 0);
  });

  it("an open design's text wins over the disk; closing it brings the disk's findings back", async () => {
    ({ client } = await startIn(folder));
    const uri = uriOf('feed.mlsd.md');
    await client.waitForDiagnostics(uri, (d) => missingSteps(d) === 4);
    await client.open(
      uri,
      MISSING_THREE.replace(
        '## 4. Model development',
        '## 4. Model development\n\n## 5. Evaluation\n\nOffline AUC; online A/B test.\n',
      ),
    );
    await client.waitForDiagnostics(uri, (d, p) => p.version === 1 && missingSteps(d) === 3);
    // The disk changes under the open document: the open text still wins.
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri, type: 2 }],
    });
    const open = await client.request<DesignsResult>('mlsd/designs', undefined);
    assert.equal(open.designs.find((d) => d.uri === uri)?.open, true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(missingSteps(client.diagnostics.get(uri)!.diagnostics), 3);
    await client.close(uri);
    await client.waitForDiagnostics(
      uri,
      (d, p) => p.version === undefined && missingSteps(d) === 4,
    );
    const closed = await client.request<DesignsResult>('mlsd/designs', undefined);
    assert.equal(closed.designs.find((d) => d.uri === uri)?.open, false);
  });

  it('a design whose last tab closed (VS Code still holding it) shows the disk; a tab again, the editor', async () => {
    ({ client } = await startIn(folder));
    const uri = uriOf('feed.mlsd.md');
    await client.waitForDiagnostics(uri, (d) => missingSteps(d) === 4);
    await client.open(uri, `${MISSING_THREE}\n## 3. Data preparation\n\nUser and post data.\n`);
    await client.waitForDiagnostics(uri, (d, p) => p.version === 1 && missingSteps(d) === 3);
    await client.connection.sendNotification('mlsd/editorClosed', { uri });
    await client.waitForDiagnostics(
      uri,
      (d, p) => p.version === undefined && missingSteps(d) === 4,
    );
    const closed = await until(
      'the summary from the disk',
      () => client!.request<DesignsResult>('mlsd/designs', undefined),
      (r) => r.designs.find((d) => d.uri === uri)?.open === false,
    );
    assert.equal(closed.designs.find((d) => d.uri === uri)?.stepsPresent, 3);
    await client.connection.sendNotification('mlsd/editorOpened', { uri });
    await client.waitForDiagnostics(uri, (d, p) => p.version === 1 && missingSteps(d) === 3);
    // Its tabs closed, a design outside the workspace's designs has its findings cleared.
    const outside = pathToFileURL(
      path.join(os.tmpdir(), 'outside-the-workspace.mlsd.md'),
    ).toString();
    await client.open(outside, MISSING_THREE);
    await client.waitForDiagnostics(outside, (d) => d.length > 0);
    await client.connection.sendNotification('mlsd/editorClosed', { uri: outside });
    await client.waitForDiagnostics(outside, (d) => d.length === 0);
  });

  it('a file whose URI the editor spells otherwise ("%21" for "!") is one design, not two', async () => {
    write('bang!.mlsd.md', MISSING_THREE);
    ({ client } = await startIn(folder));
    const scanned = uriOf('bang!.mlsd.md');
    await client.waitForDiagnostics(scanned, (d) => missingSteps(d) === 4);
    const editors = scanned.replace('!', '%21');
    assert.notEqual(editors, scanned);
    await client.open(editors, MISSING_THREE);
    await client.waitForDiagnostics(editors, (d) => missingSteps(d) === 4);
    const designs = await until(
      'the open summary',
      () => client!.request<DesignsResult>('mlsd/designs', undefined),
      (r) => r.designs.some((d) => d.open),
    );
    assert.equal(designs.designs.filter((d) => d.uri.includes('bang')).length, 1);
  });

  it('a folder added to the window is scanned; a folder removed loses its designs', async () => {
    const other = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-workspace-other-')));
    try {
      fs.writeFileSync(path.join(other, 'added.mlsd.md'), MISSING_THREE);
      ({ client } = await startIn(folder));
      const feed = uriOf('feed.mlsd.md');
      await client.waitForDiagnostics(feed, (d) => missingSteps(d) === 4);
      const added = pathToFileURL(path.join(other, 'added.mlsd.md')).toString();
      const otherFolder = { uri: pathToFileURL(other).toString(), name: 'other' };
      const mainFolder = { uri: pathToFileURL(folder).toString(), name: 'designs' };
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [otherFolder], removed: [mainFolder] },
      });
      await client.waitForDiagnostics(added, (d) => missingSteps(d) === 4);
      await client.waitForDiagnostics(feed, (d) => d.length === 0);
      const designs = await until(
        'the summaries of the new folder only',
        () => client!.request<DesignsResult>('mlsd/designs', undefined),
        (r) => !r.scanning && r.designs.length === 1,
      );
      assert.equal(designs.designs[0].uri, added);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('with mlsd.checkWorkspace false, checks open designs only; turning it off clears the closed ones', async () => {
    ({ client } = await startIn(folder, { checkWorkspace: false }));
    const uri = uriOf('feed.mlsd.md');
    const opened = uriOf('nested/deeper/second.mlsd.md');
    await client.open(opened, MISSING_THREE);
    await client.waitForDiagnostics(opened, (d) => d.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(!client.diagnostics.has(uri), 'a closed design is not checked');
    const designs = await client.request<DesignsResult>('mlsd/designs', undefined);
    assert.deepEqual(
      designs.designs.map((d) => d.uri),
      [opened],
    );

    await client.changeSettings({ debounceMs: 0, checkWorkspace: true });
    await client.waitForDiagnostics(uri, (d) => missingSteps(d) === 4);
    await client.changeSettings({ debounceMs: 0, checkWorkspace: false });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    assert.ok(
      client.diagnostics.get(opened)!.diagnostics.length > 0,
      'the open design keeps its findings',
    );
  });
});
