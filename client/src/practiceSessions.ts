// The practice sessions the practice mode keeps in the workspace state (common/src/practice.ts),
// as the Designs view reads them: each design's last practice time. The practice code fires
// `practiceSessionsChanged` after it writes them, and the view refreshes.
import * as vscode from 'vscode';
import { PRACTICE_SESSIONS_KEY } from '../../common/src/practice';
import { lastPracticeByUri } from './designOrder';

export const practiceSessionsChanged = new vscode.EventEmitter<void>();

/** The end of each design's last session, by design URI (as vscode.Uri.toString() spells it). */
export function lastPracticeTimes(state: vscode.Memento): Map<string, number> {
  return lastPracticeByUri(state.get<unknown>(PRACTICE_SESSIONS_KEY), (uri) =>
    vscode.Uri.parse(uri).toString(),
  );
}
