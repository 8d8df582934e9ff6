// Decides which headings open steps and where each step's section ends (framework.md, "How a
// document maps to steps"). The heading matcher says what a heading names; this decides, from its
// place in the document, whether it opens a step, continues one, or is only content.
import type { CompiledFramework } from '../framework/compile';
import type { HeadingMatch } from '../framework/headingMatcher';
import type { DesignDocument, ExtraSection, Heading, StepSection } from '../model/document';

interface OpenSection {
  stepIds: string[];
  depth: number;
  numbered: boolean;
}

export function assignSections(document: DesignDocument, framework: CompiledFramework): void {
  const { headings } = document;
  const strongStepHeadings = headings.filter((h) => h.match.stepIds.length > 0 && h.match.strong);
  const numberedCount = strongStepHeadings.filter((h) => h.match.numbered).length;
  document.numbersSteps =
    strongStepHeadings.length >= 2 && numberedCount * 2 > strongStepHeadings.length;
  document.stepDepth = mostCommon(strongStepHeadings.map((h) => h.depth)) ?? 2;
  // The title and subtitles: the leading unnumbered headings that each have a deeper one right
  // after them ("# Design Doc" > "## Summary: Designing a Ranking Model" > "### 1. Goals").
  let titleEnd = 0;
  while (
    titleEnd + 1 < headings.length &&
    !headings[titleEnd].match.numbered &&
    headings[titleEnd + 1].depth > headings[titleEnd].depth
  ) {
    titleEnd++;
  }

  const sections = new Map<string, StepSection>();
  const order: StepSection[] = [];
  let current: OpenSection | undefined;
  let extra: ExtraSection | undefined;
  let lastStepIds: string[] = [];
  let furthestIndex = -1;
  const openSpans: { section: StepSection; span: { start: number; end: number } }[] = [];

  const closeStep = (at: number) => {
    for (const open of openSpans) open.span.end = trimEnd(document.text, open.span.start, at);
    openSpans.length = 0;
    current = undefined;
  };
  const closeExtra = (at: number) => {
    if (extra) extra.end = trimEnd(document.text, extra.start, at);
    extra = undefined;
  };

  // Each heading's parent: the nearest heading before it at a higher level.
  const parents: (Heading | undefined)[] = [];
  const stack: Heading[] = [];
  for (const heading of headings) {
    while (stack.length > 0 && stack[stack.length - 1].depth >= heading.depth) stack.pop();
    parents.push(stack[stack.length - 1]);
    stack.push(heading);
  }

  for (const heading of headings) {
    const match = effectiveMatch(heading, sections, framework);
    if (match.extra) {
      if (current && heading.depth > current.depth) {
        heading.role = 'content';
        continue;
      }
      if (extra && heading.depth > extra.heading.depth) {
        heading.role = 'none';
        continue;
      }
      closeStep(heading.start);
      closeExtra(heading.start);
      heading.role = 'extra';
      extra = { heading, start: heading.start, end: document.text.length };
      document.extraSections.push(extra);
      continue;
    }

    if (
      match.stepIds.length > 0 &&
      opensStep(heading, match, current, sections, furthestIndex, document, framework, {
        titleEnd,
        parent: parents[heading.index],
      })
    ) {
      closeStep(heading.start);
      closeExtra(heading.start);
      const roles: Heading['role'][] = [];
      for (const stepId of match.stepIds) {
        let section = sections.get(stepId);
        if (!section) {
          section = { stepId, heading, headings: [], spans: [], range: heading.range };
          sections.set(stepId, section);
          order.push(section);
          roles.push('step');
        } else {
          // Credit from a heading naming two steps ("Training & evaluation") is tentative: the
          // step's own heading later is where the writer really opens it, not a duplicate.
          const sharedOpening =
            section.headings[0].stepIds.length > 1 && section.headings.length === 1;
          // In a document that numbers its steps, an unnumbered heading before the numbered one
          // ("## Problem statement", then "## Step 1: Clarify requirements") is a preamble: the
          // numbered heading opens the step.
          const preambleOpening =
            document.numbersSteps &&
            match.numbered &&
            !section.heading.match.numbered &&
            section.headings.length === 1 &&
            heading.depth <= section.heading.depth;
          if ((sharedOpening && !lastStepIds.includes(stepId)) || preambleOpening) {
            section.heading = heading;
            roles.push('step');
          } else {
            // The same heading written again right after ("## Evaluation" twice) is a duplicate;
            // two parts of one step ("Offline metrics", "Online metrics") continue it.
            const previous = section.headings[section.headings.length - 1];
            const repeated =
              previous.depth === heading.depth &&
              previous.match.normalised === heading.match.normalised;
            roles.push(lastStepIds.includes(stepId) && !repeated ? 'continuation' : 'duplicate');
          }
        }
        section.headings.push(heading);
        const span = { start: heading.start, end: document.text.length };
        section.spans.push(span);
        openSpans.push({ section, span });
        furthestIndex = Math.max(furthestIndex, framework.stepById.get(stepId)?.index ?? -1);
      }
      heading.role = roles.includes('step')
        ? 'step'
        : roles.includes('duplicate')
          ? 'duplicate'
          : 'continuation';
      heading.stepIds = match.stepIds;
      current = { stepIds: match.stepIds, depth: heading.depth, numbered: match.numbered };
      lastStepIds = match.stepIds;
      continue;
    }

    // A sub-heading that names the step it sits in ("### Offline metrics" under "## Evaluation")
    // continues that step; the section already runs through it.
    if (
      current &&
      match.strong &&
      heading.depth > current.depth &&
      match.stepIds.length > 0 &&
      match.stepIds.every((id) => current!.stepIds.includes(id))
    ) {
      heading.role = 'continuation';
      heading.stepIds = match.stepIds;
      for (const id of match.stepIds) sections.get(id)?.headings.push(heading);
      continue;
    }

    if (extra) {
      if (heading.depth <= extra.heading.depth) {
        closeExtra(heading.start);
      } else {
        heading.role = 'none';
        continue;
      }
    }
    if (current && heading.depth >= current.depth) {
      heading.role = 'content';
    } else {
      // A heading above the step's level starts a new part of the document.
      closeStep(heading.start);
      heading.role = 'none';
    }
  }
  closeStep(document.text.length);
  closeExtra(document.text.length);

  order.sort((a, b) => a.heading.start - b.heading.start);
  for (const section of order) {
    const first =
      section.spans.find((span) => span.start === section.heading.start) ?? section.spans[0];
    section.range = document.lines.rangeOf(first.start, first.end);
  }
  document.steps = order;
  document.stepById = sections;
}

