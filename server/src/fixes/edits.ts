// Builds the text edits that fixes are made of: where a missing step belongs and what its heading
// looks like in this document (level, numbering style, line endings), and topic stubs. A layer
// below the rules: rules and features build their fixes from it; it reads only the parsed design
// and the framework.
import type { TextEdit } from '../core/findings';
import type { CompiledFramework, CompiledStep, CompiledTopic } from '../framework/compile';
import type { DesignDocument, Heading, StepSection } from '../model/document';
import { endsInsideOpenBlock } from '../parse/blocks';

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
  const { source } = document;
  let end = source.length;
  while (end > 0 && /\s/.test(source.slice(end - 1, end))) end--;
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

/** The Markdown a missing step is inserted as: its heading, a blank line, its template. */
export function stepBlock(
  document: DesignDocument,
  framework: CompiledFramework,
  step: CompiledStep,
  placement: StepPlacement,
): string {
  const eol = document.lines.eol;
  const heading = stepHeadingText(document, framework, step, placement.before ?? placement.after);
  const body = step.template.trim().replace(/\r?\n/g, eol);
  return body ? `${heading}${eol}${eol}${body}` : heading;
}

/**
 * The edit that inserts a missing step, with its template, where it belongs; none when that place
 * is inside a code block or HTML block left open to the end of the document (see
 * `insideOpenBlock`).
 */
export function insertStepEdit(
  document: DesignDocument,
  framework: CompiledFramework,
  step: CompiledStep,
): TextEdit | undefined {
  const placement = placeStep(document, framework, step);
  if (insideOpenBlock(document, placement.offset)) return undefined;
  return insertBlocksEdit(document, placement.offset, [
    stepBlock(document, framework, step, placement),
  ]);
}

/**
 * One edit set inserting `steps` (missing ones, in framework order) where they belong. Steps with
 * no place to go (inside a code or HTML block left open to the end, see `insideOpenBlock`) are left
 * out, so fix-all never inserts what it would insert again on the next round.
 */
export function insertStepsEdits(
  document: DesignDocument,
  framework: CompiledFramework,
  steps: readonly CompiledStep[],
): { edits: TextEdit[]; inserted: string[]; blocked: string[] } {
  const byOffset = new Map<number, string[]>();
  const inserted: string[] = [];
  const blocked: string[] = [];
  for (const step of steps) {
    const placement = placeStep(document, framework, step);
    if (insideOpenBlock(document, placement.offset)) {
      blocked.push(step.id);
      continue;
    }
    const blocks = byOffset.get(placement.offset) ?? [];
    blocks.push(stepBlock(document, framework, step, placement));
    byOffset.set(placement.offset, blocks);
    inserted.push(step.id);
  }
  // Several steps at one place: one insert holding them all, so their order is certain, each set
  // off from the next by a blank line (as a single step is from the text around it).
  const edits = [...byOffset].map(([offset, blocks]) => insertBlocksEdit(document, offset, blocks));
  return { edits, inserted, blocked };
}

/**
 * The edit that appends bullet stubs for topics at the end of a step's section; none when the
 * section ends inside a code block or HTML block left open to the end of the document (the stubs
 * would be code or HTML, and the finding would stay).
 */
export function insertTopicStubsEdit(
  document: DesignDocument,
  section: StepSection,
  topics: CompiledTopic[],
): TextEdit | undefined {
  const eol = document.lines.eol;
  const end = section.spans[0].end;
  if (insideOpenBlock(document, end)) return undefined;
  const lastLine = document.lines.lineText(document.lines.positionAt(end).line);
  const inList = /^\s*(?:[-*+]|\d+[.)])\s/.test(lastLine);
  const stubs = topics.map((topic) => `- ${topic.stub}`).join(eol);
  // Right after a list item the stubs continue its list; otherwise they start their own block.
  return insertBlocksEdit(document, end, [stubs], inList ? 1 : 2);
}

