// Practice mode in the editor: "MLSD: Start Practice Interview" creates the design and starts the
// clock; the status bar shows the time left and the current step's budget; a step's budget
// running out gives one gentle notice; pause, resume and stop; the live session is kept in
// workspaceState so it survives a window reload. At the end the session's record is kept (key
// PRACTICE_SESSIONS_KEY, shared with the Designs view) and the report opens (report.ts).
// The state machine is session.ts; the clock is injected (clock.ts).
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/commands';
import {
  PRACTICE_SESSIONS_KEY,
  PracticeStartRequest,
  type PracticeSessionRecord,
} from '../../../common/src/practice';
import {
  CoverageRequest,
  TemplatesRequest,
  type CoverageResult,
} from '../../../common/src/protocol';
import type { ServerHost } from '../host';
import { freeName } from '../newDesign';
import { requestType } from '../requestType';
import type { Clock, Ticker } from './clock';
import { showPracticeReport } from './report';
import {
  finishSession,
  overBudgetMessage,
  pause,
  restoreSession,
  resume,
  setCurrentStep,
  startSession,
  statusText,
  tick,
  type PracticeEvent,
  type PracticeState,
} from './session';

/** workspaceState key of the running session (one at a time). */
export const ACTIVE_SESSION_KEY = 'mlsd.practice.active';
const TICK_MS = 1000;
/** Save the running session every this many ticks (and at every change of state). */
const SAVE_EVERY_TICKS = 5;
const DEFAULT_MINUTES = 45;

/** What "Start Practice Interview" may be given instead of asking (a keybinding, a test). */
export interface StartArguments {
  caseStudy?: string;
  prompt?: string;
  /** The framework of the user's own prompt (a case study brings its own). */
  framework?: string;
  minutes?: number;
  /** Folder to create the design in (else the workspace's, or the active file's). */
  folder?: vscode.Uri;
}

type Sessions = Record<string, PracticeSessionRecord[]>;

