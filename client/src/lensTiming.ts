// Code lenses answered at once. VS Code waits, after each edit, as long as its last few code-lens
// requests took before it asks again (a moving average, up to a minute): one slow answer (the
// server starting, a busy machine) made it wait seconds after the last keystroke, and during
// long typing it never asked at all, so the lenses showed the design of a minute before. An
// answer that takes longer than `QUICK_MS` is given as the last lenses of the document at once;
// when the server's answer comes, VS Code is told the lenses changed and asks again (the server
// has the analysis of that version by then, and answers at once).
import type * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';

const QUICK_MS = 400;

export function quickCodeLenses(
  refresh: (document: vscode.TextDocument) => void,
): Pick<Middleware, 'provideCodeLenses'> & { clear(): void } {
  const last = new Map<string, vscode.CodeLens[]>();
  const slow = Symbol('slow');
  return {
    clear: () => last.clear(),
    provideCodeLenses: async (document, token, next) => {
      const key = document.uri.toString();
      const answer = Promise.resolve(next(document, token)).then((lenses) => {
        if (lenses && !token.isCancellationRequested) last.set(key, lenses);
        return lenses;
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const quick = await Promise.race([
        answer,
        new Promise<typeof slow>((resolve) => {
          timer = setTimeout(() => resolve(slow), QUICK_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      if (quick !== slow) return quick;
      const previous = last.get(key);
      if (!previous) return answer;
      void answer.then(
        () => {
          if (!token.isCancellationRequested) refresh(document);
        },
        () => {},
      );
      return previous;
    },
  };
}