/**
 * An edit inserting Markdown blocks at `offset` so that they never change how the text around them
 * parses: each block is set off by a blank line from the text before it (`leadBreaks` line breaks;
 * 1 continues a list the text before ends with), from the next block, and from the text after it.
 * Without the blank line between blocks, steps inserted together at the top of a blank document
 * would run into one line ("…: TODO## Framing the problem…"); without the one after, text that
 * follows would join the inserted block: a setext heading's text line ("Framing the problem" over
 * "---") becomes a lazy continuation of the template's last list item and the heading would be
 * lost. Line breaks already there count, so an insert next to blank lines adds none. At the end of
 * the document the insert ends with a line break, unless one follows already.
 */
export function insertBlocksEdit(
  document: DesignDocument,
  offset: number,
  blocks: string[],
  leadBreaks = 2,
): TextEdit {
  const { source: text } = document;
  const eol = document.lines.eol;
  // Only spaces, tabs and line breaks make blank lines: other white space is content to Markdown.
  let before = offset;
  while (before > 0 && BLANK.test(text.slice(before - 1, before))) before--;
  let after = offset;
  while (after < text.length && BLANK.test(text.slice(after, after + 1))) after++;
  // A following line indented by one to three spaces ("  Framing the problem" over "---") would,
  // even after a blank line, continue the inserted template's last list item and stop being a
  // heading. Insert after that indentation instead: only blank text is passed, the inserted
  // heading takes the indentation and the line moves to column 0, where it is the same heading.
  // (From the line index: searching the text backwards for "\r" reads all of a text that has none.)
  const lineStart = document.lines.lineStarts[document.lines.positionAt(after).line];
  const at =
    after < text.length && lineStart >= offset && /^ {1,3}$/.test(text.slice(lineStart, after))
      ? after
      : offset;
  // Counted on the joined text: a "\r" line ending next to a "\n" one makes one "\r\n" break.
  const preceding = text.slice(before, at);
  let lead = '';
  while (before > 0 && lineBreaks(preceding + lead) < leadBreaks) lead += eol;
  const following = text.slice(at, after);
  let trail = '';
  const wanted = after === text.length ? 1 : 2;
  while (lineBreaks(trail + following) < wanted) trail += eol;
  const position = document.lines.positionAt(at);
  return {
    range: { start: position, end: position },
    newText: `${lead}${blocks.join(eol + eol)}${trail}`,
  };
}

const BLANK = /[ \t\r\n]/;

/** Line breaks in `text`: \r\n, \r and \n each count once. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) count++;
  }
  return count;
}

/**
 * True when a block inserted at `offset` (after a blank line) would not be a block of its own but
 * content of a fenced code block or an HTML block (comment, <pre>, <?…?>, …) that is never closed
 * and so runs to the end of the document ("```" or "<!--" with nothing after). A step inserted
 * there is code, never recognised as a heading, so fix-all would insert every step again on each
 * round. Closing the block first would turn the rest of the user's text from code into Markdown
 * (or, for "<!-- mlsd-disable-file …", switch a directive on), so no insert is offered there: the
 * finding stays until the writer closes the block.
 *
 * Such a block is in `nonProse` and reaches the insert point (blank lines aside); whether it is
 * still open there is read line by line from the block's line (parse/blocks.ts). Inside a list or
 * quote the inserted heading at the margin would end the container and so the block.
 */
export function insideOpenBlock(document: DesignDocument, offset: number): boolean {
  const { source: text, lines } = document;
  const frontMatterStart = document.frontMatter
    ? lines.offsetAt(document.frontMatter.range.start)
    : -1;
  let start = -1;
  for (const range of document.nonProse) {
    if (range.start === frontMatterStart || range.start >= offset) continue;
    let end = range.end;
    while (end < offset && BLANK.test(text.slice(end, end + 1))) end++;
    if (end >= offset && (start < 0 || range.start < start)) start = range.start;
  }
  if (start < 0) return false;
  const from = lines.lineStarts[lines.positionAt(start).line];
  // The insert is preceded by a blank line, which ends the HTML blocks that end at one.
  return endsInsideOpenBlock(`${text.slice(from, offset)}\n\n`);
}
