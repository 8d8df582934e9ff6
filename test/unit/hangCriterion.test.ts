// The fuzz run's hang criterion (test/fuzz/checks.ts): a case over the time budget is a hang only
// when it also outgrows a plain paragraph as long, timed at the same moment, so a busy machine does
// not fail the run and a super-linear case still does.
import { strict as assert } from 'node:assert';
import {
  BUDGET_BYTES,
  BUDGET_MS,
  HANG_RATIO,
  describeFailure,
  isHang,
  referenceText,
  type CaseResult,
} from '../fuzz/checks';

const result = (ms: number, referenceMs?: number, bytes = 100_000): CaseResult => ({
  ms,
  referenceMs,
  bytes,
  problems: [],
});

describe('fuzz hang criterion', () => {
  it('is no hang within the time budget', () => {
    assert.equal(isHang(result(BUDGET_MS - 1)), false);
  });

  it('is no hang over the budget when the reference was as slow (a busy machine)', () => {
    assert.equal(isHang(result(1_100, 900)), false);
    assert.equal(isHang(result(HANG_RATIO * 500, 500)), false);
  });

  it('is a hang over the budget and over the ratio to the reference', () => {
    assert.equal(isHang(result(HANG_RATIO * 500 + 1, 500)), true);
    assert.equal(isHang(result(BUDGET_MS + 1)), true, 'no reference: the budget alone decides');
  });

  it('leaves inputs over the size budget to the linear-growth checks', () => {
    assert.equal(isHang(result(60_000, 100, BUDGET_BYTES + 1)), false);
  });

  it('says how far over the reference a slow case was', () => {
    assert.match(describeFailure(result(5_000, 500)), /10\.0x the 500 ms of a plain paragraph/);
  });

  it('builds a reference of exactly the asked length, one paragraph of short lines', () => {
    const text = referenceText(10_001);
    assert.equal(text.length, 10_001);
    assert.ok(!text.includes('\n\n'), 'one paragraph');
    assert.ok(text.split('\n').every((line) => line.length <= 3));
  });
});
