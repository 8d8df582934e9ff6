// The editor scenarios, run inside a real VS Code's extension host (code-server, or desktop VS Code
// with @vscode/test-electron) against the installed mlsd extension. Each scenario is an assertion
// through the `vscode` API; what only the page shows is asked of the page runner (page.js).
// Expectations (the CLI's findings, the snippet's text, the templates) come from `expected.json`,
// written by the runner from `mlsd check` and the language server before the editor starts.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { sleep, writeJsonAtomic } = require('./page');

const NEWS = 'incomplete-news-feed.mlsd.md';
const SCENARIO_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// Helpers

class Failure extends Error {}

function assert(condition, message) {
  if (!condition) throw new Failure(typeof message === 'function' ? message() : message);
}

/**
 * Polls `probe` (sync or async) until it returns a truthy value, and returns it. On time-out,
 * fails with `what` and, when given, `describe()` of the last state.
 */
async function waitFor(what, probe, { timeoutMs = 20_000, intervalMs = 50, describe } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value;
    try {
      value = await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (value) return value;
    if (Date.now() > deadline) {
      let state = '';
      try {
        state = describe ? `; last seen: ${describe()}` : '';
      } catch (error) {
        state = `; (describing the state failed: ${error.message})`;
      }
      throw new Failure(`timed out after ${timeoutMs / 1000} s waiting for ${what}${state}`);
    }
    await sleep(intervalMs);
  }
}

const ruleOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
const mlsdDiagnostics = (uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlsd');

const SEVERITY = { error: 0, warning: 1, info: 2, information: 2, hint: 3 };
const SEVERITY_NAME = ['error', 'warning', 'info', 'hint'];

/** A finding of `mlsd check --format json` (1-based, end exclusive) in VS Code's terms. */
function fromCli(d) {
  return {
    rule: d.ruleId,
    severity: SEVERITY[d.severity],
    message: d.message,
    range: [d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1],
  };
}

function fromEditor(d) {
  return {
    rule: ruleOf(d),
    severity: d.severity,
    message: d.message,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  };
}

const show = (d) =>
  `${d.rule} ${SEVERITY_NAME[d.severity]} [${d.range[0] + 1}:${d.range[1] + 1}-${d.range[2] + 1}:${d.range[3] + 1}] ${d.message.slice(0, 70)}`;

/** What is in one list of findings and not in the other (as multisets). */
function difference(actual, expected) {
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
    return { rule, severity, message, range };
  });
  return { missing, extra, same: missing.length === 0 && extra.length === 0 };
}

function describeDifference({ missing, extra }) {
  const parts = [];
  if (missing.length) parts.push(`missing: ${missing.map(show).join(' | ')}`);
  if (extra.length) parts.push(`unexpected: ${extra.map(show).join(' | ')}`);
  return parts.join('; ') || 'none';
}

async function open(uri, options = {}) {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false, ...options });
  return { document, editor };
}

/** Waits until the editor's mlsd findings for `uri` equal `expected` (CLI findings). */
async function waitForFindings(uri, expected, what, timeoutMs = 30_000) {
  await waitFor(what, () => difference(mlsdDiagnostics(uri).map(fromEditor), expected).same, {
    timeoutMs,
    describe: () => describeDifference(difference(mlsdDiagnostics(uri).map(fromEditor), expected)),
  });
}

/** Reverts unsaved changes and closes every editor. */
async function resetEditors() {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    try {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } catch {
      // A document that cannot be shown (an output channel) is not the test's.
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function removeFile(file) {
  fs.rmSync(file, { force: true });
}

/** The case-study title of a missing-step message: "Step 6 'Deployment and serving' is missing…". */
function stepOfMessage(message) {
  const match = /^Step (\d+) '([^']+)'/.exec(message);
  return match ? { number: Number(match[1]), title: match[2] } : undefined;
}

/** Shows the Problems panel and asks the page what it lists for `file` (see pageOps.problems). */
async function askProblems(ctx, args) {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  return ctx.page.ask('problems', args);
}

