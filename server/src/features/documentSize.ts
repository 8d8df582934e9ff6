// The notice a document too large to check gets instead of diagnostics (the limit and why are in
// analysis/documentSize.ts).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { isTooLarge, MAX_CHECKED_CHARACTERS, tooLargeMessage } from '../analysis/documentSize';

export { isTooLarge, MAX_CHECKED_CHARACTERS };

/** The one diagnostic a document too large to check gets, at its first character. */
export function tooLargeDiagnostic(text: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'mlsd',
    message: tooLargeMessage(text, 'This file'),
  };
}
