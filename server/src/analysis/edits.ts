// Builds the text edits that fixes are made of: where a missing step belongs and what its heading
// looks like in this document (level, numbering style, line endings), and topic stubs.
import type { TextEdit } from '../core/findings';
import type { CompiledFramework, CompiledStep, CompiledTopic } from '../framework/compile';
import type { DesignDocument, Heading, StepSection } from '../parse/model';

export interface StepPlacement {
  /** Offset the step is inserted at. */
  offset: number;
  /** The present step it goes after, if any. */
  after?: StepSection;
  /** The present step it goes before, if any. */
  before?: StepSection;
}

/** Where a missing step belongs: before the next step in framework order, or after the previous. */
export function placeStep(
  document: DesignDocument,
  framework: CompiledFramework,
  step: CompiledStep,
): StepPlacement {
  const present = document.steps;
  const indexOf = (section: StepSection) => framework.stepById.get(section.stepId)?.index ?? 0;
  const later = present
    .filter((s) => indexOf(s) > step.index)
    .sort((a, b) => a.heading.start - b.heading.start)[0];
  const earlier = present
    .filter((s) => indexOf(s) < step.index)
    .sort((a, b) => indexOf(b) - indexOf(a) || b.heading.start - a.heading.start)[0];
  if (later && (!earlier || earlier.heading.start < later.heading.start)) {
    return { offset: lineStartOf(document, later.heading), after: earlier, before: later };
  }
  if (earlier) return { offset: earlier.spans[0].end, after: earlier, before: later };
  return { offset: endOfContent(document) };
}

function lineStartOf(document: DesignDocument, heading: Heading): number {
  return document.lines.lineStarts[heading.range.start.line];
}

function endOfContent(document: DesignDocument): number {
  let end = document.text.length;
  while (end > 0 && /\s/.test(document.text[end - 1])) end--;
  return end;
}

/** The heading a step gets in this document: same level and numbering style as its neighbours. */
export function stepHeadingText(
  document: DesignDocument,
  framework: CompiledFramework,
  step: CompiledStep,
  neighbour?: StepSection,
): string {
  const depth = neighbour?.heading.depth ?? document.stepDepth ?? 2;
  const hashes = '#'.repeat(Math.min(6, Math.max(1, depth)));
  let title = step.title;
  if (document.numbersSteps) {
    const numbered = neighbour
      ? /^(\D{0,12}?)(\d+)((?:\.\d+)*[.):\-–—]*\s*)/.exec(neighbour.heading.text)
      : null;
    const neighbourStep = neighbour ? framework.stepById.get(neighbour.stepId) : undefined;
    if (numbered && neighbourStep && neighbour?.heading.match.numbered) {
      const number = Number(numbered[2]) + (step.index - neighbourStep.index);
      const separator = numbered[3].replace(/^(?:\.\d+)+/, '') || '. ';
      title = `${numbered[1]}${number}${separator}${step.title}`;
    } else {
      title = `${step.number}. ${step.title}`;
    }
  }
  return `${hashes} ${title}`;
}

/** The edit that inserts a missing step, with its template, where it belongs. */
export function insertStepEdit(
  document: DesignDocument,
  framework: CompiledFramework,
  step: CompiledStep,
): TextEdit {
  const placement = placeStep(document, framework, step);
  const eol = document.lines.eol;
  const heading = stepHeadingText(document, framework, step, placement.before ?? placement.after);
  const body = step.template.trim().replace(/\r?\n/g, eol);
  const block = body ? `${heading}${eol}${eol}${body}` : heading;
  const position = document.lines.positionAt(placement.offset);
  const atLineStart = document.lines.lineStarts[position.line] === placement.offset;
  let newText: string;
  if (atLineStart && placement.before) {
    newText = `${block}${eol}${eol}`;
  } else {
    // After the previous step's last word: the text that follows keeps its own line breaks.
    const atEnd =
      document.text.slice(placement.offset).trim() === '' &&
      !/[\r\n]/.test(document.text.slice(placement.offset));
    newText = `${placement.offset > 0 ? eol + eol : ''}${block}${atEnd ? eol : ''}`;
  }
  return { range: { start: position, end: position }, newText };
}

/** The edit that appends bullet stubs for topics at the end of a step's section. */
export function insertTopicStubsEdit(
  document: DesignDocument,
  section: StepSection,
  topics: CompiledTopic[],
): TextEdit {
  const eol = document.lines.eol;
  const end = section.spans[0].end;
  const position = document.lines.positionAt(end);
  const lastLine = document.lines.lineText(position.line);
  const inList = /^\s*(?:[-*+]|\d+[.)])\s/.test(lastLine);
  const stubs = topics.map((topic) => `- ${topic.stub}`).join(eol);
  return {
    range: { start: position, end: position },
    newText: `${inList ? eol : eol + eol}${stubs}`,
  };
}
