// @ts-check
// The editor scenarios, run inside a real VS Code's extension host (code-server, or desktop VS Code
// with @vscode/test-electron) against the installed mlsd extension. Each scenario is an assertion
// through the `vscode` API; what only the page shows is asked of the page runner (page.js).
// Expectations (the CLI's findings, the snippet's text, the templates) come from `expected.json`,
// written by the runner from `mlsd check` and the language server before the editor starts.
// Every scenario starts from the pristine workspace (`pristine/`, see startFromPristine): no text,
// file or setting a scenario leaves behind reaches the next one.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { sleep } = require('./page');
const { FILES, appendProgress, readJson, selectScenarios, writeJsonAtomic } = require('./protocol');

/**
 * @typedef {import('./protocol').Expected} Expected
 * @typedef {import('./protocol').CliDiagnostic} CliDiagnostic
 * @typedef {import('./protocol').ScenarioResult} ScenarioResult
 * @typedef {import('./protocol').Session} Session
 * @typedef {import('./protocol').SuiteResults} SuiteResults
 * @typedef {import('./page').PageClient} PageClient
 *
 * A finding in one shape for the CLI's and the editor's: rule id, severity (VS Code's number),
 * message, and range as [start line, start character, end line, end character], 0-based.
 * @typedef {{ rule: string, severity: number, message: string,
 *   range: [number, number, number, number] }} Finding
 *
 * What a scenario gets.
 * @typedef {object} Context
 * @property {Expected} expected
 * @property {PageClient} page
 * @property {string} workspace the workspace folder's path
 * @property {(name: string) => vscode.Uri} file a file of the workspace
 * @property {(uri: vscode.Uri, options?: vscode.TextDocumentShowOptions) =>
 *   Promise<{ document: vscode.TextDocument, editor: vscode.TextEditor }>} open
 *   opens a document in an editor (a pristine file must still have its pristine text)
 * @property {(text: string) => void} note what the scenario checked, for the report
 * @property {(what: string) => void} skip a check it could not make (no page)
 * @property {(fn: () => unknown) => void} cleanup runs after the scenario, pass or fail
 * @property {() => number} activations how many times the driver was activated (reloads)
 *
 * @typedef {object} Scenario
 * @property {string} name stable, kebab-case: what `--only` and the report use
 * @property {string} title what it checks, in words
 * @property {Session} [session] the editor it needs ("trusted" when not said)
 * @property {(ctx: Context) => Promise<void>} run
 */

const NEWS = 'incomplete-news-feed.mlsd.md';
// Generous deadlines: every wait polls and ends as soon as its condition holds, so they cost
// nothing when the editor is quick, and a machine whose cores are busy still gets there.
const SCENARIO_TIMEOUT_MS = 240_000;
const WAIT_TIMEOUT_MS = 60_000;
const RESET_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// Helpers

class Failure extends Error {}

/**
 * @param {unknown} condition
 * @param {string | (() => string)} message
 * @returns {asserts condition}
 */
function assert(condition, message) {
  if (!condition) throw new Failure(typeof message === 'function' ? message() : message);
}

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/**
 * Polls `probe` (sync or async) until it returns a truthy value, and returns it. On time-out,
 * fails with `what` and, when given, `describe()` of the last state.
 * @template T
 * @param {string} what
 * @param {() => T | Promise<T>} probe
 * @param {{ timeoutMs?: number, intervalMs?: number, describe?: () => string }} [options]
 * @returns {Promise<NonNullable<T>>}
 */
async function waitFor(
  what,
  probe,
  { timeoutMs = WAIT_TIMEOUT_MS, intervalMs = 50, describe } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value;
    try {
      value = await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (value) return /** @type {NonNullable<T>} */ (value);
    if (Date.now() > deadline) {
      let state = '';
      try {
        state = describe ? `; last seen: ${describe()}` : '';
      } catch (error) {
        state = `; (describing the state failed: ${messageOf(error)})`;
      }
      throw new Failure(`timed out after ${timeoutMs / 1000} s waiting for ${what}${state}`);
    }
    await sleep(intervalMs);
  }
}

/** @param {vscode.Diagnostic} d */
const ruleOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
/** @param {vscode.Uri} uri */
const mlsdDiagnostics = (uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlsd');

/** @type {Record<CliDiagnostic['severity'], number>} */
const SEVERITY = { error: 0, warning: 1, info: 2, hint: 3 };
/** @type {readonly import('./protocol').SeverityName[]} */
const SEVERITY_NAME = ['error', 'warning', 'info', 'hint'];

/**
 * A finding of `mlsd check --format json` (1-based, end exclusive) in VS Code's terms.
 * @param {CliDiagnostic} d
 * @returns {Finding}
 */
function fromCli(d) {
  return {
    rule: d.ruleId,
    severity: SEVERITY[d.severity],
    message: d.message,
    range: [d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1],
  };
}

/**
 * @param {vscode.Diagnostic} d
 * @returns {Finding}
 */
function fromEditor(d) {
  return {
    rule: ruleOf(d),
    severity: d.severity,
    message: d.message,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  };
}

/** @param {Finding} d */
const show = (d) =>
  `${d.rule} ${SEVERITY_NAME[d.severity]} [${d.range[0] + 1}:${d.range[1] + 1}-${d.range[2] + 1}:${d.range[3] + 1}] ${d.message.slice(0, 70)}`;

/**
 * What is in one list of findings and not in the other (as multisets).
 * @param {Finding[]} actual
 * @param {Finding[]} expected
 */
function difference(actual, expected) {
  /** @param {Finding} d */
  const key = (d) => JSON.stringify([d.rule, d.severity, d.message, d.range]);
  const left = actual.map(key);
  const missing = [];
  for (const d of expected) {
    const at = left.indexOf(key(d));
    if (at >= 0) left.splice(at, 1);
    else missing.push(d);
  }
  const extra = left.map((k) => {
    const [rule, severity, message, range] = JSON.parse(k);
    return /** @type {Finding} */ ({ rule, severity, message, range });
  });
  return { missing, extra, same: missing.length === 0 && extra.length === 0 };
}

/** @param {{ missing: Finding[], extra: Finding[] }} difference */
function describeDifference({ missing, extra }) {
  const parts = [];
  if (missing.length) parts.push(`missing: ${missing.map(show).join(' | ')}`);
  if (extra.length) parts.push(`unexpected: ${extra.map(show).join(' | ')}`);
  return parts.join('; ') || 'none';
}

/**
 * @param {vscode.Uri} uri
 * @param {vscode.TextDocumentShowOptions} [options]
 */
async function open(uri, options = {}) {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false, ...options });
  return { document, editor };
}

