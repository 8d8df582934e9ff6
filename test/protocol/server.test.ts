// Protocol tests: the bundled server over stdio, driven by a real JSON-RPC client. Each asserts
// what the answer says, not only that one came.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  CodeLens,
  InitializeResult,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { RequestType, RequestType0 } from 'vscode-languageserver-protocol/node';
import { SymbolKind } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/applyEdits';
import {
  CoverageRequest,
  InsertMissingStepsRequest,
  RulesRequest,
  TemplatesRequest,
  type CoverageResult,
  type FollowUpsResult,
  type InsertMissingStepsResult,
  type RulesResult,
  type TemplatesResult,
} from '../../common/src/protocol';
import { fileUri, LspTestClient, SERVER } from './lspClient';

const INCOMPLETE = [
  '---',
  'title: Feed ranking',
  'problem: news-feed',
  '---',
  '# Feed ranking',
  '',
  '## 1. Clarifying requirements',
  '',
  'The business objective is to increase user engagement (time spent, retention).',
  'Scale: 500 million daily active users, about 50k QPS at peak; latency under 200 ms.',
  'Which reactions count? Do we rank ads too?',
  '',
  '## 2. Framing the problem as an ML task',
  '',
  'ML objective: maximize a weighted engagement score. Input: user and candidate posts;',
  'output: a ranked list. This is a pointwise learning to rank problem with multi-task',
  'classification heads predicting the probability of each reaction.',
  '',
  '## 4. Model development',
  '',
  'A multi-task DNN with shared layers and one head per reaction; baseline logistic regression.',
  'Training data comes from impressions, positives are reactions; loss is the sum of per-task',
  'binary cross-entropy.',
  '',
  '## 5. Evaluation',
  '',
  'Offline: ROC-AUC per task. Online: A/B test on engagement and time spent.',
  '',
].join('\n');

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function textOfEdit(text: string, edits: TextEdit[]): string {
  return applyEdits(text, edits);
}

