// Decides where each step's section runs (framework.md, "How a document maps to steps"). Which
// heading opens each step is one decision over the whole heading sequence (./stepAssignment.ts);
// this then reads every other heading against those openings: it continues a step, repeats one,
// opens an extra section, or is only content.
import type { TextSource } from '../core/pieceText';
import type { CompiledFramework } from '../framework/compile';
import type { DesignDocument, ExtraSection, Heading, StepSection } from '../model/document';
import { chooseStepHeadings, type AssignmentMemo } from './stepAssignment';

// Most headings may open no step: one shared empty list (never written to).
const NO_IDS: string[] = [];

interface OpenSection {
  stepIds: string[];
  depth: number;
}

/** `memo`: the assignment of the document's previous analysis, replaced by this one's. */
export function assignSections(
  document: DesignDocument,
  framework: CompiledFramework,
  memo?: { last?: AssignmentMemo },
): void {
  const { headings } = document;
  const strongStepHeadings = headings.filter((h) => h.match.stepIds.length > 0 && h.match.strong);
  const numberedCount = strongStepHeadings.filter((h) => h.match.numbered).length;
  document.numbersSteps =
    strongStepHeadings.length >= 2 && numberedCount * 2 > strongStepHeadings.length;
  document.stepDepth = mostCommon(strongStepHeadings.map((h) => h.depth)) ?? 2;
  const { openings, eligible } = chooseStepHeadings(
    headings,
    document.source,
    framework,
    { stepDepth: document.stepDepth, numbersSteps: document.numbersSteps },
    memo,
  );
  const opensAt = new Map<number, string[]>();
  for (const step of framework.steps) {
    const choice = openings.get(step.id);
    if (!choice) continue;
    const list = opensAt.get(choice.heading.index) ?? [];
    list.push(step.id);
    opensAt.set(choice.heading.index, list);
  }

  const sections = new Map<string, StepSection>();
  const order: StepSection[] = [];
  let current: OpenSection | undefined;
  let extra: ExtraSection | undefined;
  let lastStepIds: string[] = [];
  const openSpans: { section: StepSection; span: { start: number; end: number } }[] = [];

  const closeStep = (at: number) => {
    for (const open of openSpans) open.span.end = trimEnd(document.source, open.span.start, at);
    openSpans.length = 0;
    current = undefined;
  };
  const closeExtra = (at: number) => {
    if (extra) extra.end = trimEnd(document.source, extra.start, at);
    extra = undefined;
  };
  const startStep = (heading: Heading, stepIds: string[], roles: Heading['role'][]) => {
    closeStep(heading.start);
    closeExtra(heading.start);
    for (const stepId of stepIds) {
      const section = sections.get(stepId)!;
      section.headings.push(heading);
      const span = { start: heading.start, end: document.source.length };
      section.spans.push(span);
      openSpans.push({ section, span });
    }
    heading.role = roles.includes('step')
      ? 'step'
      : roles.includes('duplicate')
        ? 'duplicate'
        : 'continuation';
    heading.stepIds = stepIds;
    current = { stepIds, depth: heading.depth };
    lastStepIds = stepIds;
  };

  for (const heading of headings) {
    const { match } = heading;
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
      extra = { heading, start: heading.start, end: document.source.length };
      document.extraSections.push(extra);
      continue;
    }

    const opens = opensAt.get(heading.index);
    if (opens) {
      for (const stepId of opens) {
        const section: StepSection = {
          stepId,
          heading,
          headings: [],
          spans: [],
          range: heading.range,
          evidence: openings.get(stepId)?.evidence ?? [],
          ...(openings.get(stepId)?.weak ? { weak: true as const } : {}),
        };
        sections.set(stepId, section);
        order.push(section);
      }
      startStep(
        heading,
        opens,
        opens.map(() => 'step'),
      );
      continue;
    }

    // A heading shaped like a step heading for a step already opened, at the level of the open
    // step or above: the step again. Right after itself it continues the step ("Offline
    // metrics", "Online metrics") unless it is the same heading written twice; after another
    // step it is a duplicate, but only when the heading is exactly the step's name.
    const ids = eligible.get(heading.index);
    const again = ids ? [...ids].filter((id) => sections.has(id)) : NO_IDS;
    if (again.length > 0 && (!current || heading.depth <= current.depth)) {
      const roles: Heading['role'][] = [];
      const stepIds: string[] = [];
      for (const stepId of again) {
        const previous = sections.get(stepId)!.headings.at(-1)!;
        const repeated =
          previous.depth === heading.depth && previous.match.normalised === match.normalised;
        if (lastStepIds.includes(stepId) && !repeated) {
          roles.push('continuation');
          stepIds.push(stepId);
        } else if (match.strong) {
          roles.push('duplicate');
          stepIds.push(stepId);
        }
      }
      if (stepIds.length > 0) {
        startStep(heading, sortByFramework(stepIds, framework), roles);
        continue;
      }
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
    // A heading at the open step's level that is exactly the name of another step, one that
    // opens elsewhere ("## Success metrics" under requirements, before "## Evaluation"), is not
    // the open step's content: like a heading above the step's level, it ends the step, and its
    // stretch belongs to no step, so no topic is read from it.
    const namesAnotherStep =
      current !== undefined &&
      heading.depth === current.depth &&
      match.strong &&
      match.stepIds.length > 0 &&
      !match.stepIds.some((id) => current!.stepIds.includes(id));
    if (current && heading.depth >= current.depth && !namesAnotherStep) {
      heading.role = 'content';
    } else {
      // A heading above the step's level starts a new part of the document.
      closeStep(heading.start);
      heading.role = 'none';
    }
  }
  closeStep(document.source.length);
  closeExtra(document.source.length);

  order.sort((a, b) => a.heading.start - b.heading.start);
  for (const section of order) {
    const first =
      section.spans.find((span) => span.start === section.heading.start) ?? section.spans[0];
    section.range = document.lines.rangeOf(first.start, first.end);
  }
  document.steps = order;
  document.stepById = sections;
}

function sortByFramework(stepIds: string[], framework: CompiledFramework): string[] {
  const indexOf = (id: string) => framework.stepById.get(id)?.index ?? 0;
  return [...stepIds].sort((a, b) => indexOf(a) - indexOf(b));
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
function trimEnd(text: TextSource, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text.slice(at - 1, at))) at--;
  return at;
}
