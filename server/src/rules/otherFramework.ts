// MLSD009 other-framework: the design's headings follow another known framework clearly better
// than the one it is checked against (a 9-step write-up checked against the book's 7 steps gets
// "requirements missing" and step-order noise that is the tool's fault). Information only, with a
// quick fix that names the framework in the front matter: mlsd never switches by itself. Quiet
// when the front matter already names a framework (the writer chose) and when in doubt.
import type { Fix } from '../core/findings';
import { canonicalText } from '../framework/headingMatcher';
import type { DesignDocument } from '../model/document';
import type { Rule } from './types';

/** Steps of the other framework that must be named by a heading. */
const MIN_MATCHED_STEPS = 4;
/** Share of the other framework's steps named, and its lead over the framework used. */
const MIN_SHARE = 0.6;
const MIN_LEAD = 0.3;

export const otherFramework: Rule = {
  meta: {
    id: 'MLSD009',
    name: 'other-framework',
    description: 'The headings follow another framework clearly better than the one used.',
    defaultSeverity: 'info',
    fixable: true,
  },
  check({ document, framework, registry, steps }, add) {
    const named = document.frontMatter?.values?.framework;
    if (typeof named === 'string' && named.trim() !== '') return;
    if (
      document.frontMatter &&
      (!document.frontMatter.values || document.frontMatter.errors.length)
    )
      return;
    // No noise to explain when every step of the framework used is there once: the other
    // frameworks' tables are then never read (they are read once, when a design first needs them),
    // nor the headings (a long design has thousands).
    if (steps.every((s) => s.section) && !document.headings.some((h) => h.role === 'duplicate'))
      return;
    // Headings at the depth of the steps, extra sections ("Summary") left out.
    const headings = document.headings
      .filter((h) => h.depth === document.stepDepth && h.role !== 'extra')
      .map((h) => canonicalText(withoutNumbering(h.text)));
    if (headings.length < MIN_MATCHED_STEPS) return;
    // Headings its own framework names whole are read right: only when two or more are not is
    // another framework's table read.
    const ownTable = registry.stepAliases(framework.id);
    if (headings.filter((h) => !ownTable?.has(h)).length < 2) return;
    // A framework's score: the distinct steps its aliases name among the headings, over the
    // larger of its step count and the number of headings any framework names as a step (so a
    // framework that reads nine headings as six steps scores below one that reads them as nine).
    const tables = new Map(
      registry.frameworkIds().map((id) => [id, registry.stepAliases(id)] as const),
    );
    const stepHeadings = headings.filter((h) =>
      [...tables.values()].some((table) => table?.has(h)),
    ).length;
    const score = (id: string): { matched: number; total: number; share: number } => {
      const table = tables.get(id);
      if (!table) return { matched: 0, total: 1, share: 0 };
      const matched = new Set(headings.map((h) => table.get(h)).filter((s) => s !== undefined))
        .size;
      const total = new Set(table.values()).size;
      return { matched, total, share: matched / Math.max(total, stepHeadings, 1) };
    };
    const own = score(framework.id);
    let best: { id: string; matched: number; total: number; share: number } | undefined;
    for (const id of tables.keys()) {
      if (id === framework.id) continue;
      const other = score(id);
      if (
        other.matched >= MIN_MATCHED_STEPS &&
        other.matched > own.matched &&
        other.share >= MIN_SHARE &&
        other.share - own.share >= MIN_LEAD &&
        (!best || other.share > best.share)
      )
        best = { id, ...other };
    }
    if (!best) return;
    const title = registry.frameworkSources().find((s) => s.id === best.id)?.title ?? best.id;
    const heading = document.headings.find((h) => h.depth > 1) ?? document.headings[0];
    add({
      range: heading.textRange,
      message: `The headings follow ${title} ('${best.id}', ${best.matched} of its ${best.total} steps) better than ${framework.title} ('${framework.id}', ${own.matched} of ${own.total}), which this design is checked against. Add 'framework: ${best.id}' to the front matter to check it against that one.`,
      fixes: [frontMatterFix(document, best.id)],
    });
  },
};

/** "1. Problem formulation", "Step 3: Metrics" -> the words after the number. */
function withoutNumbering(text: string): string {
  return text.replace(
    /^\s*(?:(?:step|part|phase)\s*)?\d+(?:\.\d+)*\s*[.):\-\u2013\u2014]?\s*/i,
    '',
  );
}

function frontMatterFix(document: DesignDocument, id: string): Fix {
  const eol = document.lines.eol;
  const line = `framework: ${id}`;
  const frontMatter = document.frontMatter;
  const at = frontMatter
    ? document.lines.positionAt(document.lines.lineStarts[frontMatter.range.end.line])
    : { line: 0, character: 0 };
  return {
    title: `Add 'framework: ${id}' to the front matter`,
    edits: [
      {
        range: { start: at, end: at },
        newText: frontMatter ? `${line}${eol}` : `---${eol}${line}${eol}---${eol}${eol}`,
      },
    ],
  };
}
