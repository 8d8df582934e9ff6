// The practice sessions the practice mode keeps in the workspace state (common/src/practice.ts),
// as the Designs view reads them: each design's last practice time. The practice code fires
// `practiceSessionsChanged` after it writes them, and the view refreshes.
import * as vscode from 'vscode';
import { PRACTICE_SESSIONS_KEY, type PracticeSessionRecord } from '../../common/src/practice';

export const practiceSessionsChanged = new vscode.EventEmitter<void>();

/** The end of each design's last session, by design URI (as vscode.Uri.toString() spells it). */
export function lastPracticeTimes(state: vscode.Memento): Map<string, number> {
  const times = new Map<string, number>();
  const stored = state.get<unknown>(PRACTICE_SESSIONS_KEY);
  if (!stored || typeof stored !== 'object') return times;
  for (const [uri, sessions] of Object.entries(stored as Record<string, unknown>)) {
    if (!Array.isArray(sessions)) continue;
    let last: number | undefined;
    for (const session of sessions as Partial<PracticeSessionRecord>[]) {
      const ended = session?.endedAt;
      if (
        typeof ended === 'number' &&
        Number.isFinite(ended) &&
        (last === undefined || ended > last)
      )
        last = ended;
    }
    if (last === undefined) continue;
    let key = uri;
    try {
      key = vscode.Uri.parse(uri).toString();
    } catch {
      // kept as written
    }
    times.set(key, Math.max(last, times.get(key) ?? last));
  }
  return times;
}
