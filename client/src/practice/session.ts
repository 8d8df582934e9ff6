// A practice session as a state machine, without VS Code: the clock's ticks add time to the step
// that is current, each step's budget running out gives one notice, the session's end gives one
// "time up"; pause and resume stop and restart the clock; the state is plain data, saved in
// workspaceState and restored after a window reload.
import type { PracticeSessionRecord, PracticeStep } from '../../../common/src/practice';

/** Time with no step current (the cursor above the first step heading): counted, not charted. */
export const NO_STEP = '_other';
/**
 * A gap between two ticks longer than this (a sleeping laptop, a closed window) is not practice
 * time: the session counts at most this much of it.
 */
export const MAX_TICK_GAP_MS = 60_000;

export interface PracticeState {
  version: 1;
  designUri: string;
  caseStudy?: string;
  startedAt: number;
  minutes: number;
  steps: PracticeStep[];
  stepSeconds: Record<string, number>;
  /** Practice time so far (pauses not counted). */
  elapsedSeconds: number;
  /** When time was last counted. */
  lastTickAt: number;
  paused: boolean;
  currentStep?: string;
  /** Steps whose budget notice was given. */
  noticed: string[];
  timeUp: boolean;
}

export type PracticeEvent =
  { kind: 'overBudget'; step: PracticeStep; next?: PracticeStep } | { kind: 'timeUp' };

export function startSession(options: {
  designUri: string;
  caseStudy?: string;
  minutes: number;
  steps: PracticeStep[];
  now: number;
}): PracticeState {
  return {
    version: 1,
    designUri: options.designUri,
    ...(options.caseStudy ? { caseStudy: options.caseStudy } : {}),
    startedAt: options.now,
    minutes: options.minutes,
    steps: options.steps,
    stepSeconds: {},
    elapsedSeconds: 0,
    lastTickAt: options.now,
    paused: false,
    noticed: [],
    timeUp: false,
  };
}

/** A saved state, if it is one (anything else in workspaceState is dropped, never trusted). */
export function restoreSession(saved: unknown): PracticeState | undefined {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const state = saved as Partial<PracticeState>;
  const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  if (
    state.version !== 1 ||
    typeof state.designUri !== 'string' ||
    !finite(state.startedAt) ||
    !finite(state.minutes) ||
    !finite(state.elapsedSeconds) ||
    !finite(state.lastTickAt) ||
    !Array.isArray(state.steps) ||
    typeof state.stepSeconds !== 'object' ||
    state.stepSeconds === null ||
    !Array.isArray(state.noticed)
  ) {
    return undefined;
  }
  return {
    ...(state as PracticeState),
    paused: Boolean(state.paused),
    timeUp: Boolean(state.timeUp),
  };
}

export function secondsLeft(state: PracticeState): number {
  return Math.max(0, state.minutes * 60 - state.elapsedSeconds);
}

/** The step with this id, if the session has it. */
export function stepOf(state: PracticeState, id: string | undefined): PracticeStep | undefined {
  return id === undefined ? undefined : state.steps.find((s) => s.id === id);
}

/**
 * Counts the time since the last tick (unless paused) for the current step and says what just
 * happened: a step's budget ran out (once per step), the session's time is up (once). Mutates
 * `state`.
 */
export function tick(state: PracticeState, now: number): PracticeEvent[] {
  const gap = Math.min(Math.max(0, now - state.lastTickAt), MAX_TICK_GAP_MS);
  state.lastTickAt = Math.max(state.lastTickAt, now);
  if (state.paused || state.timeUp) return [];
  const seconds = Math.min(gap / 1000, secondsLeft(state));
  state.elapsedSeconds += seconds;
  const key = stepOf(state, state.currentStep)?.id ?? NO_STEP;
  if (seconds > 0) state.stepSeconds[key] = (state.stepSeconds[key] ?? 0) + seconds;
  const events: PracticeEvent[] = [];
  const step = stepOf(state, key);
  if (
    step &&
    !state.noticed.includes(step.id) &&
    state.stepSeconds[step.id] >= step.budgetSeconds
  ) {
    state.noticed.push(step.id);
    const next = state.steps[state.steps.indexOf(step) + 1];
    events.push({ kind: 'overBudget', step, ...(next ? { next } : {}) });
  }
  if (secondsLeft(state) <= 0) {
    state.timeUp = true;
    events.push({ kind: 'timeUp' });
  }
  return events;
}

/** Makes `step` current from now on: the time before this moment went to the previous one. */
export function setCurrentStep(
  state: PracticeState,
  step: string | undefined,
  now: number,
): PracticeEvent[] {
  if (state.currentStep === step) return [];
  const events = tick(state, now);
  state.currentStep = step;
  return events;
}

export function pause(state: PracticeState, now: number): PracticeEvent[] {
  const events = tick(state, now);
  state.paused = true;
  return events;
}

export function resume(state: PracticeState, now: number): void {
  state.lastTickAt = now;
  state.paused = false;
}

/** The record kept of a finished session (the Designs view and the progress chart read it). */
export function finishSession(
  state: PracticeState,
  now: number,
  coverage: { requiredCovered: number; requiredTotal: number },
): PracticeSessionRecord {
  if (!state.paused) tick(state, now);
  const stepSeconds: Record<string, number> = {};
  for (const [step, seconds] of Object.entries(state.stepSeconds)) {
    stepSeconds[step] = Math.round(seconds);
  }
  return {
    startedAt: state.startedAt,
    endedAt: now,
    minutes: state.minutes,
    ...(state.caseStudy ? { caseStudy: state.caseStudy } : {}),
    stepSeconds,
    requiredCovered: coverage.requiredCovered,
    requiredTotal: coverage.requiredTotal,
  };
}

/** `m:ss` (or `h:mm:ss`). */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** What the status bar says: "41:12 left · Data preparation 3:12 / 8:00". */
export function statusText(state: PracticeState): string {
  const left = `${clockText(secondsLeft(state))} left`;
  const step = stepOf(state, state.currentStep);
  const budget = step
    ? ` · ${step.title} ${clockText(state.stepSeconds[step.id] ?? 0)} / ${clockText(step.budgetSeconds)}`
    : '';
  return `${state.paused ? 'Paused · ' : ''}${left}${budget}`;
}

/** The gentle notice when a step's budget runs out. */
export function overBudgetMessage(event: Extract<PracticeEvent, { kind: 'overBudget' }>): string {
  const minutes = Math.round(event.step.budgetSeconds / 60);
  const on = `${minutes} minute${minutes === 1 ? '' : 's'} on ${lowerFirst(event.step.title)}`;
  return event.next
    ? `${on}: time to move to ${lowerFirst(event.next.title)}?`
    : `${on}: time to wrap up?`;
}

/** "Data preparation" -> "data preparation"; acronyms ("ML task") are kept. */
function lowerFirst(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? title[0].toLowerCase() + title.slice(1) : title;
}
