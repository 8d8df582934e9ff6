// Workspace-wide checking: every design of the workspace has its findings in the Problems panel,
// not only the open ones. A scan at start lists the designs (through a DesignSource, the only
// disk access) and checks them one per turn of the event loop, so that the editor's requests and
// the edits of open designs (their own debounced path in server.ts) are served between two
// designs. The file watcher's events keep the set current. An open design's text wins over the
// disk: the checker skips it while it is open and checks the disk again when it closes. Nothing
// of a closed design's analysis is kept, only its summary for the Designs view.
import type { Diagnostic } from 'vscode-languageserver';
import type { DesignSummary } from '../../../common/src/protocol';
import type { DesignSource } from './designSource';

export interface CheckResult {
  diagnostics: Diagnostic[];
  summary: DesignSummary;
}

export interface ProgressReporter {
  report(done: number, total: number): void;
  done(): void;
  /** Set when the user cancelled the scan from the progress notification. */
  readonly cancelled: () => boolean;
}

export interface WorkspaceCheckerHost {
  /** The disk, or undefined where there is none (a browser build): only open designs are known. */
  source?: DesignSource;
  /** Whether the editor has the document open. */
  isOpen(uri: string): boolean;
  /** Checks a closed design's text; undefined when the settings say it is not to be checked. */
  check(uri: string, text: string): Promise<CheckResult | undefined>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** The summaries changed (debounced by the checker). */
  changed(): void;
  /** Shows progress for the first scan, when the client can. */
  progress(): Promise<ProgressReporter | undefined>;
}

/** What the watcher says of a file (LSP FileChangeType: 1 created, 2 changed, 3 deleted). */
export interface FileEvent {
  uri: string;
  type: 1 | 2 | 3;
}