/**
 * Waits until the editor's mlsd findings for `uri` equal `expected` (CLI findings).
 * @param {vscode.Uri} uri
 * @param {Finding[]} expected
 * @param {string} what
 */
async function waitForFindings(uri, expected, what, timeoutMs = WAIT_TIMEOUT_MS) {
  await waitFor(what, () => difference(mlsdDiagnostics(uri).map(fromEditor), expected).same, {
    timeoutMs,
    describe: () => describeDifference(difference(mlsdDiagnostics(uri).map(fromEditor), expected)),
  });
}

/** @param {string} file */
function removeFile(file) {
  fs.rmSync(file, { force: true });
}

/**
 * The case-study title of a missing-step message: "Step 6 'Deployment and serving' is missing…".
 * @param {string} message
 */
function stepOfMessage(message) {
  const match = /^Step (\d+) '([^']+)'/.exec(message);
  return match ? { number: Number(match[1]), title: match[2] } : undefined;
}

/**
 * Shows the Problems panel and asks the page what it lists for `file` (see pageOps.problems).
 * @param {Context} ctx
 * @param {import('./protocol').PageOps['problems']['args']} args
 */
async function askProblems(ctx, args) {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  return ctx.page.ask('problems', args);
}

/**
 * The page's Problems panel must list `expected` for `file` (when there is a page).
 * @param {Context} ctx
 * @param {string} file
 * @param {Finding[]} expected
 */
