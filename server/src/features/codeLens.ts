// Code lenses: above each step heading, required topics covered of total and the word count; at
// the top, "Insert N missing steps" when steps are missing.
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyse';

export const SHOW_COVERAGE_COMMAND = 'mlsd.showCoverage';
export const INSERT_MISSING_STEPS_COMMAND = 'mlsd.insertMissingSteps';

export function codeLenses(analysis: Analysis): CodeLens[] {
  const lenses: CodeLens[] = [];
  const missing = analysis.steps.filter((s) => !s.section);
  if (missing.length > 0) {
    const first = analysis.document.headings[0]?.textRange ?? {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    };
    lenses.push({
      range: first,
      command: {
        title: `$(add) Insert ${missing.length} missing step${missing.length === 1 ? '' : 's'}: ${missing.map((s) => s.step.number).join(', ')}`,
        command: INSERT_MISSING_STEPS_COMMAND,
      },
    });
  }
  for (const measures of analysis.steps) {
    if (!measures.section) continue;
    const required = measures.topics.filter((t) => t.topic.required);
    const covered = required.filter((t) => t.status !== 'missing').length;
    lenses.push({
      range: measures.section.heading.textRange,
      command: {
        title: `Step ${measures.step.number} · ${covered}/${required.length} required topics · ${measures.words} word${measures.words === 1 ? '' : 's'}`,
        command: SHOW_COVERAGE_COMMAND,
      },
    });
  }
  return lenses;
}