const CHANGED_DEBOUNCE_MS = 250;
const PROGRESS_EVERY_MS = 200;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class WorkspaceChecker {
  // Keyed by path (keyOf): the editor and Node spell some file URIs differently ("%21" and "!").
  /** Designs on disk under the workspace folders: their URIs by key. */
  private readonly known = new Map<string, string>();
  private readonly summaries = new Map<string, DesignSummary>();
  private queue: string[] = [];
  private readonly queued = new Set<string>();
  private folders: string[] = [];
  private accept: (path: string) => boolean = () => false;
  private active = false;
  private generation = 0;
  private pumping = false;
  private scanning = false;
  private listing = false;
  private progress:
    { reporter: ProgressReporter; total: number; done: number; reportedAt: number } | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: WorkspaceCheckerHost) {}

  /** Whether a scan of the disk is possible at all. */
  get available(): boolean {
    return this.host.source !== undefined;
  }

  /** The summaries for the Designs view, and whether the first scan is still running. */
  designs(): { designs: DesignSummary[]; scanning: boolean } {
    return { designs: [...this.summaries.values()], scanning: this.scanning };
  }

  /**
   * (Re)scans the folders: lists their designs and checks each one not open. Designs no longer
   * found (a setting changed) lose their diagnostics.
   */
  async start(folders: readonly string[], accept: (path: string) => boolean): Promise<void> {
    const source = this.host.source;
    if (!source) return;
    const generation = ++this.generation;
    this.active = true;
    this.folders = folders.map((folder) => folder.replace(/\/+$/, ''));
    this.accept = accept;
    this.scanning = true;
    this.listing = true;
    this.clearQueue();
    this.endProgress();
    const reporter = await this.host.progress();
    const found = new Set<string>();
    const cancelled = () => generation !== this.generation || Boolean(reporter?.cancelled());
    for (const folder of this.folders) {
      try {
        for (const uri of await source.list(folder, accept, cancelled)) found.add(uri);
      } catch {
        // A folder that cannot be listed has no designs to check.
      }
    }
    if (generation !== this.generation) {
      reporter?.done();
      return;
    }
    this.listing = false;
    const foundKeys = new Set([...found].map((uri) => this.keyOf(uri)));
    for (const [key, uri] of [...this.known]) if (!foundKeys.has(key)) this.drop(uri);
    for (const uri of found) {
      this.known.set(this.keyOf(uri), uri);
      this.enqueue(uri);
    }
    this.progress = reporter ? { reporter, total: found.size, done: 0, reportedAt: 0 } : undefined;
    this.progress?.reporter.report(0, found.size);
    this.changedSoon();
    await this.pump();
  }

  /** Stops checking the workspace: closed designs lose their diagnostics and summaries. */
  stop(): void {
    this.generation++;
    this.active = false;
    this.scanning = false;
    this.listing = false;
    this.clearQueue();
    this.endProgress();
    for (const uri of [...this.known.values()]) this.drop(uri);
    this.changedSoon();
  }

  /** The watcher's events: created and changed designs are checked, deleted ones cleared. */
  fileEvents(events: readonly FileEvent[]): void {
    if (!this.active) return;
    for (const event of events) {
      if (event.type === 3) {
        // A deleted folder takes every design under it.
        const slashes = (key: string) => key.split('\\').join('/');
        const deleted = slashes(this.keyOf(event.uri)).replace(/\/+$/, '');
        for (const [key, uri] of [...this.known])
          if (slashes(key) === deleted || slashes(key).startsWith(`${deleted}/`)) this.drop(uri);
      } else if (this.inWorkspace(event.uri)) {
        this.known.set(this.keyOf(event.uri), event.uri);
        this.enqueue(event.uri);
      }
    }
    this.changedSoon();
    void this.pump();
  }

  /** An open design was analysed: its summary comes from the editor's text. */
  setOpenSummary(summary: DesignSummary): void {
    this.setSummary(this.keyOf(summary.uri), summary);
  }

  /** Keeps a summary; the view is told only when it says something new (not on every keystroke). */
  private setSummary(key: string, summary: DesignSummary): void {
    const previous = this.summaries.get(key);
    this.summaries.set(key, summary);
    if (!previous || JSON.stringify(previous) !== JSON.stringify(summary)) this.changedSoon();
  }

  /**
   * The editor closed a design. True when the checker takes it over (its findings on disk are
   * checked next, before the rest of the scan); false when the caller should clear it.
   */
  closed(uri: string): boolean {
    const key = this.keyOf(uri);
    if (this.active && this.known.has(key)) {
      this.enqueue(this.known.get(key)!, true);
      void this.pump();
      return true;
    }
    if (this.summaries.delete(key)) this.changedSoon();
    return false;
  }

  /** A file's key: its path, however its URI is spelled. */
  private keyOf(uri: string): string {
    return this.host.source?.pathOf(uri) || uri;
  }

  private inWorkspace(uri: string): boolean {
    const source = this.host.source;
    if (!source || !this.folders.some((folder) => uri.startsWith(`${folder}/`))) return false;
    const path = source.pathOf(uri);
    return path !== '' && this.accept(path);
  }

  private drop(uri: string): void {
    const key = this.keyOf(uri);
    this.known.delete(key);
    this.queued.delete(key);
    if (this.host.isOpen(uri)) return; // the editor's text is checked as before
    if (this.summaries.delete(key)) this.host.publish(uri, []);
  }

  private enqueue(uri: string, first = false): void {
    const key = this.keyOf(uri);
    if (this.queued.has(key)) {
      if (!first) return;
      this.queue = this.queue.filter((queued) => this.keyOf(queued) !== key);
    }
    this.queued.add(key);
    if (first) this.queue.unshift(uri);
    else this.queue.push(uri);
  }

  private clearQueue(): void {
    this.queue = [];
    this.queued.clear();
  }

  /** Checks the queued designs, one per turn of the event loop. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const progress = this.progress;
        if (progress?.reporter.cancelled()) {
          this.clearQueue(); // the rest stays unchecked until it changes or is opened
          break;
        }
        const uri = this.queue.shift()!;
        if (this.queued.delete(this.keyOf(uri))) await this.checkOne(uri);
        if (progress && progress === this.progress) {
          progress.done = Math.min(progress.done + 1, progress.total);
          if (Date.now() - progress.reportedAt >= PROGRESS_EVERY_MS) {
            progress.reportedAt = Date.now();
            progress.reporter.report(progress.done, progress.total);
          }
        }
        await nextTurn();
      }
    } finally {
      this.pumping = false;
      if (this.queue.length > 0) void this.pump();
      else if (!this.listing) {
        this.endProgress();
        this.scanning = false;
        this.changedSoon();
      }
    }
  }

  private endProgress(): void {
    this.progress?.reporter.done();
    this.progress = undefined;
  }

  private async checkOne(uri: string): Promise<void> {
    if (this.host.isOpen(uri) || !this.host.source) return;
    const text = await this.host.source.read(uri);
    const key = this.keyOf(uri);
    if (this.host.isOpen(uri) || !this.known.has(key)) return;
    if (text === undefined) {
      this.drop(uri); // gone since it was listed
      return;
    }
    let result: CheckResult | undefined;
    try {
      result = await this.host.check(uri, text);
    } catch {
      result = undefined;
    }
    // Opened, or deleted, while it was checked: the newer state has its own path.
    if (this.host.isOpen(uri) || !this.known.has(key)) return;
    if (!result) {
      if (this.summaries.delete(key)) this.host.publish(uri, []);
      return;
    }
    this.setSummary(key, result.summary);
    this.host.publish(uri, result.diagnostics);
  }

  private changedSoon(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.host.changed();
    }, CHANGED_DEBOUNCE_MS);
  }
}