export class PracticeController implements vscode.Disposable {
  private state: PracticeState | undefined;
  private ticker: Ticker | undefined;
  private ticks = 0;
  /** The step heading lines of the session's design, from the server's coverage answer. */
  private headings: { id: string; line: number }[] = [];
  private headingsTimer: ReturnType<typeof setTimeout> | undefined;
  private ending = false;
  private readonly item = vscode.window.createStatusBarItem(
    'mlsd.practice',
    vscode.StatusBarAlignment.Left,
    49,
  );
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly host: ServerHost,
    private readonly clock: Clock,
  ) {
    this.item.name = 'MLSD Practice';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (this.isSessionDesign(event.textEditor.document)) {
          this.moveTo(event.selections[0]?.active.line);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!this.isSessionDesign(event.document) || event.contentChanges.length === 0) return;
        this.moveTo(event.contentChanges[0].range.start.line);
        this.refreshHeadings(400);
      }),
      host.onDidChange(() => this.refreshHeadings(0)),
    );
    const saved = restoreSession(context.workspaceState.get(ACTIVE_SESSION_KEY));
    if (saved) {
      this.state = saved;
      this.startTicking();
      this.refreshHeadings(0);
    }
    this.render();
  }

  get session(): Readonly<PracticeState> | undefined {
    return this.state;
  }

  private isSessionDesign(document: vscode.TextDocument): boolean {
    return this.state !== undefined && document.uri.toString() === this.state.designUri;
  }

  // ── commands ───────────────────────────────────────────────────────────────────────────────

  async start(args: StartArguments = {}): Promise<void> {
    if (this.state) {
      const stop = 'Stop It and Start a New One';
      const choice = await vscode.window.showWarningMessage(
        'MLSD: a practice interview is running.',
        stop,
      );
      if (choice !== stop) return;
      await this.stop();
    }
    const client = await this.host.running();
    const choice = args.caseStudy || args.prompt ? args : await this.pickPrompt();
    if (!choice) return;
    const minutes =
      args.minutes ??
      vscode.workspace.getConfiguration('mlsd.practice').get<number>('minutes', DEFAULT_MINUTES);
    const started = await client.sendRequest(requestType(PracticeStartRequest), {
      caseStudy: choice.caseStudy,
      prompt: choice.prompt,
      framework: choice.framework,
      minutes,
    });
    const target = await freeName(args.folder ?? defaultFolder(), started.fileName);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(started.content));
    const document = await vscode.workspace.openTextDocument(target);
    const editor = await vscode.window.showTextDocument(document);
    // The cursor at the end of the prompt: the first step is where the answer starts.
    const stateMinutes = Math.round(
      started.steps.reduce((sum, step) => sum + step.budgetSeconds, 0) / 60,
    );
    this.state = startSession({
      designUri: document.uri.toString(),
      ...(choice.caseStudy ? { caseStudy: choice.caseStudy } : {}),
      minutes: stateMinutes,
      steps: started.steps,
      now: this.clock.now(),
    });
    this.headings = [];
    this.startTicking();
    await this.save();
    this.refreshHeadings(0);
    this.moveTo(editor.selection.active.line);
    this.render();
  }

  /** The case study, or the user's own prompt with the framework to practise it with. */
  private async pickPrompt(): Promise<StartArguments | undefined> {
    const client = await this.host.running();
    const { templates } = await client.sendRequest(requestType(TemplatesRequest));
    // "blank" is the default framework's blank design, "framework:<id>" another framework's.
    const isFramework = (id: string) => id === 'blank' || id.startsWith('framework:');
    const studies = templates.filter((t) => !isFramework(t.id));
    type Item = vscode.QuickPickItem & { pick: StartArguments };
    const random = studies[Math.floor(Math.random() * studies.length)];
    const items: Item[] = [
      {
        label: '$(question) Random case study',
        detail: 'One of the case studies, by chance',
        pick: { caseStudy: random?.id },
      },
      ...templates
        .filter((t) => isFramework(t.id))
        .map((t) => ({
          label: '$(edit) My own prompt…',
          description: t.id.slice('framework:'.length) || undefined,
          detail: `You type the question; ${t.description}`,
          pick: t.id === 'blank' ? {} : { framework: t.id.slice('framework:'.length) },
        })),
      { label: 'Case studies', kind: vscode.QuickPickItemKind.Separator, pick: {} },
      ...studies.map((t) => ({
        label: `$(book) ${t.title}`,
        description: t.id,
        detail: t.description,
        pick: { caseStudy: t.id },
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: 'MLSD: Start Practice Interview',
      placeHolder: 'Pick the interview question',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked || picked.pick.caseStudy) return picked?.pick;
    const prompt = await vscode.window.showInputBox({
      title: 'MLSD: Start Practice Interview',
      prompt: 'The interview question, as the interviewer would ask it',
      placeHolder: 'Design a system that…',
      validateInput: (value) => (value.trim() ? undefined : 'Type the question'),
    });
    return prompt?.trim() ? { ...picked.pick, prompt: prompt.trim() } : undefined;
  }

  async pause(): Promise<void> {
    if (!this.state || this.state.paused) return;
    this.handle(pause(this.state, this.clock.now()));
    await this.save();
    this.render();
  }

  async resume(): Promise<void> {
    if (!this.state || !this.state.paused) return;
    resume(this.state, this.clock.now());
    await this.save();
    this.render();
  }

  /** Ends the session: keeps its record and opens the report beside the design. */
  async stop(): Promise<void> {
    const state = this.state;
    if (!state || this.ending) return;
    this.ending = true;
    try {
      this.ticker?.dispose();
      this.ticker = undefined;
      const coverage = await this.coverage(state.designUri);
      const record = finishSession(state, this.clock.now(), {
        requiredCovered: coverage?.requiredCovered ?? 0,
        requiredTotal: coverage?.requiredTotal ?? 0,
      });
      const sessions = { ...this.context.workspaceState.get<Sessions>(PRACTICE_SESSIONS_KEY, {}) };
      const list = [
        ...(Array.isArray(sessions[state.designUri]) ? sessions[state.designUri] : []),
        record,
      ];
      sessions[state.designUri] = list;
      await this.context.workspaceState.update(PRACTICE_SESSIONS_KEY, sessions);
      this.state = undefined;
      await this.context.workspaceState.update(ACTIVE_SESSION_KEY, undefined);
      this.render();
      await showPracticeReport(this.context, this.host, vscode.Uri.parse(state.designUri), list);
    } finally {
      this.ending = false;
    }
  }

  async menu(): Promise<void> {
    if (!this.state) {
      await this.start();
      return;
    }
    const items = [
      this.state.paused
        ? { label: '$(debug-continue) Resume', run: () => this.resume() }
        : { label: '$(debug-pause) Pause', run: () => this.pause() },
      { label: '$(debug-stop) Stop and show the report', run: () => this.stop() },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: `MLSD Practice: ${statusText(this.state)}`,
    });
    await picked?.run();
  }

  /** Test-only: the clock moves `ms` forward, ticking as it goes. */
  advanceClock(ms: number): void {
    const clock = this.clock as Clock & { advance?: (ms: number) => void };
    clock.advance?.(ms);
  }

  // ── the clock ──────────────────────────────────────────────────────────────────────────────

  private startTicking(): void {
    this.ticker?.dispose();
    this.ticks = 0;
    this.ticker = this.clock.every(TICK_MS, () => this.onTick());
  }

  private onTick(): void {
    if (!this.state) return;
    const events = tick(this.state, this.clock.now());
    this.handle(events);
    this.render();
    if (events.length > 0 || ++this.ticks % SAVE_EVERY_TICKS === 0) void this.save();
  }

  private handle(events: PracticeEvent[]): void {
    for (const event of events) {
      if (event.kind === 'timeUp') {
        void vscode.window.showInformationMessage(
          'MLSD: time is up. Here is your practice report.',
        );
        void this.stop();
      } else if (vscode.workspace.getConfiguration('mlsd.practice').get('stepNotices', true)) {
        void vscode.window.showInformationMessage(`MLSD: ${overBudgetMessage(event)}`);
      }
    }
  }

  /** The step whose section holds `line` becomes current. */
  private moveTo(line: number | undefined): void {
    if (!this.state || line === undefined) return;
    let step: string | undefined;
    for (const heading of this.headings) if (heading.line <= line) step = heading.id;
    if (step === undefined && this.headings.length === 0) return; // not known yet
    this.handle(setCurrentStep(this.state, step, this.clock.now()));
    this.render();
  }

  private refreshHeadings(delay: number): void {
    clearTimeout(this.headingsTimer);
    this.headingsTimer = setTimeout(() => {
      const uri = this.state?.designUri;
      if (!uri) return;
      void this.coverage(uri).then((coverage) => {
        if (!coverage || this.state?.designUri !== uri) return;
        this.headings = coverage.steps
          .filter((s) => s.line !== undefined)
          .map((s) => ({ id: s.id, line: s.line! }))
          .sort((a, b) => a.line - b.line);
        const editor = vscode.window.visibleTextEditors.find(
          (e) => e.document.uri.toString() === uri,
        );
        if (editor && vscode.window.activeTextEditor === editor) {
          this.moveTo(editor.selection.active.line);
        }
      });
    }, delay);
  }

  private async coverage(uri: string): Promise<CoverageResult | null> {
    const client = this.host.current;
    if (!client?.isRunning()) return null;
    try {
      return await client.sendRequest(requestType(CoverageRequest), { uri });
    } catch {
      return null; // the server is restarting: the next change asks again
    }
  }

  private save(): Thenable<void> {
    return this.context.workspaceState.update(
      ACTIVE_SESSION_KEY,
      this.state ? JSON.parse(JSON.stringify(this.state)) : undefined,
    );
  }

  /** The context keys last set, so that a tick sets none. */
  private contextKeys: string | undefined;

  private render(): void {
    // The palette's Pause / Resume / Stop show only when they apply.
    const keys = `${Boolean(this.state)}|${Boolean(this.state?.paused)}`;
    if (keys !== this.contextKeys) {
      this.contextKeys = keys;
      void vscode.commands.executeCommand(
        'setContext',
        'mlsd.practice.running',
        Boolean(this.state),
      );
      void vscode.commands.executeCommand(
        'setContext',
        'mlsd.practice.paused',
        Boolean(this.state?.paused),
      );
    }
    if (this.state) {
      this.item.text = `${this.state.paused ? '$(debug-pause)' : '$(watch)'} ${statusText(this.state)}`;
      this.item.tooltip = 'MLSD practice interview: click to pause, resume or stop';
      this.item.command = Commands.practiceMenu;
      this.item.show();
      return;
    }
    const document = vscode.window.activeTextEditor?.document;
    if (document && this.host.isDesign(document)) {
      this.item.text = '$(watch) Practice';
      this.item.tooltip = 'MLSD: Start Practice Interview';
      this.item.command = Commands.startPractice;
      this.item.show();
    } else {
      this.item.hide();
    }
  }

  dispose(): void {
    clearTimeout(this.headingsTimer);
    this.ticker?.dispose();
    if (this.state) void this.save();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function defaultFolder(): vscode.Uri {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder =
    (active && vscode.workspace.getWorkspaceFolder(active)) ??
    vscode.workspace.workspaceFolders?.[0];
  if (folder) return folder.uri;
  if (active?.scheme === 'file') return vscode.Uri.joinPath(active, '..');
  throw new Error('open a folder first: the practice design is saved in it.');
}
