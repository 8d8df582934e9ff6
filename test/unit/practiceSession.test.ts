// Practice sessions without VS Code: a 45-minute session on a manual clock, budgets, notices
// given once, pause and resume, a restore after a reload, and the record kept at the end.
import { strict as assert } from 'node:assert';
import type { PracticeStep } from '../../common/src/practice';
import { ManualClock } from '../../client/src/practice/clock';
import {
  MAX_TICK_GAP_MS,
  NO_STEP,
  finishSession,
  overBudgetMessage,
  pause,
  restoreSession,
  resume,
  secondsLeft,
  setCurrentStep,
  startSession,
  statusText,
  tick,
  type PracticeEvent,
  type PracticeState,
} from '../../client/src/practice/session';

const STEPS: PracticeStep[] = [
  { id: 'requirements', number: 1, title: 'Clarifying requirements', budgetSeconds: 300 },
  { id: 'data', number: 2, title: 'Data preparation', budgetSeconds: 480 },
  { id: 'model', number: 3, title: 'Model development', budgetSeconds: 720 },
];

/** A session driven by a manual clock ticking every second, collecting its events. */
function run(minutes = 45) {
  const clock = new ManualClock();
  const state = startSession({
    designUri: 'file:///x.mlsd.md',
    minutes,
    steps: STEPS,
    now: clock.now(),
  });
  const events: PracticeEvent[] = [];
  clock.every(1000, () => events.push(...tick(state, clock.now())));
  const at = (step: string | undefined) => events.push(...setCurrentStep(state, step, clock.now()));
  return { clock, state, events, at };
}

describe('practice session', () => {
  it('runs 45 minutes in a moment and ends with one "time up"', () => {
    const { clock, state, events, at } = run();
    at('requirements');
    const started = Date.now();
    clock.advance(50 * 60_000);
    assert.ok(Date.now() - started < 2000, 'a 45-minute session took more than 2 s');
    assert.equal(secondsLeft(state), 0);
    assert.equal(Math.round(state.elapsedSeconds), 45 * 60);
    assert.deepEqual(
      events.filter((e) => e.kind === 'timeUp'),
      [{ kind: 'timeUp' }],
    );
  });

  it('counts time for the current step and gives each budget notice once', () => {
    const { clock, state, events, at } = run();
    at('data');
    clock.advance(479_000);
    assert.equal(events.length, 0, 'a notice before the budget ran out');
    clock.advance(1000);
    assert.equal(events.length, 1);
    const [notice] = events;
    assert.equal(notice.kind, 'overBudget');
    assert.equal(
      overBudgetMessage(notice as Extract<PracticeEvent, { kind: 'overBudget' }>),
      '8 minutes on data preparation: time to move to model development?',
    );
    clock.advance(120_000);
    at('model');
    at('data');
    clock.advance(60_000);
    assert.equal(events.filter((e) => e.kind === 'overBudget').length, 1, 'the notice came twice');
    assert.equal(Math.round(state.stepSeconds.data), 480 + 120 + 60);
    assert.equal(statusText(state), '34:00 left · Data preparation 11:00 / 8:00');
  });

  it('says "time to wrap up" after the last step', () => {
    const { clock, events, at } = run();
    at('model');
    clock.advance(720_000);
    const notice = events[0] as Extract<PracticeEvent, { kind: 'overBudget' }>;
    assert.equal(overBudgetMessage(notice), '12 minutes on model development: time to wrap up?');
  });

  it('moves time to the step the cursor goes to, and keeps time outside the steps apart', () => {
    const { clock, state, at } = run();
    clock.advance(30_000);
    at('requirements');
    clock.advance(90_000);
    at('data');
    clock.advance(10_000);
    assert.deepEqual(
      Object.fromEntries(Object.entries(state.stepSeconds).map(([k, v]) => [k, Math.round(v)])),
      { [NO_STEP]: 30, requirements: 90, data: 10 },
    );
  });

  it('does not count paused time, and resumes where it was', () => {
    const { clock, state, at } = run();
    at('requirements');
    clock.advance(60_000);
    pause(state, clock.now());
    assert.match(statusText(state), /^Paused · 44:00 left/);
    clock.advance(10 * 60_000);
    assert.equal(Math.round(state.elapsedSeconds), 60);
    resume(state, clock.now());
    clock.advance(60_000);
    assert.equal(Math.round(state.stepSeconds.requirements), 120);
  });

  it('survives a reload: the saved state restores and goes on; a long gap is not counted', () => {
    const first = run();
    first.at('data');
    first.clock.advance(300_000);
    const saved: unknown = JSON.parse(JSON.stringify(first.state));
    const restored = restoreSession(saved) as PracticeState;
    assert.ok(restored);
    // The window was closed for an hour: at most MAX_TICK_GAP_MS of it counts.
    const later = first.clock.now() + 3_600_000;
    tick(restored, later);
    assert.equal(Math.round(restored.stepSeconds.data), 300 + MAX_TICK_GAP_MS / 1000);
    tick(restored, later + 180_000 / 3);
    assert.equal(restored.currentStep, 'data');
    assert.equal(restoreSession({ version: 1, designUri: 3 }), undefined);
    assert.equal(restoreSession('garbage'), undefined);
    assert.equal(restoreSession(undefined), undefined);
  });

  it('ends with a record of whole seconds per step and the coverage given', () => {
    const { clock, state, at } = run(30);
    at('requirements');
    clock.advance(200_400);
    at('model');
    clock.advance(100_000);
    const record = finishSession(state, clock.now(), { requiredCovered: 5, requiredTotal: 12 });
    assert.deepEqual(record, {
      startedAt: state.startedAt,
      endedAt: clock.now(),
      minutes: 30,
      stepSeconds: { requirements: 200, model: 100 },
      requiredCovered: 5,
      requiredTotal: 12,
    });
  });
});