async function checkProblemsPanel(ctx, file, expected) {
  const messages = expected.map((d) => d.message);
  const answer = await askProblems(ctx, { file, count: expected.length, present: messages });
  if (answer.skipped) {
    ctx.skip('Problems panel (no page)');
    return answer;
  }
  assert(
    answer.satisfied,
    () =>
      `the Problems panel does not show the ${expected.length} findings for ${file}: it shows ` +
      `${JSON.stringify(answer.files)} with ${answer.markers.length} rows` +
      (answer.why ? ` (${answer.why})` : ''),
  );
  for (const d of expected) {
    const row = answer.markers.find((m) => m.file === file && m.message === d.message);
    assert(row, `the Problems panel has no row "${d.message}"`);
    assert(
      row.code === d.rule,
      `the Problems row "${d.message}" has code ${row.code}, not ${d.rule}`,
    );
    const where = `[Ln ${d.range[0] + 1}, Col ${d.range[1] + 1}]`;
    assert(row.line === where, `the Problems row "${d.message}" is at ${row.line}, not ${where}`);
    assert(
      row.severity === SEVERITY_NAME[d.severity],
      `the Problems row "${d.message}" is ${row.severity}, not ${SEVERITY_NAME[d.severity]}`,
    );
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** @type {Scenario[]} */
const scenarios = [
  {
    name: 'problems-panel',
    title: 'missing-step warnings in the Problems panel, where the server says',
    async run(ctx) {
      const uri = ctx.file(NEWS);
      const { editor } = await ctx.open(uri);
      const expected = ctx.expected.news.diagnostics.map(fromCli);
      const missing = expected.filter((d) => d.rule === 'MLSD001');
      assert(missing.length > 0, `mlsd check finds no missing step in ${NEWS}`);
      await waitForFindings(
        uri,
        expected,
        `the editor's findings to equal mlsd check's for ${NEWS}`,
      );
      ctx.note(
        `${expected.length} findings equal to \`mlsd check\`'s (rule, severity, message, range), ` +
          `${missing.length} of them MLSD001`,
      );
      const panel = await checkProblemsPanel(ctx, NEWS, expected);
      if (!panel.skipped) {
        const warnings = expected.filter((d) => d.severity === 1).length;
        assert(
          panel.status.includes(`Warnings: ${warnings}`),
          `the status bar's problem count says "${panel.status}", not ${warnings} warnings`,
        );
        ctx.note(`Problems panel: ${panel.markers.length} rows, status bar "${panel.status}"`);
      }
      // The squiggle of the first missing step, on screen.
      const first = missing[0].range;
      const range = new vscode.Range(first[0], first[1], first[2], first[3]);
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
      const squiggles = await ctx.page.ask('squiggles', {
        severity: 'warning',
        line: first[0] + 1,
      });
      if (squiggles.skipped) ctx.skip('squiggles (no page)');
      else {
        assert(
          squiggles.satisfied,
          `no warning squiggle is drawn on line ${first[0] + 1} (${squiggles.count} in view)`,
        );
        ctx.note(`warning squiggle drawn on line ${first[0] + 1}`);
      }
      await ctx.page.ask('snapshot', { name: 'design-with-problems' });
    },
  },
  {
    name: 'quick-fix-inserts-step',
    title: 'the quick fix inserts one missing step; its warning goes, the rest of the text stays',
    async run(ctx) {
      const uri = ctx.file(NEWS);
      const { document } = await ctx.open(uri);
      const expected = ctx.expected.news.diagnostics.map(fromCli);
      await waitForFindings(uri, expected, `the findings for ${NEWS}`);
      const original = document.getText();
      const target = mlsdDiagnostics(uri).find((d) => ruleOf(d) === 'MLSD001');
      assert(target, `no missing-step finding in ${NEWS}`);
      const others = mlsdDiagnostics(uri).filter(
        (d) => ruleOf(d) === 'MLSD001' && d.message !== target.message,
      );
      const step = stepOfMessage(target.message);
      assert(step, `cannot read the step of "${target.message}"`);
      // The fix the finding carries: a quick fix titled after the step, with an edit (resolved).
      // The first request after the editor opens can come back empty from every provider (not
      // only mlsd's): ask again until it is there.
      /** @type {vscode.CodeAction[]} */
      let actions = [];
      let attempts = 0;
      const askedAt = Date.now();
      const fix = await waitFor(
        `the quick fix "Insert step ${step.number} …"`,
        async () => {
          attempts++;
          /** @type {vscode.CodeAction[] | undefined} */
          const answer = await vscode.commands.executeCommand(
            'vscode.executeCodeActionProvider',
            uri,
            target.range,
            vscode.CodeActionKind.QuickFix.value,
            20,
          );
          actions = answer ?? [];
          return actions.find((a) => a.title.startsWith(`Insert step ${step.number} `));
        },
        { intervalMs: 200, describe: () => `actions: ${actions.map((a) => a.title).join(', ')}` },
      );
      if (attempts > 1) {
        ctx.note(`the quick fix came at request ${attempts}, after ${Date.now() - askedAt} ms`);
      }
      assert(
        fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind),
        `"${fix.title}" is a ${fix.kind?.value} action, not a quick fix`,
      );
      // The API command does not always carry the action's diagnostics back; when it does, the
      // fix must name this finding.
      const attached = fix.diagnostics ?? [];
      if (attached.length) {
        assert(
          attached.some((d) => d.message === target.message),
          () =>
            `"${fix.title}" is attached to other findings: ` +
            attached.map((d) => d.message).join(' | '),
        );
      }
      assert(fix.edit, `"${fix.title}" has no edit`);
      ctx.note(`quick fix "${fix.title}"`);
      assert(await vscode.workspace.applyEdit(fix.edit), 'the workspace edit was not applied');
      if (fix.command) {
        await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      }
      await waitFor(
        `the warning "${target.message}" to go`,
        () => !mlsdDiagnostics(uri).some((d) => d.message === target.message),
        {
          describe: () =>
            mlsdDiagnostics(uri)
              .map((d) => d.message.slice(0, 60))
              .join(' | '),
        },
      );
      // The other missing steps are still reported (their message may now name the new step).
      for (const other of others) {
        const { number } = stepOfMessage(other.message) ?? {};
        assert(
          mlsdDiagnostics(uri).some(
            (d) => ruleOf(d) === 'MLSD001' && d.message.startsWith(`Step ${number} '`),
          ),
          `the other missing-step warning "${other.message}" went too`,
        );
      }
      const after = document.getText();
      let prefix = 0;
      while (prefix < original.length && original[prefix] === after[prefix]) prefix++;
      let suffix = 0;
      while (
        suffix < original.length - prefix &&
        original[original.length - 1 - suffix] === after[after.length - 1 - suffix]
      ) {
        suffix++;
      }
      assert(
        prefix + suffix === original.length,
        () =>
          `the fix changed more than it inserted: the original text is not kept around one block ` +
          `(kept ${prefix} characters before and ${suffix} after, of ${original.length})`,
      );
      const inserted = after.slice(prefix, after.length - suffix);
      assert(
        inserted.includes(step.title),
        `the inserted block does not name '${step.title}': ${JSON.stringify(inserted.slice(0, 200))}`,
      );
      const line = document.positionAt(prefix).line + 1;
      ctx.note(
        `inserted ${inserted.split('\n').length - 1} lines at line ${line}; the other ` +
          `${original.length} characters unchanged`,
      );
      const panel = await askProblems(ctx, { file: NEWS, absent: [target.message] });
      if (panel.skipped) ctx.skip('Problems panel (no page)');
      else
        assert(
          panel.satisfied,
          `the Problems panel still lists "${target.message}" (${panel.why})`,
        );
    },
  },
  {
    name: 'snippet-new-design',
    title: 'the mlsd snippet in a new design inserts the 7-step template; empty-step findings',
    async run(ctx) {
      const file = path.join(ctx.workspace, 'x.mlsd.md');
      removeFile(file);
      ctx.cleanup(() => removeFile(file));
      const fileUri = vscode.Uri.file(file);
      // A new untitled design with its future name, saved (empty) to x.mlsd.md.
      const untitled = fileUri.with({ scheme: 'untitled' });
      const { document: draft } = await ctx.open(untitled);
      assert(
        draft.languageId === 'markdown',
        `the new design is ${draft.languageId}, not markdown`,
      );
      const saving = draft.save();
      const dialog = await ctx.page.ask(
        'acceptSaveDialog',
        { file, fileName: 'x.mlsd.md' },
        WAIT_TIMEOUT_MS,
      );
      if (!dialog.skipped && dialog.accepted) ctx.note(`save dialog accepted: ${dialog.value}`);
      assert(await saving, 'the untitled design was not saved');
      await waitFor('x.mlsd.md on disk', () => fs.existsSync(file));
      ctx.note('untitled design saved as x.mlsd.md');
      await ctx.open(fileUri);
      const document = vscode.window.activeTextEditor?.document;
      assert(
        document?.uri.fsPath === file,
        `the active editor is ${document?.uri.toString() ?? 'none'}`,
      );
      const snippet = ctx.expected.snippet;
      const typed = await ctx.page.ask('typeSnippet', {
        prefix: snippet.prefix,
        name: snippet.name,
      });
      if (typed.skipped) {
        await vscode.commands.executeCommand('editor.action.insertSnippet', {
          langId: 'markdown',
          name: snippet.name,
        });
        ctx.note(`inserted with editor.action.insertSnippet "${snippet.name}"`);
      } else {
        ctx.note(`typed "${snippet.prefix}", accepted the suggestion "${typed.label}"`);
      }
      await vscode.commands.executeCommand('leaveSnippet');
      await waitFor('the template text', () => document.getText() === snippet.text, {
        describe: () => {
          const have = document.getText().split('\n');
          const want = snippet.text.split('\n');
          const at = want.findIndex((line, i) => have[i] !== line);
          return at < 0
            ? `${have.length} lines where ${want.length} were expected`
            : `line ${at + 1} is ${JSON.stringify(have[at])}, expected ${JSON.stringify(want[at])}`;
        },
      });
      const headings = document.getText().match(/^## [1-7]\. .+$/gm) ?? [];
      assert(headings.length === 7, `the template has ${headings.length} step headings, not 7`);
      await document.save();
      const expected = snippet.diagnostics.map(fromCli);
      await waitForFindings(
        fileUri,
        expected,
        `the findings of the template to equal mlsd check's`,
      );
      const rules = mlsdDiagnostics(fileUri).map(ruleOf);
      const empty = rules.filter((r) => r === 'MLSD004').length;
      assert(empty === 7, `${empty} empty-step findings (MLSD004), not 7`);
      const others = [...new Set(rules.filter((r) => r !== 'MLSD004' && r !== 'MLSD007'))];
      assert(others.length === 0, `findings other than MLSD004/MLSD007: ${others.join(', ')}`);
      ctx.note(
        `7 headings; findings: 7 × MLSD004, ${rules.length - 7} × MLSD007 (as \`mlsd check\`)`,
      );
    },
  },
  {
    name: 'status-bar-coverage',
    title: 'the status bar shows the coverage and updates after an edit',
    async run(ctx) {
      const uri = ctx.file(NEWS);
      const { document, editor } = await ctx.open(uri);
      const expected = ctx.expected.news;
      await waitForFindings(uri, expected.diagnostics.map(fromCli), `the findings for ${NEWS}`);
      const present = expected.steps.filter((s) => s.line !== null).length;
      const total = expected.steps.length;
      const before = `MLSD ${present}/${total}`;
      const first = await ctx.page.ask('statusBar', { id: 'mlsd.coverage', contains: before });
      if (first.skipped) ctx.skip('status bar text (no page)');
      else {
        assert(first.satisfied, `the status bar item says "${first.text}", not "${before} …"`);
        ctx.note(`status bar: "${first.text}"`);
      }
      const missing = expected.steps.find((s) => s.line === null);
      assert(missing, 'the example has no missing step');
      const number = expected.steps.indexOf(missing) + 1;
      const heading = `## ${number}. ${missing.title}`;
      const end = document.lineAt(document.lineCount - 1).range.end;
      const added = await editor.edit((edit) =>
        edit.insert(
          end,
          `\n\n${heading}\n\nPrediction pipeline: a batch job precomputes candidate posts; an ` +
            `online service scores them with the multi-task model within 200 ms and caches the ` +
            `ranked feed per user.\n`,
        ),
      );
      assert(added, 'the edit was not applied');
      await waitFor(`the missing-step warning for '${missing.title}' to go`, () =>
        mlsdDiagnostics(uri).every(
          (d) => ruleOf(d) !== 'MLSD001' || !d.message.startsWith(`Step ${number} '`),
        ),
      );
      const after = `MLSD ${present + 1}/${total}`;
      const second = await ctx.page.ask('statusBar', { id: 'mlsd.coverage', contains: after });
      if (!second.skipped) {
        assert(
          second.satisfied,
          `after adding '${heading}' the status bar says "${second.text}", not "${after} …"`,
        );
        ctx.note(`after adding '${heading}': "${second.text}"`);
      }
    },
  },
  {
    name: 'new-design-command',
    title: '"MLSD: New Design…" with a case study creates the file from its template',
    async run(ctx) {
      const taken = new Set(fs.readdirSync(ctx.workspace));
      const template = ctx.expected.templates.find(
        (t) => t.id !== 'blank' && !taken.has(t.fileName),
      );
      assert(template, 'no case study whose file is not already in the workspace');
      const file = path.join(ctx.workspace, template.fileName);
      ctx.cleanup(() => removeFile(file));
      // An open design makes its folder the default place for the new file.
      await ctx.open(ctx.file(NEWS));
      const command = vscode.commands.executeCommand('mlsd.newDesign');
      const answer = await ctx.page.ask(
        'newDesign',
        { title: template.title, fileName: template.fileName },
        WAIT_TIMEOUT_MS,
      );
      if (answer.skipped) {
        // No page (desktop VS Code, npm run test:electron): answer the quick pick and the
        // (simple) save dialog with commands. The extension host cannot see when they are shown,
        // hence the pauses; the file's appearance below is polled.
        await sleep(1000);
        const index = ctx.expected.templates.indexOf(template);
        for (let i = 0; i < index; i++) {
          await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
        }
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await sleep(1000);
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        ctx.note('quick pick answered with commands (no page)');
      } else {
        ctx.note(
          `picked "${template.title}" with the keyboard (row "${answer.picked.slice(0, 60)}…"); ` +
            `saved as ${path.basename(answer.saved)}`,
        );
      }
      await command;
      await waitFor(
        `${template.fileName} to be created and opened`,
        () => vscode.window.activeTextEditor?.document.uri.fsPath === file,
        { describe: () => `active: ${vscode.window.activeTextEditor?.document.uri.toString()}` },
      );
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      assert(text === template.content, () => {
        const have = text.split('\n');
        const want = template.content.split('\n');
        const at = want.findIndex((line, i) => have[i] !== line);
        return `${template.fileName} is not the template: line ${at + 1} is ${JSON.stringify(have[at])}, expected ${JSON.stringify(want[at])}`;
      });
      assert(
        fs.readFileSync(file, 'utf8') === template.content,
        'the file on disk is not the template',
      );
      ctx.note(
        `${template.fileName} has the ${template.id} template (${text.split('\n').length} lines)`,
      );
    },
  },
  {
    name: 'markdown-preview',
    title: 'the Markdown preview opens for a .mlsd.md file',
    async run(ctx) {
      const uri = ctx.file(NEWS);
      const { document } = await ctx.open(uri);
      assert(document.languageId === 'markdown', `${NEWS} is ${document.languageId}, not markdown`);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      const [tab, input] = await waitFor('a Markdown preview tab', () => {
        for (const t of vscode.window.tabGroups.all.flatMap((group) => group.tabs)) {
          if (
            t.input instanceof vscode.TabInputWebview &&
            /markdown\.preview/.test(t.input.viewType)
          )
            return /** @type {const} */ ([t, t.input]);
        }
        return undefined;
      });
      ctx.note(`preview tab "${tab.label}" (${input.viewType})`);
      const heading = /^#\s+(.+)$/m.exec(document.getText());
      assert(heading, `${NEWS} has no title heading`);
      const title = heading[1].trim();
      const rendered = await ctx.page.ask('previewRendered', { text: title }, WAIT_TIMEOUT_MS);
      if (rendered.skipped) ctx.skip('preview content (no page)');
      else {
        assert(rendered.satisfied, `the preview does not show the heading "${title}"`);
        ctx.note(`the preview renders "${title}" as <${rendered.tag}>`);
      }
    },
  },
  {
    name: 'plain-notes-unchecked',
    title: 'a plain notes.md gets no mlsd diagnostics',
    async run(ctx) {
      const notes = path.join(ctx.workspace, 'notes.md');
      fs.writeFileSync(
        notes,
        '# Interview notes\n\n## 1. Clarifying requirements\n\nTODO: ask about the scale.\n\n' +
          '## 4. Model development\n\nTBD\n',
      );
      ctx.cleanup(() => removeFile(notes));
      const notesUri = vscode.Uri.file(notes);
      const { document: notesDocument } = await ctx.open(notesUri);
      assert(notesDocument.languageId === 'markdown', `notes.md is ${notesDocument.languageId}`);
      // Then a design, changed after notes.md was opened: once the change's finding is in, the
      // server has seen everything before it.
      const uri = ctx.file(NEWS);
      const { document, editor } = await ctx.open(uri);
      await waitForFindings(
        uri,
        ctx.expected.news.diagnostics.map(fromCli),
        `the findings for ${NEWS}`,
      );
      const end = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, '\n\nTODO: check the numbers.\n'));
      const line = document.lineCount - 2;
      await waitFor(`the new placeholder finding on line ${line + 1} of the design`, () =>
        mlsdDiagnostics(uri).some((d) => ruleOf(d) === 'MLSD007' && d.range.start.line === line),
      );
      const found = vscode.languages.getDiagnostics(notesUri).filter((d) => d.source === 'mlsd');
      assert(
        found.length === 0,
        () => `notes.md has mlsd findings: ${found.map((d) => d.message).join(' | ')}`,
      );
      ctx.note("notes.md: no mlsd diagnostics, after the design's newer finding arrived");
      const panel = await askProblems(ctx, { file: 'notes.md', count: 0 });
      if (panel.skipped) ctx.skip('Problems panel (no page)');
      else
        assert(
          panel.satisfied,
          `Problems panel: ${panel.why}; files ${JSON.stringify(panel.files)}`,
        );
      await vscode.window.showTextDocument(notesDocument);
      const bar = await ctx.page.ask('statusBar', { id: 'mlsd.coverage', hidden: true });
      if (!bar.skipped) {
        assert(bar.satisfied, `the coverage item shows "${bar.text}" for notes.md`);
        ctx.note('no coverage item in the status bar for notes.md');
      }
    },
  },
  {
    name: 'rule-setting-off',
    title: 'mlsd.rules {"missing-step": "off"} removes those warnings without a reload',
    async run(ctx) {
      const uri = ctx.file(NEWS);
      await ctx.open(uri);
      const expected = ctx.expected.news.diagnostics.map(fromCli);
      await waitForFindings(uri, expected, `the findings for ${NEWS}`);
      const config = vscode.workspace.getConfiguration('mlsd');
      const reloads = ctx.activations();
      ctx.cleanup(async () => {
        await vscode.workspace
          .getConfiguration('mlsd')
          .update('rules', undefined, vscode.ConfigurationTarget.Global);
      });
      await config.update('rules', { 'missing-step': 'off' }, vscode.ConfigurationTarget.Global);
      const rest = expected.filter((d) => d.rule !== 'MLSD001');
      await waitForFindings(uri, rest, 'the missing-step warnings to go and the rest to stay');
      assert(ctx.activations() === reloads, 'the window was reloaded');
      ctx.note(`MLSD001 gone, the other ${rest.length} findings unchanged, no reload`);
      const gone = expected.filter((d) => d.rule === 'MLSD001').map((d) => d.message);
      const panel = await askProblems(ctx, { file: NEWS, count: rest.length, absent: gone });
      if (panel.skipped) ctx.skip('Problems panel (no page)');
      else
        assert(
          panel.satisfied,
          `Problems panel: ${panel.why}; files ${JSON.stringify(panel.files)}`,
        );
      await vscode.workspace
        .getConfiguration('mlsd')
        .update('rules', undefined, vscode.ConfigurationTarget.Global);
      await waitForFindings(
        uri,
        expected,
        'the missing-step warnings to come back with the setting reset',
      );
      ctx.note('reset: the warnings came back');
    },
  },
  {
    name: 'server-killed-restarted',
    title: 'the language server killed twice: restarted each time, checking again, said once',
    async run(ctx) {
      if (process.platform !== 'linux') {
        ctx.skip('killing the server (finds its process in /proc, Linux only)');
        return;
      }
      const uri = ctx.file(NEWS);
      const { document, editor } = await ctx.open(uri);
      await waitForFindings(uri, ctx.expected.news.diagnostics.map(fromCli), 'the findings');
      ctx.cleanup(async () => {
        await vscode.commands.executeCommand('notifications.hideList');
        await vscode.commands.executeCommand('notifications.clearAll');
      });
      for (const round of [1, 2]) {
        const [pid] = await waitFor('the language server process', () => {
          const pids = languageServerPids();
          return pids.length === 1 ? pids : undefined;
        });
        process.kill(pid, 'SIGKILL');
        const [restarted] = await waitFor(`a new language server after kill ${round}`, () => {
          const pids = languageServerPids();
          return pids.length === 1 && pids[0] !== pid ? pids : undefined;
        });
        // The new server checks again: an edit made now gets its finding.
        const end = document.lineAt(document.lineCount - 1).range.end;
        await editor.edit((edit) => edit.insert(end, `\n\nTODO: after restart ${round}.\n`));
        const line = document.lineCount - 2;
        await waitFor(`the finding of an edit after restart ${round}`, () =>
          mlsdDiagnostics(uri).some((d) => ruleOf(d) === 'MLSD007' && d.range.start.line === line),
        );
        ctx.note(`kill ${round}: server ${pid} killed, ${restarted} started, new edit checked`);
      }
      await vscode.commands.executeCommand('notifications.showList');
      const said = await ctx.page.ask('notifications', {
        contains: 'language server stopped unexpectedly and was restarted',
        count: 1,
      });
      if (said.skipped) ctx.skip('notifications (no page)');
      else {
        assert(
          said.satisfied,
          () => `${said.count} restart notifications: ${JSON.stringify(said.messages)}`,
        );
        ctx.note('one notification for two restarts');
      }
    },
  },
  {
    name: 'restricted-mode',
    title: 'Restricted Mode: designs are still checked; the folder cannot widen mlsd.files',
    // Its own editor: workspace trust on, this folder untrusted, and a .vscode/settings.json (written
    // by the runner) with a restricted setting (mlsd.files) and one that still applies (mlsd.rules).
    session: 'restricted',
    async run(ctx) {
      assert(
        !vscode.workspace.isTrusted,
        'the folder is trusted: this editor is not in Restricted Mode',
      );
      const mlsd = vscode.extensions.getExtension('mlsd.mlsd');
      assert(mlsd?.isActive, 'the mlsd extension is not active in Restricted Mode');
      const settingsFile = path.join(ctx.workspace, '.vscode', 'settings.json');
      const folderSettings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
      const widened = folderSettings['mlsd.files'];
      const rulesOff = Object.entries(folderSettings['mlsd.rules'] ?? {})
        .filter(([, level]) => level === 'off')
        .map(([rule]) => rule);
      assert(
        Array.isArray(widened) && widened.includes('notes.md') && rulesOff.length === 1,
        `${settingsFile} should set mlsd.files to include notes.md and turn one rule off`,
      );
      ctx.note(`untrusted folder; its settings: ${JSON.stringify(folderSettings)}`);

      // The design is checked, with the folder's (unrestricted) rule setting applied.
      const uri = ctx.file(NEWS);
      const { document } = await ctx.open(uri);
      // mlsd check's findings (which name each rule by id and by name) without the rule turned off.
      const all = ctx.expected.news.diagnostics;
      const expected = all
        .filter((d) => !rulesOff.includes(d.rule) && !rulesOff.includes(d.ruleId))
        .map(fromCli);
      assert(
        expected.length > 0 && expected.length < all.length,
        `turning ${rulesOff[0]} off should remove some but not all of the ${all.length} findings`,
      );
      await waitForFindings(
        uri,
        expected,
        `the design's findings in Restricted Mode (mlsd check's, without ${rulesOff[0]})`,
      );
      ctx.note(
        `${NEWS}: ${expected.length} findings equal to mlsd check's; the folder's ` +
          `"${rulesOff[0]}": "off" applied (${all.length - expected.length} fewer)`,
      );

      // notes.md matches the folder's mlsd.files, which Restricted Mode ignores: not a design.
      const notes = path.join(ctx.workspace, 'notes.md');
      fs.writeFileSync(
        notes,
        '# Interview notes\n\n## 1. Clarifying requirements\n\nTODO: ask about the scale.\n',
      );
      ctx.cleanup(() => removeFile(notes));
      const notesUri = vscode.Uri.file(notes);
      await ctx.open(notesUri);
      // A design edit made after notes.md was opened: once its finding is in, the server has
      // seen everything before it.
      const editor = await vscode.window.showTextDocument(document);
      const end = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, '\n\nTODO: check the numbers.\n'));
      const line = document.lineCount - 2;
      await waitFor(`the new placeholder finding on line ${line + 1} of the design`, () =>
        mlsdDiagnostics(uri).some((d) => ruleOf(d) === 'MLSD007' && d.range.start.line === line),
      );
      const found = mlsdDiagnostics(notesUri);
      assert(
        found.length === 0,
        () =>
          `notes.md is checked although only the untrusted folder's mlsd.files names it: ` +
          found.map((d) => d.message).join(' | '),
      );
      ctx.note("notes.md (named only by the folder's mlsd.files): not checked");

      // The same pattern as a user setting applies: the restriction is the folder's, not mlsd's.
      ctx.cleanup(async () => {
        await vscode.workspace
          .getConfiguration('mlsd')
          .update('files', undefined, vscode.ConfigurationTarget.Global);
      });
      await vscode.workspace
        .getConfiguration('mlsd')
        .update('files', widened, vscode.ConfigurationTarget.Global);
      await vscode.window.showTextDocument(notesUri);
      await waitFor('notes.md to be checked once the user setting mlsd.files names it', () =>
        mlsdDiagnostics(notesUri).some((d) => ruleOf(d) === 'MLSD007'),
      );
      ctx.note('the same mlsd.files as a user setting: notes.md checked');
      await ctx.page.ask('snapshot', { name: 'restricted-mode' });
    },
  },
];

