// Code lenses: above each step heading, required topics covered of total and the word count; at
// the top, "Insert N missing steps" when steps are missing.
import type { CodeLens } from 'vscode-languageserver';
import { Commands } from '../../../common/src/commands';
import type { Analysis } from '../model/analysis';
import { isWritten, requiredCounts } from '../model/stepMeasures';

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
  // The first step's lens names the framework the design is checked against.
  let named = false;
  for (const measures of analysis.steps) {
    if (!measures.section) continue;
    const framework = named ? '' : ` · ${analysis.framework.id}`;
    named = true;
    const { covered, total } = requiredCounts(measures);
    const words = isWritten(measures)
      ? `${measures.words} word${measures.words === 1 ? '' : 's'}`
      : 'not yet written';
    lenses.push({
      range: measures.section.heading.textRange,
      command: {
        title: `Step ${measures.step.number} · ${covered}/${total} required topics · ${words} · ${measures.minutes} min${framework}`,
        command: Commands.showCoverage,
      },
    });
  }
  return lenses;
}
