// Decides which headings open steps and where each step's section ends (framework.md, "How a
// document maps to steps"). The heading matcher says what a heading names; this decides, from its
// place in the document, whether it opens a step, continues one, or is only content.
import type { CompiledFramework } from '../framework/compile';
import type { DesignDocument, ExtraSection, Heading, StepSection } from '../model/document';

interface OpenSection {
  stepIds: string[];
  depth: number;
}

export function assignSections(document: DesignDocument, framework: CompiledFramework): void {
  const { headings } = document;
  const strongStepHeadings = headings.filter((h) => h.match.stepIds.length > 0 && h.match.strong);
  const numberedCount = strongStepHeadings.filter((h) => h.match.numbered).length;
  document.numbersSteps =
    strongStepHeadings.length >= 2 && numberedCount * 2 > strongStepHeadings.length;
  document.stepDepth = mostCommon(strongStepHeadings.map((h) => h.depth)) ?? 2;

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

  for (const heading of headings) {
    const match = heading.match;
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
      opensStep(heading, current, sections, furthestIndex, document, framework)
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
          if (sharedOpening && !lastStepIds.includes(stepId)) {
            section.heading = heading;
            roles.push('step');
          } else {
            roles.push(lastStepIds.includes(stepId) ? 'continuation' : 'duplicate');
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
      current = { stepIds: match.stepIds, depth: heading.depth };
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

function opensStep(
  heading: Heading,
  current: OpenSection | undefined,
  sections: Map<string, StepSection>,
  furthestIndex: number,
  document: DesignDocument,
  framework: CompiledFramework,
): boolean {
  const { match } = heading;
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
  if (document.numbersSteps && !match.numbered) return false;
  if (heading.depth < document.stepDepth && heading.index === 0) return false; // the title
  if (current && heading.depth > current.depth) return false;
  if (current && match.stepIds.every((id) => current.stepIds.includes(id))) return true;
  if (match.stepIds.some((id) => seen(id) || earlierThanFurthest(id))) return false;
  return true;
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