describe('language server over stdio', function () {
  this.timeout(30_000);
  let client: LspTestClient;

  before(function () {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  });
  beforeEach(async () => {
    client = await LspTestClient.start({ debounceMs: 0 });
  });
  afterEach(async () => {
    await client.stop();
  });

  it('publishes the missing-step warnings on open, with source, code and a documentation link', async () => {
    const uri = fileUri('feed.mlsd.md');
    await client.open(uri, INCOMPLETE);
    const diagnostics = await client.waitForDiagnostics(uri);
    const missing = diagnostics.filter((d) => d.code === 'MLSD001');
    assert.deepEqual(
      missing.map((d) => messageOf(d).slice(0, messageOf(d).indexOf('.'))),
      [
        "Step 3 'Data preparation' is missing",
        "Step 6 'Deployment and serving' is missing",
        "Step 7 'Monitoring and infrastructure' is missing",
      ],
    );
    for (const d of diagnostics) {
      assert.equal(d.source, 'mlsd');
      assert.match(String(d.codeDescription?.href), /^file:.*docs\/rules\/MLSD\d{3}\.md$/);
    }
    assert.equal(missing[0].severity, 2, 'missing-step is a warning');
    assert.equal(
      missing[0].range.start.line,
      12,
      'data belongs after step 2, whose heading is on line 13',
    );
  });

  it('updates diagnostics on incremental changes and clears them on close', async () => {
    const uri = fileUri('edit.mlsd.md');
    await client.open(uri, INCOMPLETE);
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'MLSD001'));
    const lines = INCOMPLETE.split('\n').length;
    const version = await client.change(uri, [
      {
        range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } },
        text: '## 6. Serving\n\nOnline prediction with a candidate generation then ranking pipeline; features from the feature store.\n',
      },
    ]);
    const after = await client.waitForDiagnostics(uri, (_d, p) => p.version === version);
    assert.ok(
      !after.some((d) => messageOf(d).startsWith("Step 6 'Deployment and serving' is missing")),
    );
    assert.ok(
      after.some((d) =>
        messageOf(d).startsWith("Step 7 'Monitoring and infrastructure' is missing"),
      ),
    );
    await client.close(uri);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('never publishes for ordinary Markdown files', async () => {
    const notes = fileUri('notes.md');
    const design = fileUri('after-notes.mlsd.md');
    await client.open(notes, '# Notes\n\nTODO: nothing here is a design.\n');
    await client.open(design, INCOMPLETE);
    await client.waitForDiagnostics(design);
    assert.equal(client.diagnostics.has(notes), false);
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: notes },
      position: { line: 0, character: 3 },
    });
    assert.equal(hover, null);
  });

  it('the missing-step quick fix inserts the step where it belongs and its warning goes away', async () => {
    const uri = fileUri('fix.mlsd.md');
    await client.open(uri, INCOMPLETE);
    const diagnostics = await client.waitForDiagnostics(uri);
    const target = diagnostics.find((d) =>
      messageOf(d).startsWith("Step 3 'Data preparation' is missing"),
    )!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const fix = actions.find((a) => a.title === "Insert step 3 'Data preparation'");
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(fix!.isPreferred, true);
    const edits = fix!.edit!.changes![uri];
    const fixed = textOfEdit(INCOMPLETE, edits);
    assert.match(
      fixed,
      /## 2\. Framing[\s\S]*## 3\. Data preparation[\s\S]*## 4\. Model development/,
    );
    const version = await client.change(uri, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(uri, (_d, p) => p.version === version);
    assert.ok(!after.some((d) => messageOf(d).startsWith("Step 3 'Data preparation' is missing")));
    assert.ok(actions.some((a) => a.title === 'Disable MLSD001 for this line'));
    assert.ok(actions.some((a) => a.title === 'Disable MLSD001 for this file'));
    // After the edit the client puts the cursor at the end of the inserted heading.
    assert.equal(fix!.command?.command, 'mlsd.revealPosition');
    const [, line, character] = fix!.command!.arguments as [string, number, number];
    assert.equal(fixed.split(/\r?\n/)[line].slice(0, character), '## 3. Data preparation');
    // Every finding on the heading at once, as Ctrl+. sends them: each title once, fix-all once.
    const onHeading = diagnostics.filter((d) => d.range.start.line === target.range.start.line);
    const menu = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: onHeading },
    });
    const titles = menu.map((a) => a.title);
    assert.deepEqual(titles, [...new Set(titles)], titles.join(' | '));
    assert.equal(titles.filter((t) => t === 'Fix all mlsd problems').length, 1);
  });

  it('source.fixAll.mlsd inserts every missing step in one edit, and a second run has nothing to do', async () => {
    const uri = fileUri('fixall.mlsd.md');
    await client.open(uri, INCOMPLETE);
    await client.waitForDiagnostics(uri);
    const ask = () =>
      client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.mlsd'] },
      });
    const [fixAll] = await ask();
    assert.equal(fixAll.kind, 'source.fixAll.mlsd');
    const fixed = textOfEdit(INCOMPLETE, fixAll.edit!.changes![uri]);
    const headings = fixed.split('\n').filter((l) => /^## \d\./.test(l));
    assert.deepEqual(
      headings.map((h) => h.slice(3, 5)),
      ['1.', '2.', '3.', '4.', '5.', '6.', '7.'],
    );
    const version = await client.change(uri, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(uri, (_d, p) => p.version === version);
    assert.equal(after.filter((d) => d.code === 'MLSD001').length, 0);
    assert.deepEqual(await ask(), []);
  });

  // Issue 18, point 1: with " " and "#" as trigger characters, "## Model" opened the list by
  // itself and Enter accepted its first item.
  it('declares no completion trigger characters: the list opens only when asked for', async () => {
    const bare = await LspTestClient.launch({ settings: { debounceMs: 0 } });
    try {
      const result = (await bare.initialize({
        processId: process.pid,
        rootUri: null,
        capabilities: {
          textDocument: { completion: { completionItem: { snippetSupport: true } } },
        },
        workspaceFolders: null,
      })) as InitializeResult;
      assert.ok(result.capabilities.completionProvider, 'completion is still provided');
      assert.deepEqual(result.capabilities.completionProvider.triggerCharacters ?? [], []);
      // The client bundles leave these features out (client/shims/unannouncedFeatures.ts).
      assert.equal(result.capabilities.notebookDocumentSync, undefined);
      assert.equal(result.capabilities.diagnosticProvider, undefined);
      assert.equal(result.capabilities.workspace?.fileOperations, undefined);
      for (const key of [
        'signatureHelpProvider',
        'definitionProvider',
        'referencesProvider',
        'documentHighlightProvider',
        'workspaceSymbolProvider',
        'documentFormattingProvider',
        'documentRangeFormattingProvider',
        'documentOnTypeFormattingProvider',
        'renameProvider',
        'documentLinkProvider',
        'executeCommandProvider',
        'typeDefinitionProvider',
        'implementationProvider',
        'colorProvider',
        'declarationProvider',
        'selectionRangeProvider',
        'callHierarchyProvider',
        'semanticTokensProvider',
        'linkedEditingRangeProvider',
        'typeHierarchyProvider',
        'inlineValueProvider',
        'inlayHintProvider',
        'inlineCompletionProvider',
      ] as const) {
        assert.equal(result.capabilities[key], undefined, key);
      }
      assert.equal(result.capabilities.workspace?.textDocumentContent, undefined);
    } finally {
      await bare.stop();
    }
  });

  it('completes step headings (missing first), topics inside a step, and front matter values', async () => {
    const uri = fileUri('complete.mlsd.md');
    const text = INCOMPLETE + '\n## \n';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const lines = text.split('\n');
    const headingLine = lines.indexOf('## ');
    const result = await client.request<CompletionItem[] | CompletionList>(
      'textDocument/completion',
      {
        textDocument: { uri },
        position: { line: headingLine, character: 3 },
      },
    );
    const items = (Array.isArray(result) ? result : result.items).sort((a, b) =>
      a.sortText!.localeCompare(b.sortText!),
    );
    assert.deepEqual(
      items.slice(0, 3).map((i) => i.label),
      ['3. Data preparation', '6. Deployment and serving', '7. Monitoring and infrastructure'],
    );
    // Issue 18, point 1: a heading item is the heading's words only; the template is an item of
    // its own that says so and comes last; nothing is preselected.
    for (const item of items.slice(0, 7)) {
      assert.ok(item.textEdit && 'newText' in item.textEdit);
      assert.equal(item.textEdit.newText, item.label);
    }
    assert.deepEqual(
      items.slice(7).map((i) => i.label),
      [
        'Insert template: Data preparation (heading + topic stubs)',
        'Insert template: Deployment and serving (heading + topic stubs)',
        'Insert template: Monitoring and infrastructure (heading + topic stubs)',
      ],
    );
    assert.ok(items.every((i) => !i.preselect));

    const inside =
      lines.indexOf('Offline: ROC-AUC per task. Online: A/B test on engagement and time spent.') +
      1;
    const topics = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: inside, character: 0 },
    });
    assert.ok(Array.isArray(topics) && topics.length > 0);
    assert.ok(
      topics.every(
        (t) => t.textEdit && 'newText' in t.textEdit && t.textEdit.newText.startsWith('- '),
      ),
    );
    assert.ok(!topics.some((t) => t.label === 'Offline metrics'), 'covered topics are not offered');

    const values = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 'problem: '.length },
    });
    assert.ok(values.some((v) => v.label === 'visual-search'));
    assert.equal(values.length, 10);
  });

  it('hovers a step heading with its topic checklist and a finding with its rule', async () => {
    const uri = fileUri('hover.mlsd.md');
    await client.open(uri, INCOMPLETE);
    await client.waitForDiagnostics(uri);
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 24, character: 6 },
    });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Step 5 of 7: Evaluation/);
    assert.match(value, /- Covered: Offline metrics — line 27/);
    assert.match(value, /about 5 of 45 minutes/);
  });

  it('lists the steps in order as the outline, folds each step and puts a lens above each', async () => {
    const uri = fileUri('outline.mlsd.md');
    await client.open(uri, INCOMPLETE);
    await client.waitForDiagnostics(uri);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    // Issue 18, point 9: one tree of the steps (the title is the Markdown outline's), steps as
    // classes, not modules.
    assert.ok(!symbols.some((s) => s.name === 'Feed ranking'), 'the title is not repeated');
    const names = symbols.filter((s) => /^Step/.test(s.detail ?? ''));
    assert.ok(names.every((s) => s.kind === SymbolKind.Class));
    assert.deepEqual(
      names.map((s) => s.name),
      [
        '1. Clarifying requirements',
        '2. Framing the problem as an ML task',
        '4. Model development',
        '5. Evaluation',
      ],
    );
    assert.match(names[0].detail!, /Step 1 · \d\/3 required topics/);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', {
      textDocument: { uri },
    });
    assert.deepEqual(
      folds.map((f) => f.startLine),
      [6, 12, 18, 24],
    );
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri },
    });
    assert.match(lenses[0].command!.title, /Insert 3 missing steps: 3, 6, 7/);
    assert.ok(
      lenses.some((l) =>
        /^Step 4 · \d\/\d required topics · \d+ words · \d+ min$/.test(l.command!.title),
      ),
    );
  });

  it('re-applies settings on change: turning missing-step off removes those warnings', async () => {
    const uri = fileUri('settings.mlsd.md');
    await client.open(uri, INCOMPLETE);
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'MLSD001'));
    await client.changeSettings({ debounceMs: 0, rules: { 'missing-step': 'off' } });
    await client.waitForDiagnostics(
      uri,
      (d) => d.length > 0 && !d.some((x) => x.code === 'MLSD001'),
    );
  });

  it('names a bad setting once and keeps checking with the defaults', async () => {
    await client.changeSettings({
      debounceMs: 0,
      rules: { 'no-such-rule': 'off', 'thin-step': 'loud' },
    });
    const uri = fileUri('bad-settings.mlsd.md');
    await client.open(uri, INCOMPLETE);
    const diagnostics: Diagnostic[] = await client.waitForDiagnostics(uri);
    assert.ok(diagnostics.some((d) => d.code === 'MLSD001'));
    await client.open(fileUri('second.mlsd.md'), INCOMPLETE);
    await client.waitForDiagnostics(fileUri('second.mlsd.md'));
    const unknown = client.messages.filter((m) => m.includes('no-such-rule'));
    assert.equal(unknown.length, 1);
    assert.ok(client.messages.some((m) => m.includes('"rules.thin-step"')));
  });

  it('answers the custom requests: coverage, insert missing steps, templates, rules', async () => {
    const uri = fileUri('custom.mlsd.md');
    await client.open(uri, INCOMPLETE);
    await client.waitForDiagnostics(uri);
    const coverage = await client.request<CoverageResult>('mlsd/coverage', { uri });
    assert.equal(coverage.stepsPresent, 4);
    assert.equal(coverage.stepsTotal, 7);
    assert.equal(coverage.problem, 'news-feed');
    assert.equal(coverage.steps.find((s) => s.id === 'data')!.present, false);
    const insert = await client.request<InsertMissingStepsResult>('mlsd/insertMissingSteps', {
      uri,
    });
    assert.deepEqual(insert.inserted, ['data', 'serving', 'monitoring']);
    const { templates } = await client.request<TemplatesResult>('mlsd/templates', {});
    // The book's blank design, its 10 case studies, a blank design of each other framework.
    assert.equal(templates.length, 13);
    assert.ok(templates.every((t) => t.fileName.endsWith('.mlsd.md')));
    const { rules } = await client.request<RulesResult>('mlsd/rules', {});
    assert.deepEqual(rules.map((r) => r.id).slice(0, 8), [
      'MLSD001',
      'MLSD002',
      'MLSD003',
      'MLSD004',
      'MLSD005',
      'MLSD006',
      'MLSD007',
      'MLSD008',
    ]);
    assert.ok(rules.some((r) => r.id === 'MLSD113' && r.name === 'no-online-test'));
  });

  it('answers mlsd/followUps for the step at a position, uncovered topics first, with an insert', async () => {
    const uri = fileUri('follow-ups.mlsd.md');
    await client.open(uri, INCOMPLETE);
    await client.waitForDiagnostics(uri);
    const lines = INCOMPLETE.split('\n');
    const line = lines.findIndex((l) => /^##\s.*Evaluation/i.test(l)) + 1;
    const result = await client.request<FollowUpsResult | null>('mlsd/followUps', {
      uri,
      position: { line, character: 0 },
    });
    assert.ok(result);
    assert.equal(result.step.id, 'evaluation');
    assert.ok(result.questions.length >= 6 + 1, "the framework's and the case study's");
    const firstCovered = result.questions.findIndex((q) => q.covered);
    if (firstCovered >= 0) assert.ok(result.questions.slice(firstCovered).every((q) => q.covered));
    const question = result.questions[0];
    assert.ok(question.edit);
    const inserted = applyEdits(INCOMPLETE, [question.edit]);
    assert.ok(inserted.includes(`> Q: ${question.text}`));
    // Before the first step there is no step to ask about; bad params get null, not an error.
    assert.equal(
      await client.request('mlsd/followUps', { uri, position: { line: 0, character: 0 } }),
      null,
    );
    assert.equal(await client.request('mlsd/followUps', { uri, position: 'nowhere' }), null);
  });

  // Issue 18, points 3 and 4: a new design from any template shows one Problems entry per step to
  // write (placeholders are hints) and the status bar counts no step as written.
  it('a design from each New Design template publishes one problem per step at most and counts 0 steps written', async () => {
    const { templates } = await client.request<TemplatesResult>('mlsd/templates', {});
    for (const template of templates) {
      const uri = fileUri(`new-${template.fileName}`);
      await client.open(uri, template.content);
      const diagnostics: Diagnostic[] = await client.waitForDiagnostics(uri);
      const listed = diagnostics.filter((d) => d.severity !== 4); // 4: hint
      const coverage = await client.request<CoverageResult>('mlsd/coverage', { uri });
      // One empty step each at most: 7 for the book's 7 steps, 9 for the 9-step template.
      assert.ok(listed.length <= coverage.stepsTotal, `${template.id}: ${listed.length} problems`);
      assert.ok(diagnostics.some((d) => d.code === 'MLSD007' && d.severity === 4));
      assert.equal(coverage.stepsPresent, 0, template.id);
      assert.ok(coverage.steps.every((s) => s.present && !s.written));
      await client.close(uri);
    }
  });

  it('answers the typed requests of common/src/protocol.ts as the extension sends them', async () => {
    // The copy of vscode-jsonrpc used here is the one vscode-languageclient bundles, as in
    // client/src/requestType.ts: params go by name, and the requests without params send none.
    const uri = fileUri('typed.mlsd.md');
    await client.open(uri, INCOMPLETE);
    await client.waitForDiagnostics(uri);
    const withUri = (method: string) => new RequestType<{ uri: string }, unknown, void>(method);
    const withoutParams = (method: string) => new RequestType0<unknown, void>(method);
    const { connection } = client;
    assert.deepEqual(
      await connection.sendRequest(withUri(CoverageRequest.method), { uri }),
      await client.request('mlsd/coverage', { uri }),
    );
    assert.deepEqual(
      await connection.sendRequest(withUri(InsertMissingStepsRequest.method), { uri }),
      await client.request('mlsd/insertMissingSteps', { uri }),
    );
    assert.deepEqual(
      await connection.sendRequest(withoutParams(TemplatesRequest.method)),
      await client.request('mlsd/templates', {}),
    );
    assert.deepEqual(
      await connection.sendRequest(withoutParams(RulesRequest.method)),
      await client.request('mlsd/rules', {}),
    );
  });

  it('publishes only the newest version after a burst of edits', async () => {
    await client.changeSettings({ debounceMs: 50 });
    const uri = fileUri('burst.mlsd.md');
    await client.open(uri, INCOMPLETE);
    await client.waitForDiagnostics(uri);
    let version = 1;
    for (let i = 0; i < 30; i++) {
      version = await client.change(uri, [
        { range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: 'x' },
      ]);
    }
    await client.waitForDiagnostics(uri, (_d, p) => p.version === version);
    const versions = client.publishes.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'versions never go backwards',
    );
    assert.ok(versions.length < 10, `debounced: ${versions.length} publishes for 30 edits`);
  });

  it('with mlsd.run onSave, checks on open and save only', async () => {
    await client.changeSettings({ debounceMs: 0, run: 'onSave' });
    const uri = fileUri('onsave.mlsd.md');
    await client.open(uri, INCOMPLETE);
    await client.waitForDiagnostics(uri);
    const lines = INCOMPLETE.split('\n').length;
    const version = await client.change(uri, [
      {
        range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } },
        text: '## 7. Monitoring\n\nWe monitor data drift and latency.\n',
      },
    ]);
    // A hover forces a round trip: by its answer, an onType run would have published.
    await client.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.notEqual(client.diagnostics.get(uri)?.version, version);
    await client.save(uri);
    await client.waitForDiagnostics(uri, (_d, p) => p.version === version);
  });
});
