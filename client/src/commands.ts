// The palette commands (category "MLSD"). Each asks the server for data through the custom requests
// of common/src/protocol.ts and only does the editor side: quick picks, edits, navigation.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Commands, type CommandId } from '../../common/src/commands';
import {
  CoverageRequest,
  InsertMissingStepsRequest,
  RulesRequest,
  type CoverageResult,
  type RuleInfo,
} from '../../common/src/protocol';
import type { ServerHost } from './host';
import { askFollowUp } from './followUp';
import { newDesign } from './newDesign';
import type { PracticeController, StartArguments } from './practice/controller';
import { requestType } from './requestType';

export function registerCommands(
  context: vscode.ExtensionContext,
  host: ServerHost,
  beforeRestart: () => void,
  practice: PracticeController,
): vscode.Disposable[] {
  // One handler per command id: the compiler checks that every command has one.
  const handlers: Record<CommandId, (...args: unknown[]) => Promise<void>> = {
    [Commands.newDesign]: () => newDesign(host),
    [Commands.insertMissingSteps]: () => insertMissingSteps(host),
    [Commands.showCoverage]: () => showCoverage(host),
    [Commands.askFollowUp]: () => askFollowUp(host),
    [Commands.restartServer]: async () => {
      beforeRestart();
      await host.reconcile(true);
      if (host.current) vscode.window.setStatusBarMessage('MLSD: language server restarted', 3000);
      else void vscode.window.showInformationMessage('MLSD is turned off (setting "mlsd.enable").');
    },
    [Commands.openRuleDocumentation]: (rule?: unknown) =>
      openRuleDocumentation(context, host, rule),
    [Commands.revealPosition]: (uri?: unknown, line?: unknown, character?: unknown) =>
      revealPosition(uri, line, character),
    [Commands.startPractice]: (args?: unknown) => practice.start(startArguments(args)),
    [Commands.pausePractice]: () => practice.pause(),
    [Commands.resumePractice]: () => practice.resume(),
    [Commands.stopPractice]: () => practice.stop(),
    [Commands.practiceMenu]: () => practice.menu(),
    [Commands.advancePracticeClock]: async (ms?: unknown) => {
      if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0) practice.advanceClock(ms);
    },
  };
  return Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => run(() => handler(...args))),
  );
}

/** The arguments a keybinding or a test may give "Start Practice Interview"; others are ignored. */
function startArguments(args: unknown): StartArguments {
  if (typeof args !== 'object' || args === null) return {};
  const given = args as Record<string, unknown>;
  return {
    ...(typeof given.caseStudy === 'string' ? { caseStudy: given.caseStudy } : {}),
    ...(typeof given.prompt === 'string' ? { prompt: given.prompt } : {}),
    ...(typeof given.minutes === 'number' ? { minutes: given.minutes } : {}),
    ...(given.folder instanceof vscode.Uri ? { folder: given.folder } : {}),
  };
}

