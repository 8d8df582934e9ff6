// What the server tells the client for workspace-wide checking: the globs its file watcher
// watches, and the progress of the first scan ("Checking designs 120/1000", cancellable).
import {
  WatchKind,
  type FileSystemWatcher,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import type { ProgressReporter } from './workspace/workspaceChecker';

/** `**\/*.mlsd.md` and the `mlsd.files` globs, each allowed to start anywhere in the workspace. */
export function watchedDesignGlobs(files: readonly string[]): string[] {
  const globs = new Set(['**/*.mlsd.md']);
  for (const pattern of files) {
    const normalised = pattern.trim().split('\\').join('/');
    if (!normalised) continue;
    globs.add(
      /^(?:\*\*\/|\/|[A-Za-z]:)/.test(normalised)
        ? normalised
        : `**/${normalised.replace(/^\.\//, '')}`,
    );
  }
  return [...globs];
}

/**
 * The watchers the server registers: the design globs, and every deletion. A deleted folder comes
 * as one event for the folder, which no design glob matches; without it the designs under a
 * removed folder would keep their findings in Problems and their row in the Designs view.
 */
export function designWatchers(files: readonly string[]): FileSystemWatcher[] {
  return [
    ...watchedDesignGlobs(files).map((globPattern) => ({ globPattern })),
    { globPattern: '**/*', kind: WatchKind.Delete },
  ];
}

/** A work-done progress on the client; undefined when the client refuses one. */
export async function scanProgress(connection: {
  window: { createWorkDoneProgress(): Promise<WorkDoneProgressServerReporter> };
}): Promise<ProgressReporter | undefined> {
  try {
    const progress = await connection.window.createWorkDoneProgress();
    let cancelled = false;
    progress.token.onCancellationRequested(() => {
      cancelled = true;
    });
    progress.begin('MLSD', 0, 'Checking designs', true);
    return {
      report: (done, total) =>
        progress.report(
          total > 0 ? Math.floor((100 * done) / total) : 0,
          `Checking designs ${done}/${total}`,
        ),
      done: () => progress.done(),
      cancelled: () => cancelled,
    };
  } catch {
    return undefined;
  }
}