/** Processes the extension host started that run mlsd's dist/server.js (Linux: from /proc). */
function languageServerPids() {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after "pid (name) ": state, then the parent's pid.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/mlsd[^\0]*[\\/]dist[\\/]server\.js/.test(command)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

// ---------------------------------------------------------------------------------------------
// A pristine start: every scenario finds the workspace as the runner copied it (`pristine/` in the
// run folder), no editor open, nothing unsaved, the user's mlsd settings as the suite found them,
// and the documents VS Code still holds for the examples back to their pristine text.

/**
 * The files under `root`, as paths relative to it with "/" between folders.
 * @param {string} root
 * @returns {string[]}
 */
function listFiles(root) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} relative */
  const walk = (relative) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else files.push(name);
    }
  };
  walk('');
  return files.sort();
}

/**
 * The pristine workspace: relative path -> text.
 * @param {string} dir the run folder
 * @returns {Map<string, string>}
 */
function readPristine(dir) {
  const root = path.join(dir, FILES.pristine);
  assert(fs.existsSync(root), `${root} is missing: the runner copies the workspace there`);
  return new Map(
    listFiles(root).map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]),
  );
}

/**
 * The user (global) values of every mlsd setting: what a scenario's `config.update` changes.
 * @returns {Record<string, unknown>}
 */
