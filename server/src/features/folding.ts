// Folding ranges: one per step section (each stretch of it) and per extra section.
import type { FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../model/analysis';

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const { document } = analysis;
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number) => {
    const startLine = document.lines.positionAt(start).line;
    const endLine = document.lines.positionAt(end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const section of document.steps) for (const span of section.spans) add(span.start, span.end);
  for (const extra of document.extraSections) add(extra.start, extra.end);
  const seen = new Set<string>();
  return ranges
    .filter((r) => {
      const key = `${r.startLine}:${r.endLine}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.startLine - b.startLine);
}
