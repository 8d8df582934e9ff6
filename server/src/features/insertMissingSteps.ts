// The custom `mlsd/insertMissingSteps` answer (the "Insert missing steps" command): every missing
// step where it belongs, in framework order, and which ones have no place to go. Unlike fix-all
// it is answered whether or not the result converges: the writer asked for it.
import type { Analysis } from '../model/analysis';
import type { TextEdit } from '../core/findings';
import { insertStepsEdits } from '../fixes/edits';

export function insertMissingStepsEdits(analysis: Analysis): {
  edits: TextEdit[];
  inserted: string[];
  blocked: string[];
} {
  const missing = analysis.steps.filter((s) => !s.section).map((s) => s.step);
  return insertStepsEdits(analysis.document, analysis.framework, missing);
}