function userSettings() {
  const mlsd = vscode.extensions.getExtension('mlsd.mlsd');
  /** @type {Record<string, unknown>} */
  const properties = mlsd?.packageJSON?.contributes?.configuration?.properties ?? {};
  const config = vscode.workspace.getConfiguration('mlsd');
  return Object.fromEntries(
    Object.keys(properties)
      .map((key) => key.replace(/^mlsd\./, ''))
      .map((key) => [key, config.inspect(key)?.globalValue]),
  );
}

/** The tabs of every editor group. */
const openTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);

/**
 * Reverts a document's unsaved changes (an untitled one is closed): shows it and runs the revert
 * command, again if the editor was slow to take it, until the document is clean.
 * @param {vscode.TextDocument} document
 */
async function revert(document) {
  const untitled = document.uri.scheme === 'untitled';
  await waitFor(
    `${document.uri.toString()} to be reverted`,
    async () => {
      if (!document.isDirty || document.isClosed) return true;
      await vscode.window.showTextDocument(document, { preview: false });
      if (vscode.window.activeTextEditor?.document !== document) return false;
      await vscode.commands.executeCommand(
        untitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert',
      );
      const until = Date.now() + 5000;
      while (document.isDirty && !document.isClosed && Date.now() < until) await sleep(50);
      return !document.isDirty || document.isClosed;
    },
    { timeoutMs: WAIT_TIMEOUT_MS, intervalMs: 200 },
  );
}

