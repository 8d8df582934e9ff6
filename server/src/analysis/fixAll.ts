// Fix-all (source.fixAll.mlsd): the fixes rules offer for all their findings at once, as one fix.
// Editors run fix-all on save, so it is offered only when it converges: on the fixed design no rule
// that has a fix-all has anything left to fix, and a second round changes nothing. Heading
// heuristics are why that needs checking: a heading that counts as a step only for want of a
// better one (a keyword heading, a step written as a list item) can stop counting once the
// inserted steps are there, and fix-all would insert it again on every save. Finding out analyses
// the fixed design, so the analysis works it out when first asked for (runRules.ts).
import { applyEdits, applyEditsToPieces } from '../core/applyEdits';
import { PieceText } from '../core/pieceText';
import type { LineIndex } from '../core/text';
import type { Finding, Fix } from '../core/findings';
import type { FixAll } from '../model/analysis';
import type { Rule, RuleContext } from '../rules/types';

/** A rule the engine ran, with the context it ran in. */
export interface RuleRun {
  rule: Rule;
  context: RuleContext;
}

interface Analysed {
  document: { text: string; source: unknown; lines: LineIndex };
  findings: readonly Finding[];
  ruleFailures: string[];
}

/**
 * The rules' fix-all for an analysis, when it converges. `reanalyse` analyses a text with the same
 * options (settings, registry) as the analysis.
 */
export function fixAllOf(
  analysis: Analysed,
  runs: readonly RuleRun[],
  reanalyse: (text: string | PieceText) => { findings: readonly Finding[] },
): FixAll | undefined {
  const fixes: Fix[] = [];
  let findingCount = 0;
  for (const { rule, context } of runs) {
    if (!rule.fixAll) continue;
    const own = analysis.findings.filter((f) => f.rule.id === rule.meta.id);
    if (own.length === 0) continue;
    try {
      const fix = rule.fixAll(context, own);
      if (!fix || fix.edits.length === 0) continue;
      fixes.push(fix);
      findingCount += own.length;
    } catch (error) {
      analysis.ruleFailures.push(
        `${rule.meta.id} (${rule.meta.name}) fix-all failed: ${(error as Error)?.message ?? String(error)}`,
      );
    }
  }
  if (fixes.length === 0) return undefined;
  const edits = fixes.flatMap((fix) => fix.edits);
  const withFixAll = new Set(runs.filter((run) => run.rule.fixAll).map((run) => run.rule.meta.id));
  // A design held as pieces is fixed as pieces: the fixed version says what the edits changed and
  // is analysed without making a string of the whole design.
  const { document } = analysis;
  const fixed =
    document.source instanceof PieceText
      ? applyEditsToPieces(document.source, document.lines, edits)
      : applyEdits(document.text, edits);
  const after = reanalyse(fixed);
  const left = after.findings.some((f) => withFixAll.has(f.rule.id) && (f.fixes?.length ?? 0) > 0);
  if (left) return undefined;
  return { title: fixes.map((fix) => fix.title).join('; '), edits, findingCount };
}
