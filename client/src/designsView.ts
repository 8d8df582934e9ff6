// The Designs view in the Explorer: every design of the workspace (the server's `mlsd/designs`,
// found by its workspace scan; open designs only where there is no scan) with its case study,
// steps written, required topics covered and last practice time, what needs work first.
// Clicking a design opens it. It refreshes when the server says the findings changed, when the
// server is replaced, and when practice sessions change.
import * as vscode from 'vscode';
import {
  DESIGNS_CHANGED_NOTIFICATION,
  DesignsRequest,
  type DesignsResult,
} from '../../common/src/protocol';
import {
  designName,
  ORDER_DESCRIPTION,
  rowDescription,
  sortByNeed,
  type DesignRow,
} from './designOrder';
import type { ServerHost } from './host';
import { lastPracticeTimes, practiceSessionsChanged } from './practiceSessions';
import { requestType } from './requestType';

export const DESIGNS_VIEW_ID = 'mlsd.designs';

export class DesignsView implements vscode.TreeDataProvider<DesignRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<DesignRow>;
  private readonly disposables: vscode.Disposable[] = [];
  private listening: unknown;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ServerHost,
    private readonly state: vscode.Memento,
  ) {
    this.view = vscode.window.createTreeView(DESIGNS_VIEW_ID, { treeDataProvider: this });
    this.view.description = ORDER_DESCRIPTION;
    this.disposables.push(
      this.view,
      this.changed,
      host.onDidChange(() => {
        this.listen();
        this.refresh();
      }),
      practiceSessionsChanged.event(() => this.refresh()),
    );
    this.listen();
  }

  /** Asks the server again (the practice code calls it too, through practiceSessionsChanged). */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), 50);
  }

  private listen(): void {
    const client = this.host.current;
    if (!client || this.listening === client) return;
    this.listening = client;
    this.disposables.push(
      client.onNotification(DESIGNS_CHANGED_NOTIFICATION, () => this.refresh()),
    );
  }

  async getChildren(element?: DesignRow): Promise<DesignRow[]> {
    if (element) return [];
    const client = this.host.current;
    if (!client?.isRunning()) {
      this.view.message = undefined;
      return [];
    }
    let result: DesignsResult;
    try {
      result = await client.sendRequest(requestType(DesignsRequest));
    } catch {
      return []; // the server is restarting: its start refreshes the view
    }
    this.view.message = result.scanning ? 'Checking the designs of the workspace…' : undefined;
    const practised = lastPracticeTimes(this.state);
    const rows = result.designs.map((summary) => ({
      ...summary,
      lastPractice: practised.get(vscode.Uri.parse(summary.uri).toString()),
    }));
    return sortByNeed(rows);
  }

  getTreeItem(row: DesignRow): vscode.TreeItem {
    const uri = vscode.Uri.parse(row.uri);
    const item = new vscode.TreeItem(designName(row.uri), vscode.TreeItemCollapsibleState.None);
    item.id = uri.toString();
    item.description = rowDescription(row, Date.now());
    const complete = row.requiredTotal > 0 && row.requiredCovered === row.requiredTotal;
    item.iconPath = new vscode.ThemeIcon(complete ? 'pass' : 'circle-large-outline');
    item.command = { command: 'vscode.open', title: 'Open Design', arguments: [uri] };
    item.contextValue = 'mlsd.design';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${designName(row.uri)}**  \n`);
    tooltip.appendText(vscode.workspace.asRelativePath(uri));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(
      `Case study: ${row.caseStudy?.title ?? 'none named'}\n` +
        `${rowDescription(row, Date.now())}\n` +
        `${row.problems} problem${row.problems === 1 ? '' : 's'}\n\n` +
        `Sorted by what needs work: ${ORDER_DESCRIPTION}.`,
    );
    item.tooltip = tooltip;
    if (row.caseStudy) item.description = `${row.caseStudy.title} · ${item.description}`;
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