/**
 * @typedef {object} Pristine
 * @property {string} workspace
 * @property {Map<string, string>} files relative path -> text
 * @property {Record<string, unknown>} settings the user's mlsd settings at the suite's start
 */

/**
 * What is not as a scenario must find it (empty when all is pristine).
 * @param {Pristine} pristine
 * @returns {string[]}
 */
function leftovers({ workspace, files, settings }) {
  const found = [];
  const tabs = openTabs();
  if (tabs.length) found.push(`open editors: ${tabs.map((tab) => tab.label).join(', ')}`);
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty) found.push(`unsaved changes in ${document.uri.toString()}`);
  }
  const onDisk = listFiles(workspace);
  const extra = onDisk.filter((file) => !files.has(file));
  if (extra.length) found.push(`files a scenario left: ${extra.join(', ')}`);
  for (const [file, text] of files) {
    const full = path.join(workspace, file);
    if (!onDisk.includes(file)) found.push(`${file} is gone`);
    else if (fs.readFileSync(full, 'utf8') !== text) found.push(`${file} on disk is changed`);
    const held = vscode.workspace.textDocuments.find(
      (d) => d.uri.scheme === 'file' && d.uri.fsPath === full,
    );
    if (held && held.getText() !== text) found.push(`the editor's text of ${file} is changed`);
  }
  const now = userSettings();
  for (const [key, value] of Object.entries(settings)) {
    if (JSON.stringify(now[key]) !== JSON.stringify(value)) {
      found.push(`the user setting mlsd.${key} is ${JSON.stringify(now[key])}`);
    }
  }
  return found;
}

