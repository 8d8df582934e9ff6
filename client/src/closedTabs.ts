// A design's problems go as soon as its last tab closes. VS Code tells the server a document is
// closed (didClose) only when it drops the document, seconds later or not at all while an
// extension holds it; until then the Problems panel kept listing a closed file's findings. The
// diagnostics the server sends are kept here, hidden while no tab shows the document, and shown
// again when a tab opens it (the server has nothing new to send then: the text did not change).
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';

/** How long after a document opens a tab may take to show it. */
const TAB_GRACE_MS = 500;

export class ClosedTabDiagnostics implements vscode.Disposable {
  /** The last diagnostics the server sent, by document URI. */
  private readonly latest = new Map<string, vscode.Diagnostic[]>();
  /** Documents whose last tab was closed, whose diagnostics are hidden. */
  private readonly hidden = new Set<string>();
  /** Documents whose last tab was closed, which the server was told of. */
  private readonly told = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly collection: () => vscode.DiagnosticCollection | undefined,
    /**
     * Where the server checks the designs of the workspace on disk: it is told instead (`closed`
     * true when the last tab closed, false when a tab shows the design again) and sends the
     * findings of the file on disk, or none. Undefined elsewhere: the client hides them itself.
     */
    private readonly tellServer: (uri: vscode.Uri, closed: boolean) => boolean = () => false,
  ) {
    this.subscription = vscode.window.tabGroups.onDidChangeTabs((event) => {
      const shown = shownUris();
      for (const tab of event.closed) {
        const uri = uriOf(tab);
        if (!uri || shown.has(uri.toString())) continue;
        if (this.told.has(uri.toString())) continue;
        if (this.tellServer(uri, true)) {
          this.told.add(uri.toString());
          continue;
        }
        if (!this.latest.has(uri.toString())) continue;
        this.hidden.add(uri.toString());
        this.collection()?.delete(uri);
      }
      for (const tab of [...event.opened, ...event.changed]) {
        const uri = uriOf(tab);
        if (uri && this.told.delete(uri.toString())) this.tellServer(uri, false);
        if (!uri || !this.hidden.delete(uri.toString())) continue;
        this.collection()?.set(uri, this.latest.get(uri.toString()) ?? []);
      }
    });
  }

  /** The client's middleware: keeps what the server sends, and shows it unless hidden. */
  readonly middleware: Middleware = {
    // A document opened with no tab (held by VS Code after its tab closed, sent again to a
    // restarted server; or opened by an extension): the server is told no tab shows it.
    didOpen: async (document, next) => {
      await next(document);
      const key = document.uri.toString();
      setTimeout(() => {
        if (document.isClosed || shownUris().has(key)) return;
        if (this.tellServer(document.uri, true)) this.told.add(key);
      }, TAB_GRACE_MS);
    },
    handleDiagnostics: (uri, diagnostics, next) => {
      const key = uri.toString();
      if (diagnostics.length === 0) {
        this.latest.delete(key);
        this.hidden.delete(key);
      } else {
        this.latest.set(key, diagnostics);
      }
      next(uri, this.hidden.has(key) ? [] : diagnostics);
    },
  };

  /** A new server sends everything again. */
  clear(): void {
    this.latest.clear();
    this.hidden.clear();
    this.told.clear();
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function uriOf(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

function shownUris(): Set<string> {
  const shown = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const uri = uriOf(tab);
      if (uri) shown.add(uri.toString());
    }
  }
  return shown;
}
