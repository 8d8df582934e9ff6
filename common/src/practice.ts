// What the practice mode keeps per design in the workspace state, and the key it keeps it under.
// The Designs view reads it for each design's last practice time.

/** One practice session of a design. Times are milliseconds since the epoch. */
export interface PracticeSessionRecord {
  startedAt: number;
  endedAt: number;
  minutes: number;
  caseStudy?: string;
  stepSeconds: Record<string, number>;
  requiredCovered: number;
  requiredTotal: number;
}

/** workspaceState key: Record<designUriString, PracticeSessionRecord[]>. */
export const PRACTICE_SESSIONS_KEY = 'mlsd.practice.sessions';
