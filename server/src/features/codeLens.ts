// Code lenses: above each step heading, required topics covered of total and the word count; at
// the top, "Insert N missing steps" when steps are missing.
import type { CodeLens } from 'vscode-languageserver';
import { Commands } from '../../../common/src/commands';
import type { Analysis } from '../model/analysis';

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
        command: Commands.insertMissingSteps,
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
        command: Commands.showCoverage,
      },
    });
  }
  return lenses;
}