/**
 * Brings the editor back to the pristine workspace, and waits until it is there (fails with what
 * is left over otherwise).
 * @param {Pristine} pristine
 */
async function startFromPristine(pristine) {
  const { workspace, files, settings } = pristine;
  // Nothing unsaved (closing an editor with unsaved changes would ask to save them).
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && !document.isClosed) await revert(document);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('every editor to close', () => openTabs().length === 0, {
    describe: () =>
      openTabs()
        .map((tab) => tab.label)
        .join(', '),
  });
  // A document VS Code still holds gets its pristine text through an edit it saves, rather than
  // through the file watcher: the editor and the language server see the change at once.
  for (const [file, text] of files) {
    const full = path.join(workspace, file);
    const held = vscode.workspace.textDocuments.find(
      (d) => d.uri.scheme === 'file' && d.uri.fsPath === full && !d.isClosed,
    );
    if (!held || held.getText() === text) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(held.uri, new vscode.Range(0, 0, held.lineCount, 0), text);
    assert(await vscode.workspace.applyEdit(edit), `restoring the text of ${file} failed`);
    assert(await held.save(), `saving the restored ${file} failed`);
  }
  // The files on disk: what a scenario wrote goes, what it changed comes back.
  for (const file of listFiles(workspace)) {
    if (!files.has(file)) fs.rmSync(path.join(workspace, file), { force: true });
  }
  for (const [file, text] of files) {
    const full = path.join(workspace, file);
    if (fs.existsSync(full) && fs.readFileSync(full, 'utf8') === text) continue;
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  const config = vscode.workspace.getConfiguration('mlsd');
  for (const [key, value] of Object.entries(settings)) {
    if (JSON.stringify(config.inspect(key)?.globalValue) !== JSON.stringify(value)) {
      await config.update(key, value, vscode.ConfigurationTarget.Global);
    }
  }
  await waitFor('the workspace to be pristine', () => leftovers(pristine).length === 0, {
    describe: () => leftovers(pristine).join('; '),
  });
}

