// Triggers that two design checks read alike, so that they agree on whose finding a design is.
import type { Evidence, Hit } from './evidence';

/**
 * Drift named in step 7 in sentences that do not negate it: MLSD106's trigger. MLSD118 (no
 * retraining plan) leaves the designs that have it to MLSD106, so the two never both fire.
 */
export function driftNamedInMonitoring(e: Evidence): Hit[] {
  return e.affirmed(e.triggers('drift', ['monitoring'], false));
}