/**
 * What a heading names here: its match, or, for a heading that is one step's alias but the next
 * step's "later alias" ("Problem statement"), that next step once the one before it is written.
 */
function effectiveMatch(
  heading: Heading,
  sections: Map<string, StepSection>,
  framework: CompiledFramework,
): HeadingMatch {
  const { match } = heading;
  if (!match.strong || match.stepIds.length !== 1) return match;
  const later = framework.laterAliases.get(match.normalised);
  if (later === undefined || later === match.stepIds[0] || sections.has(later)) return match;
  const before = framework.steps[(framework.stepById.get(later)?.index ?? 0) - 1];
  return before && sections.has(before.id) ? { ...match, stepIds: [later] } : match;
}

function opensStep(
  heading: Heading,
  match: HeadingMatch,
  current: OpenSection | undefined,
  sections: Map<string, StepSection>,
  furthestIndex: number,
  document: DesignDocument,
  framework: CompiledFramework,
  place: { titleEnd: number; parent: Heading | undefined },
): boolean {
  const seen = (id: string) => sections.has(id);
  const earlierThanFurthest = (id: string) =>
    (framework.stepById.get(id)?.index ?? 0) < furthestIndex;

  if (match.strong) {
    if (!current || heading.depth <= current.depth) return true;
    // A sub-heading opens a step only when it names a step not yet written ("## Design" >
    // "### Evaluation" is handled by `current` being unset; "### Evaluation of labelers" is weak).
    if (match.stepIds.every((id) => current.stepIds.includes(id))) return false;
    return !match.stepIds.some(seen);
  }

  // A keyword match alone ("Training data", "Data drift") is weaker evidence: it must look like the
  // other step headings and must not create a duplicate or an out-of-order step.
  // The document's title or subtitle ("# Summary: Designing a Ranking Model"): its words name the
  // subject, not a step.
  if (heading.index < place.titleEnd) return false;
  // Under a numbered step-level heading that names no step ("## Step 3: Architecture" >
  // "### Features"), a keyword heading opens a step not yet written.
  const { parent } = place;
  if (
    parent &&
    parent.match.numbered &&
    parent.match.stepIds.length === 0 &&
    !parent.match.extra &&
    parent.depth <= document.stepDepth &&
    !match.stepIds.some(seen)
  ) {
    return true;
  }
  if (document.numbersSteps && !match.numbered) return false;
  if (heading.depth < document.stepDepth && heading.index === 0) return false;
  if (current && heading.depth > current.depth) {
    // A numbered sub-heading may open the step that follows the one it sits in ("## 4. Modelling"
    // > "### b. What evaluation metrics would you use?"): never an earlier step or one written.
    const currentIndex = Math.max(...current.stepIds.map(indexOf));
    return match.numbered && match.stepIds.every((id) => !seen(id) && indexOf(id) > currentIndex);
  }
  if (current && match.stepIds.every((id) => current.stepIds.includes(id))) return true;
  if (match.stepIds.some(seen)) return false;
  // The framework's order is a preference, not a wall: a numbered heading at the level of the
  // document's numbered steps opens its step wherever the writer put it ("3. Metrics" before
  // "4. Data Strategy"); a keyword heading of any other shape must come in order.
  const inStepShape =
    match.numbered &&
    ((document.numbersSteps && heading.depth <= document.stepDepth) ||
      (current?.numbered === true && heading.depth === current.depth));
  if (!inStepShape && match.stepIds.some(earlierThanFurthest)) return false;
  return true;

  function indexOf(id: string): number {
    return framework.stepById.get(id)?.index ?? -1;
  }
}

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** The end of a stretch with its trailing blank lines dropped. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1])) at--;
  return at;
}
