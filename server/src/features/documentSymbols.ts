// The outline: steps in document order (coverage in the detail), extra sections, and the headings
// inside them as children. VS Code shows it beside the Markdown outline of the same file (as the
// group "MLSD steps"), which already lists every heading: so the title, and any heading above the
// steps' level, is not a node here (the title was listed twice), and the steps are at the root.
//
// Kinds: a step is a Class (a unit with members: its topics and sub-headings; its icon sets the
// steps apart from other headings) and every other heading is a String, the kind the Markdown
// outline gives headings. (Steps were Modules, which reads as code.)
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../model/analysis';
import type { Heading } from '../model/document';
import { isWritten, requiredCounts } from '../model/stepMeasures';

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { document, framework } = analysis;
  const roots: DocumentSymbol[] = [];
  const stack: { symbol: DocumentSymbol; depth: number; end: number }[] = [];
  const sectionEnd = (heading: Heading): number => {
    for (const stepId of heading.stepIds) {
      const span = document.stepById.get(stepId)?.spans.find((s) => s.start === heading.start);
      if (span) return span.end;
    }
    const extra = document.extraSections.find((e) => e.heading === heading);
    if (extra) return extra.end;
    const next = document.headings.find((h) => h.index > heading.index && h.depth <= heading.depth);
    return next ? Math.max(heading.end, next.start - 1) : document.source.length;
  };

  for (const heading of document.headings) {
    if (isAboveSteps(analysis, heading)) continue;
    const end = Math.max(heading.end, sectionEnd(heading));
    const symbol: DocumentSymbol = {
      name: heading.text.trim() || '(empty heading)',
      detail: detailOf(analysis, heading),
      kind: kindOf(heading),
      range: document.lines.rangeOf(heading.start, end),
      selectionRange: heading.textRange,
      children: [],
    };
    const opensSection = heading.role !== 'content' && heading.role !== 'none';
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const inside =
        heading.start < top.end &&
        (heading.role === 'content' || heading.depth > top.depth) &&
        !(opensSection && heading.depth <= top.depth);
      if (inside) break;
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    // A child ends where its parent ends, and what is nested under it is cut there too (else a
    // grandchild could end before it starts). Never before its own heading: VS Code rejects a
    // symbol whose selection range is not inside its range.
    const clamped = parent ? Math.max(heading.end, Math.min(end, parent.end)) : end;
    if (clamped !== end) symbol.range = document.lines.rangeOf(heading.start, clamped);
    if (parent) parent.symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ symbol, depth: heading.depth, end: clamped });
  }
  void framework;
  return roots;
}

/** The title, or a heading that wraps the steps ("# Design" over "## 1. …"): not a node. */
function isAboveSteps(analysis: Analysis, heading: Heading): boolean {
  return (
    heading.role === 'none' &&
    heading.stepIds.length === 0 &&
    heading.depth < analysis.document.stepDepth
  );
}

function kindOf(heading: Heading): SymbolKind {
  if (heading.stepIds.length > 0) return SymbolKind.Class;
  return SymbolKind.String;
}

function detailOf(analysis: Analysis, heading: Heading): string {
  if (heading.role === 'extra') return 'extra section';
  if (heading.stepIds.length === 0) return '';
  return heading.stepIds
    .map((id) => {
      const report = analysis.steps.find((s) => s.step.id === id);
      if (!report) return '';
      const { covered, total } = requiredCounts(report);
      const role =
        heading.role === 'duplicate'
          ? ' (again)'
          : heading.role === 'continuation'
            ? ' (continued)'
            : '';
      return `Step ${report.step.number}${role} · ${covered}/${total} required topics${isWritten(report) ? '' : ' · not yet written'}`;
    })
    .join('; ');
}