async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    void vscode.window.showErrorMessage(
      `MLSD: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function activeDesign(host: ServerHost): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !host.isDesign(editor.document)) {
    throw new Error('open a design file (*.mlsd.md) first.');
  }
  return editor;
}

function uriOf(client: LanguageClient, document: vscode.TextDocument): string {
  return client.code2ProtocolConverter.asUri(document.uri);
}

async function insertMissingSteps(host: ServerHost): Promise<void> {
  const editor = activeDesign(host);
  const client = await host.running();
  const document = editor.document;
  const version = document.version;
  const result = await client.sendRequest(requestType(InsertMissingStepsRequest), {
    uri: uriOf(client, document),
  });
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(
      result.blocked?.length
        ? 'MLSD: the missing steps would land inside a code block or HTML comment that is never closed; close it, then run the command again.'
        : 'MLSD: no step is missing.',
    );
    return;
  }
  if (document.version !== version) {
    throw new Error('the design changed while the steps were computed; run the command again.');
  }
  const edit = new vscode.WorkspaceEdit();
  for (const { range, newText } of result.edits) {
    edit.replace(
      document.uri,
      new vscode.Range(
        range.start.line,
        range.start.character,
        range.end.line,
        range.end.character,
      ),
      newText,
    );
  }
  if (!(await vscode.workspace.applyEdit(edit)))
    throw new Error('the steps could not be inserted.');
  const count = result.inserted.length;
  vscode.window.setStatusBarMessage(
    `MLSD: inserted ${count} missing step${count === 1 ? '' : 's'}`,
    4000,
  );
}

interface LineItem extends vscode.QuickPickItem {
  line?: number;
}

export function coverageItems(result: CoverageResult): LineItem[] {
  const items: LineItem[] = [];
  for (const step of result.steps) {
    const name = `${step.number}. ${step.title}`;
    if (!step.present) {
      items.push({
        label: `$(circle-slash) ${name}`,
        description: 'missing',
        detail: '"MLSD: Insert Missing Steps" adds it here with its template',
        line: step.insertLine,
      });
      continue;
    }
    const complete = step.missingRequired.length === 0;
    items.push({
      label: `${complete ? '$(pass)' : '$(circle-large-outline)'} ${name}`,
      description: `${step.requiredCovered}/${step.requiredTotal} required topics · ${step.words} words`,
      line: step.line,
    });
    for (const topic of step.missingRequired) {
      items.push({
        label: `$(blank) $(dash) ${topic.title}`,
        description: 'not covered',
        line: step.line,
      });
    }
  }
  return items;
}

async function showCoverage(host: ServerHost): Promise<void> {
  const editor = activeDesign(host);
  const client = await host.running();
  const result = await client.sendRequest(requestType(CoverageRequest), {
    uri: uriOf(client, editor.document),
  });
  if (!result?.isDesign)
    throw new Error('the language server does not treat this file as a design.');
  const picked = await vscode.window.showQuickPick(coverageItems(result), {
    title:
      `MLSD coverage: ${result.stepsPresent}/${result.stepsTotal} steps, ` +
      `${result.requiredCovered}/${result.requiredTotal} required topics`,
    placeHolder: 'Pick a step or topic to go to it',
    matchOnDescription: true,
  });
  if (picked?.line === undefined) return;
  const target =
    vscode.window.activeTextEditor?.document === editor.document
      ? vscode.window.activeTextEditor
      : await vscode.window.showTextDocument(editor.document);
  const line = Math.max(0, Math.min(picked.line, target.document.lineCount - 1));
  const position = target.document.lineAt(line).range.end;
  target.selection = new vscode.Selection(position, position);
  target.revealRange(
    new vscode.Range(position, position),
    vscode.TextEditorRevealType.InCenterIfOutsideViewport,
  );
}

async function ruleCatalogue(
  context: vscode.ExtensionContext,
  host: ServerHost,
): Promise<RuleInfo[]> {
  try {
    const client = await host.running();
    return (await client.sendRequest(requestType(RulesRequest))).rules;
  } catch {
    // No server: the pages shipped with the extension still say which rules there are.
    const dir = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
    const entries = await vscode.workspace.fs.readDirectory(dir);
    const rules: RuleInfo[] = [];
    for (const [file] of entries.filter(([name]) => /^MLSD\d{3}\.md$/.test(name)).sort()) {
      const page = vscode.Uri.joinPath(dir, file);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
      const [, id = file.slice(0, -3), name = ''] = /^#\s+(MLSD\d{3})\s+(\S+)/m.exec(text) ?? [];
      rules.push({ id, name, description: '', defaultSeverity: '', docs: page.toString() });
    }
    return rules;
  }
}

/** The rule an argument names: "MLSD006", "missing-topic", or an object with one of those. */
function ruleKey(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument.trim();
  if (argument && typeof argument === 'object') {
    for (const key of ['id', 'ruleId', 'rule', 'value', 'name']) {
      const value = (argument as Record<string, unknown>)[key];
      if (typeof value === 'string') return value.trim();
    }
  }
  return undefined;
}

async function openRuleDocumentation(
  context: vscode.ExtensionContext,
  host: ServerHost,
  argument: unknown,
): Promise<void> {
  const rules = await ruleCatalogue(context, host);
  const key = ruleKey(argument)?.toLowerCase();
  let rule: RuleInfo | undefined;
  if (key) {
    rule = rules.find((r) => r.id.toLowerCase() === key || r.name === key);
    if (!rule) throw new Error(`there is no rule "${key}".`);
  } else {
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({
        label: r.id,
        description: [r.name, r.defaultSeverity && `default: ${r.defaultSeverity}`]
          .filter(Boolean)
          .join(' · '),
        detail: r.description || undefined,
        rule: r,
      })),
      {
        title: 'MLSD rules',
        placeHolder: 'Pick a rule to read its documentation',
        matchOnDescription: true,
      },
    );
    rule = picked?.rule;
  }
  if (!rule) return;
  const shipped = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule.id}.md`);
  let page = shipped;
  try {
    await vscode.workspace.fs.stat(shipped);
  } catch {
    page = vscode.Uri.parse(rule.docs);
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

/**
 * Puts the cursor at a position of a document (a quick fix that inserts a step names the end of
 * its heading) and scrolls to it; nothing when the arguments are not a position.
 */
async function revealPosition(uri: unknown, line: unknown, character: unknown): Promise<void> {
  if (typeof uri !== 'string' || typeof line !== 'number' || typeof character !== 'number') return;
  const target = vscode.Uri.parse(uri);
  const editor =
    vscode.window.activeTextEditor?.document.uri.toString() === target.toString()
      ? vscode.window.activeTextEditor
      : await vscode.window.showTextDocument(target);
  const position = editor.document.validatePosition(new vscode.Position(line, character));
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(
    new vscode.Range(position, position),
    vscode.TextEditorRevealType.InCenterIfOutsideViewport,
  );
}