/** The page's Problems panel must list `expected` for `file` (when there is a page). */
async function checkProblemsPanel(ctx, file, expected, extra = {}) {
  const messages = expected.map((d) => d.message);
  const answer = await askProblems(ctx, {
    file,
    count: expected.length,
    present: messages,
    ...extra,
  });
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

const scenarios = [
  {
    name: 'missing-step warnings in the Problems panel, where the server says',
    async run(ctx) {
      const uri = ctx.file(NEWS);
      const { editor } = await open(uri);
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
    name: 'the quick fix inserts one missing step; its warning goes, the rest of the text stays',
    async run(ctx) {
      const uri = ctx.file(NEWS);
      const { document } = await open(uri);
      const expected = ctx.expected.news.diagnostics.map(fromCli);
      await waitForFindings(uri, expected, `the findings for ${NEWS}`);
      const original = document.getText();
      const target = mlsdDiagnostics(uri).find((d) => ruleOf(d) === 'MLSD001');
      const others = mlsdDiagnostics(uri).filter(
        (d) => ruleOf(d) === 'MLSD001' && d.message !== target.message,
      );
      const step = stepOfMessage(target.message);
      assert(step, `cannot read the step of "${target.message}"`);
      // The fix the finding carries: a quick fix titled after the step, with an edit (resolved).
      // The first request after the editor opens can come back empty from every provider (not
      // only mlsd's): ask again until it is there.
      let actions = [];
      let attempts = 0;
      const askedAt = Date.now();
      const fix = await waitFor(
        `the quick fix "Insert step ${step.number} …"`,
        async () => {
          attempts++;
          actions =
            (await vscode.commands.executeCommand(
              'vscode.executeCodeActionProvider',
              uri,
              target.range,
              vscode.CodeActionKind.QuickFix.value,
              20,
            )) ?? [];
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
      if (fix.diagnostics?.length) {
        assert(
          fix.diagnostics.some((d) => d.message === target.message),
          () =>
            `"${fix.title}" is attached to other findings: ` +
            fix.diagnostics.map((d) => d.message).join(' | '),
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
    name: 'the mlsd snippet in a new design inserts the 7-step template; empty-step findings',
    async run(ctx) {
      const file = path.join(ctx.workspace, 'x.mlsd.md');
      removeFile(file);
      ctx.cleanup(() => removeFile(file));
      const fileUri = vscode.Uri.file(file);
      // A new untitled design with its future name, saved (empty) to x.mlsd.md.
      const untitled = fileUri.with({ scheme: 'untitled' });
      const { document: draft } = await open(untitled);
      assert(
        draft.languageId === 'markdown',
        `the new design is ${draft.languageId}, not markdown`,
      );
      const saving = draft.save();
      const dialog = await ctx.page.ask(
        'acceptSaveDialog',
        { file, fileName: 'x.mlsd.md' },
        10_000,
      );
      if (!dialog.skipped && dialog.accepted) ctx.note(`save dialog accepted: ${dialog.value}`);
      assert(await saving, 'the untitled design was not saved');
      await waitFor('x.mlsd.md on disk', () => fs.existsSync(file));
      ctx.note('untitled design saved as x.mlsd.md');
      await open(fileUri);
      const document = vscode.window.activeTextEditor.document;
      assert(document.uri.fsPath === file, `the active editor is ${document.uri.toString()}`);
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
    name: 'the status bar shows the coverage and updates after an edit',
    async run(ctx) {
      const uri = ctx.file(NEWS);
      const { document, editor } = await open(uri);
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
    name: '"MLSD: New Design…" with a case study creates the file from its template',
    async run(ctx) {
      const taken = new Set(fs.readdirSync(ctx.workspace));
      const template = ctx.expected.templates.find(
        (t) => t.id !== 'blank' && !taken.has(t.fileName),
      );
      assert(template, 'no case study whose file is not already in the workspace');
      const file = path.join(ctx.workspace, template.fileName);
      ctx.cleanup(() => removeFile(file));
      // An open design makes its folder the default place for the new file.
      await open(ctx.file(NEWS));
      const command = vscode.commands.executeCommand('mlsd.newDesign');
      const answer = await ctx.page.ask(
        'newDesign',
        { title: template.title, fileName: template.fileName },
        30_000,
      );
      if (answer.skipped) {
        // No page: answer the quick pick and the (simple) save dialog with commands.
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
      const text = vscode.window.activeTextEditor.document.getText();
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
    name: 'the Markdown preview opens for a .mlsd.md file',
    async run(ctx) {
      const uri = ctx.file(NEWS);
      const { document } = await open(uri);
      assert(document.languageId === 'markdown', `${NEWS} is ${document.languageId}, not markdown`);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      const tab = await waitFor('a Markdown preview tab', () =>
        vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .find(
            (t) =>
              t.input instanceof vscode.TabInputWebview &&
              /markdown\.preview/.test(t.input.viewType),
          ),
      );
      ctx.note(`preview tab "${tab.label}" (${tab.input.viewType})`);
      const title = /^#\s+(.+)$/m.exec(document.getText())[1].trim();
      const rendered = await ctx.page.ask('previewRendered', { text: title }, 30_000);
      if (rendered.skipped) ctx.skip('preview content (no page)');
      else {
        assert(rendered.satisfied, `the preview does not show the heading "${title}"`);
        ctx.note(`the preview renders "${title}" as <${rendered.tag}>`);
      }
    },
  },
  {
    name: 'a plain notes.md gets no mlsd diagnostics',
    async run(ctx) {
      const notes = path.join(ctx.workspace, 'notes.md');
      fs.writeFileSync(
        notes,
        '# Interview notes\n\n## 1. Clarifying requirements\n\nTODO: ask about the scale.\n\n' +
          '## 4. Model development\n\nTBD\n',
      );
      ctx.cleanup(() => removeFile(notes));
      const notesUri = vscode.Uri.file(notes);
      const { document: notesDocument } = await open(notesUri);
      assert(notesDocument.languageId === 'markdown', `notes.md is ${notesDocument.languageId}`);
      // Then a design, changed after notes.md was opened: once the change's finding is in, the
      // server has seen everything before it.
      const uri = ctx.file(NEWS);
      const { document, editor } = await open(uri);
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
    name: 'mlsd.rules {"missing-step": "off"} removes those warnings without a reload',
    async run(ctx) {
      const uri = ctx.file(NEWS);
      await open(uri);
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
    name: 'the language server killed twice: restarted each time, checking again, said once',
    async run(ctx) {
      if (process.platform !== 'linux') {
        ctx.skip('killing the server (finds its process in /proc, Linux only)');
        return;
      }
      const uri = ctx.file(NEWS);
      const { document, editor } = await open(uri);
      await waitForFindings(uri, ctx.expected.news.diagnostics.map(fromCli), 'the findings');
      ctx.cleanup(async () => {
        await vscode.commands.executeCommand('notifications.hideList');
        await vscode.commands.executeCommand('notifications.clearAll');
      });
      for (const round of [1, 2]) {
        const [pid] = await waitFor('the language server process', () => {
          const pids = languageServerPids();
          return pids.length === 1 && pids;
        });
        process.kill(pid, 'SIGKILL');
        const [restarted] = await waitFor(`a new language server after kill ${round}`, () => {
          const pids = languageServerPids();
          return pids.length === 1 && pids[0] !== pid && pids;
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
    name: 'Restricted Mode: designs are still checked; the folder cannot widen mlsd.files',
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
      const { document } = await open(uri);
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
      await open(notesUri);
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
      await waitFor(
        'notes.md to be checked once the user setting mlsd.files names it',
        () => mlsdDiagnostics(notesUri).some((d) => ruleOf(d) === 'MLSD007'),
        { timeoutMs: 30_000 },
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
// Runner

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Failure(`${what} did not finish within ${ms / 1000} s`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Runs the scenarios of `session` (or those of them whose number or name matches `only`), each with
 * its clean-up, and returns { vscodeVersion, scenarios: [{ name, passed, skipped, message, notes,
 * ms }], ms }. Writes `plan.json` first: the selected scenarios of every session, so that the
 * runner starts only the editors it needs.
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
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const results = [];
  const mlsd = vscode.extensions.getExtension('mlsd.mlsd');
  let fatal;
  if (!workspace) fatal = 'no workspace folder is open';
  else if (!mlsd) fatal = 'the mlsd extension (mlsd.mlsd) is not installed in this editor';
  else {
    try {
      await withTimeout(Promise.resolve(mlsd.activate()), 60_000, 'activating mlsd');
    } catch (error) {
      fatal = `the mlsd extension did not activate: ${error.message}`;
    }
  }
  const planned = scenarios
    .map((scenario, index) => ({ session: 'trusted', ...scenario, number: index + 1 }))
    .filter(
      (s) =>
        !only ||
        only.some((o) =>
          // A number picks that scenario ("7" is not the "7-step template" one); words, by name.
          /^\s*\d+\s*$/.test(String(o))
            ? Number(o) === s.number
            : s.name.toLowerCase().includes(String(o).trim().toLowerCase()),
        ),
    );
  writeJsonAtomic(
    path.join(dir, 'plan.json'),
    planned.map(({ number, name, session }) => ({ number, name, session })),
  );
  const selected = planned.filter((s) => s.session === session);
  for (const scenario of selected) {
    const result = {
      number: scenario.number,
      name: scenario.name,
      passed: false,
      message: '',
      notes: [],
      skipped: [],
      ms: 0,
    };
    const cleanups = [];
    const ctx = {
      expected,
      page,
      workspace,
      file: (name) => vscode.Uri.file(path.join(workspace, name)),
      note: (text) => result.notes.push(text),
      skip: (what) => result.skipped.push(what),
      cleanup: (fn) => cleanups.push(fn),
      activations,
    };
    const t0 = Date.now();
    log(`scenario ${scenario.number}: ${scenario.name}`);
    fs.appendFileSync(
      path.join(dir, 'progress.jsonl'),
      `${JSON.stringify({ event: 'start', number: scenario.number, name: scenario.name })}\n`,
    );
    try {
      if (fatal) throw new Failure(fatal);
      await withTimeout(scenario.run(ctx), SCENARIO_TIMEOUT_MS, `scenario ${scenario.number}`);
      result.passed = true;
    } catch (error) {
      result.message =
        error instanceof Failure ? error.message : `${error?.stack ?? error}`.slice(0, 2000);
    }
    result.ms = Date.now() - t0;
    try {
      // The page as it is now, kept when the scenario failed.
      await page.ask('scenarioEnd', {
        number: scenario.number,
        name: scenario.name,
        passed: result.passed,
      });
    } catch (error) {
      result.notes.push(`screenshot: ${error.message}`);
    }
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        result.notes.push(`clean-up: ${error.message}`);
      }
    }
    try {
      await withTimeout(resetEditors(), 20_000, 'closing the editors');
    } catch (error) {
      result.notes.push(`clean-up: ${error.message}`);
    }
    results.push(result);
    fs.appendFileSync(
      path.join(dir, 'progress.jsonl'),
      `${JSON.stringify({ event: 'end', ...result })}\n`,
    );
  }
  return { vscodeVersion: vscode.version, scenarios: results, ms: Date.now() - started };
}

module.exports = { runSuite, scenarios };