/**
 * Waits until the language server has checked the pristine text of the example the scenarios
 * use, when VS Code still holds it: its findings are mlsd check's again.
 * @param {Expected} expected
 * @param {string} workspace
 */
async function waitForServerSettled(expected, workspace) {
  const uri = vscode.Uri.file(path.join(workspace, NEWS));
  const held = vscode.workspace.textDocuments.some(
    (d) => d.uri.scheme === 'file' && d.uri.fsPath === uri.fsPath && !d.isClosed,
  );
  if (!held) return;
  await waitForFindings(
    uri,
    expected.news.diagnostics.map(fromCli),
    `the server to check the pristine ${NEWS} again`,
  );
}

// ---------------------------------------------------------------------------------------------
// Runner

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return Promise.race([
    promise,
    /** @type {Promise<never>} */ (
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Failure(`${what} did not finish within ${ms / 1000} s`)),
          ms,
        );
      })
    ),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Runs the scenarios of `session` (or those of them `only` selects), each from the pristine
 * workspace and with its clean-up, and returns their results. Writes `plan.json` first: the
 * selected scenarios of every session, so that the runner starts only the editors it needs.
 * @param {object} options
 * @param {string} options.dir the run folder
 * @param {PageClient} options.page
 * @param {(line: string) => void} [options.log]
 * @param {string[]} [options.only]
 * @param {() => number} [options.activations]
 * @param {Session} [options.session]
 * @returns {Promise<SuiteResults>}
 */
async function runSuite({
  dir,
  page,
  log = () => {},
  only,
  activations = () => 0,
  session = 'trusted',
}) {
  const started = Date.now();
  /** @type {Expected} */
  const expected = readJson(dir, FILES.expected);
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  /** @type {ScenarioResult[]} */
  const results = [];
  const mlsd = vscode.extensions.getExtension('mlsd.mlsd');
  /** @type {string | undefined} */
  let fatal;
  /** @type {Pristine | undefined} */
  let pristine;
  if (!workspace) fatal = 'no workspace folder is open';
  else if (!mlsd) fatal = 'the mlsd extension (mlsd.mlsd) is not installed in this editor';
  else {
    try {
      await withTimeout(Promise.resolve(mlsd.activate()), 120_000, 'activating mlsd');
      pristine = { workspace, files: readPristine(dir), settings: userSettings() };
    } catch (error) {
      fatal = `the mlsd extension did not activate: ${messageOf(error)}`;
    }
  }
  const planned = selectScenarios(
    only,
    scenarios.map((scenario) => ({ ...scenario, session: scenario.session ?? 'trusted' })),
  );
  /** @type {import('./protocol').PlanEntry[]} */
  const plan = planned.map(({ name, title, session }) => ({ name, title, session }));
  writeJsonAtomic(path.join(dir, FILES.plan), plan);
  for (const scenario of planned.filter((s) => s.session === session)) {
    /** @type {ScenarioResult} */
    const result = {
      name: scenario.name,
      title: scenario.title,
      session,
      passed: false,
      message: '',
      notes: [],
      skipped: [],
      ms: 0,
      startMs: 0,
    };
    /** @type {(() => unknown)[]} */
    const cleanups = [];
    /** @type {Set<string>} */
    const opened = new Set();
    /** @type {Context} */
    const ctx = {
      expected,
      page,
      workspace,
      file: (name) => vscode.Uri.file(path.join(workspace, name)),
      async open(uri, options) {
        const shown = await open(uri, options);
        // A pristine file opened for the first time in this scenario has its pristine text.
        const relative = path.relative(workspace, uri.fsPath).split(path.sep).join('/');
        const text = uri.scheme === 'file' ? pristine?.files.get(relative) : undefined;
        if (text !== undefined && !opened.has(relative)) {
          opened.add(relative);
          assert(
            shown.document.getText() === text,
            `${relative} is not pristine when the scenario opens it (an earlier scenario's leftovers)`,
          );
        }
        return shown;
      },
      note: (text) => result.notes.push(text),
      skip: (what) => result.skipped.push(what),
      cleanup: (fn) => cleanups.push(fn),
      activations,
    };
    log(`scenario ${scenario.name}: ${scenario.title}`);
    appendProgress(dir, { event: 'start', name: scenario.name, title: scenario.title, session });
    let t0 = Date.now();
    try {
      if (fatal || !pristine) throw new Failure(fatal ?? 'no pristine workspace');
      const ready = pristine;
      try {
        await withTimeout(
          (async () => {
            await startFromPristine(ready);
            if (session === 'trusted') await waitForServerSettled(expected, workspace);
          })(),
          RESET_TIMEOUT_MS,
          'the pristine start',
        );
      } catch (error) {
        throw new Failure(`could not start from the pristine workspace: ${messageOf(error)}`);
      }
      result.startMs = Date.now() - t0;
      t0 = Date.now();
      await withTimeout(scenario.run(ctx), SCENARIO_TIMEOUT_MS, `scenario ${scenario.name}`);
      result.passed = true;
    } catch (error) {
      result.message =
        error instanceof Failure
          ? error.message
          : `${error instanceof Error ? error.stack : error}`.slice(0, 2000);
    }
    result.ms = Date.now() - t0;
    try {
      // The page as it is now, kept when the scenario failed.
      await page.ask('scenarioEnd', { name: scenario.name, passed: result.passed });
    } catch (error) {
      result.notes.push(`screenshot: ${messageOf(error)}`);
    }
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        result.notes.push(`clean-up: ${messageOf(error)}`);
      }
    }
    results.push(result);
    appendProgress(dir, { event: 'end', ...result });
  }
  return { vscodeVersion: vscode.version, scenarios: results, ms: Date.now() - started };
}

module.exports = { runSuite, scenarios };
