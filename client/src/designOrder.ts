// The Designs view's order and wording, kept free of the VS Code API so that unit tests read them:
// what needs work first (fewest required topics covered), then fewer steps written, then the
// design practised longest ago (never first), then the name.
import type { PracticeSessionRecord } from '../../common/src/practice';
import type { DesignSummary } from '../../common/src/protocol';

export const ORDER_DESCRIPTION = 'fewest required topics covered first';

export interface DesignRow extends DesignSummary {
  /** End of the last practice session (ms since the epoch), if any. */
  lastPractice?: number;
}

function coveredShare(row: DesignRow): number {
  return row.requiredTotal > 0 ? row.requiredCovered / row.requiredTotal : 0;
}

function nameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return path.slice(path.lastIndexOf('/') + 1);
  }
}

export function compareByNeed(a: DesignRow, b: DesignRow): number {
  return (
    coveredShare(a) - coveredShare(b) ||
    a.requiredCovered - b.requiredCovered ||
    a.stepsPresent - b.stepsPresent ||
    (a.lastPractice ?? 0) - (b.lastPractice ?? 0) ||
    nameOf(a.uri).localeCompare(nameOf(b.uri)) ||
    a.uri.localeCompare(b.uri)
  );
}

export function sortByNeed(rows: readonly DesignRow[]): DesignRow[] {
  return [...rows].sort(compareByNeed);
}

/** "3 hours ago", "2 days ago", "never": how long since the last practice. */
export function practisedAgo(lastPractice: number | undefined, now: number): string {
  if (lastPractice === undefined) return 'never';
  const minutes = Math.max(0, Math.round((now - lastPractice) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** The line beside a design's name: "5/7 steps · 11/17 topics · practised 2 days ago". */
export function rowDescription(row: DesignRow, now: number): string {
  if (row.stepsTotal === 0) return 'too large to check';
  return [
    `${row.stepsPresent}/${row.stepsTotal} steps`,
    `${row.requiredCovered}/${row.requiredTotal} topics`,
    `practised ${practisedAgo(row.lastPractice, now)}`,
  ].join(' · ');
}

export { nameOf as designName };

/**
 * The end of each design's last practice session (the largest `endedAt`), by design URI spelled
 * by `normalise`, from the practice mode's stored sessions (anything malformed is skipped).
 */
export function lastPracticeByUri(
  stored: unknown,
  normalise: (uri: string) => string,
): Map<string, number> {
  const times = new Map<string, number>();
  if (!stored || typeof stored !== 'object') return times;
  for (const [uri, sessions] of Object.entries(stored as Record<string, unknown>)) {
    if (!Array.isArray(sessions)) continue;
    let last: number | undefined;
    for (const session of sessions as (Partial<PracticeSessionRecord> | null)[]) {
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
      key = normalise(uri);
    } catch {
      // kept as written
    }
    times.set(key, Math.max(last, times.get(key) ?? last));
  }
  return times;
}
