// The status bar item for the active design: steps present and required topics covered, from the
// server's `mlsd/coverage` answer. Hidden for any other editor.
import * as vscode from 'vscode';
import { Commands } from '../../common/src/commands';
import { CoverageRequest, DEFAULT_FRAMEWORK, type CoverageResult } from '../../common/src/protocol';
import type { ServerHost } from './host';
import { requestType } from './requestType';

const DEBOUNCE_MS = 250;

export class CoverageStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'mlsd.coverage',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  private generation = 0;

  /** `onCoverage` hears every answer from the server (the Markdown preview's badges use it). */
  constructor(
    private readonly host: ServerHost,
    private readonly onCoverage?: (uri: string, result: CoverageResult | null) => void,
  ) {
    this.item.name = 'MLSD Coverage';
    this.item.command = Commands.showCoverage;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active))
          this.schedule(DEBOUNCE_MS);
      }),
      host.onDidChange(() => this.schedule(0)),
    );
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    this.pending?.cancel();
    this.pending = undefined;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.host.isDesign(document)) {
      this.item.hide();
      return;
    }
    const client = this.host.current;
    if (!client?.isRunning()) {
      this.item.text = '$(checklist) MLSD';
      this.item.tooltip = 'MLSD: the language server is not running; see the MLSD output.';
      this.item.show();
      return;
    }
    const pending = new vscode.CancellationTokenSource();
    this.pending = pending;
    let result: CoverageResult | null;
    try {
      result = await client.sendRequest(
        requestType(CoverageRequest),
        { uri: client.code2ProtocolConverter.asUri(document.uri) },
        pending.token,
      );
    } catch {
      result = null; // cancelled by a newer update, or the server is restarting
    } finally {
      pending.dispose();
      if (this.pending === pending) this.pending = undefined;
    }
    if (generation !== this.generation) return;
    if (result) this.onCoverage?.(document.uri.toString(), result);
    if (!result?.isDesign) {
      this.item.hide();
      return;
    }
    // The framework is named when it is not the book's, so a team template is never mistaken for it.
    this.item.text =
      `$(checklist) MLSD ${result.stepsPresent}/${result.stepsTotal} · ${result.requiredCovered}/${result.requiredTotal}` +
      (result.framework === DEFAULT_FRAMEWORK ? '' : ` · ${result.framework}`);
    this.item.tooltip = tooltip(result);
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending?.cancel();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function tooltip(result: CoverageResult): vscode.MarkdownString {
  const lines = [
    `**MLSD**: ${result.stepsPresent} of ${result.stepsTotal} steps written, ` +
      `${result.requiredCovered} of ${result.requiredTotal} required topics covered` +
      (result.problem ? ` (case study \`${result.problem}\`)` : ''),
    '',
    `Checked against ${result.frameworkTitle ?? result.framework} (\`${result.framework}\`).`,
    '',
  ];
  for (const step of result.steps) {
    const state = !step.present
      ? 'missing'
      : `${step.written ? '' : 'not yet written, '}${step.requiredCovered}/${step.requiredTotal} topics`;
    const icon = !step.present
      ? '$(circle-slash)'
      : step.missingRequired.length > 0
        ? '$(circle-large-outline)'
        : '$(pass)';
    lines.push(`${icon} ${step.number}. ${step.title}: ${state}  `);
  }
  lines.push('', 'Click to list what is missing.');
  const markdown = new vscode.MarkdownString(lines.join('\n'), true);
  return markdown;
}
