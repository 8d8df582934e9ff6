// Small helpers for unit tests: analyse inline documents, find findings by rule.
import { analyseDesign } from '../../server/src/analysis/analyse';
import type { Analysis, DesignModel } from '../../server/src/model/analysis';
import type { ProseBlock } from '../../server/src/model/document';
import type { Finding } from '../../server/src/core/findings';

export function analyse(text: string, rules?: Record<string, unknown>): Analysis {
  return analyseDesign(text, { rules });
}

export function lines(...content: string[]): string {
  return content.join('\n') + '\n';
}

export function findingsOf(analysis: Analysis, ruleId: string): Finding[] {
  return analysis.findings.filter((f) => f.rule.id === ruleId || f.rule.name === ruleId);
}

/** Step id -> 1-based heading line, or null, for every step of the framework. */
export function stepLines(analysis: Analysis): Record<string, number | null> {
  const result: Record<string, number | null> = {};
  for (const { step, section } of analysis.steps) {
    result[step.id] = section ? section.heading.textRange.start.line + 1 : null;
  }
  return result;
}

/**
 * Every prose block of an analysis at its place in the document (the engine keeps them relative
 * to their part): what the differential tests compare with a whole-text parse.
 */
export function documentBlocks(analysis: DesignModel): ProseBlock[] {
  const { lines } = analysis.document;
  return analysis.prose.documentRuns().flatMap(({ part, offset, lo, hi }) => {
    const line = lines.positionAt(offset).line;
    return part
      .blocks()
      .slice(lo, hi)
      .map((block) => ({
        kind: block.kind,
        start: block.start + offset,
        end: block.end + offset,
        pieces: block.pieces.map((p) => ({ text: p.text, start: p.start + offset })),
        tokens: block.tokens.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset })),
        startLine: block.startLine + line,
        endLine: block.endLine + line,
      }));
  });
}
