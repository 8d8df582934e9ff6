// The design-document model: what one `.mlsd.md` file says, with every position computed once.
// Rules and editor features read this; none of them touch the Markdown tree. Prose blocks (the
// tokens topics are looked for in) are not part of it: they are most of a document's memory, and
// the engine keeps them per part (see `ProseReader` in ./analysis.ts).
import { textOf, type TextSource } from '../core/pieceText';
import type { LineIndex, Range } from '../core/text';
import type { Token } from '../core/tokens';
import type { HeadingMatch } from '../framework/headingMatcher';

export interface FrontMatter {
  /** The whole block, fences included. */
  range: Range;
  /** The YAML between the fences. */
  contentStart: number;
  contentEnd: number;
  /** The parsed mapping, when the YAML is valid and a mapping. */
  values?: Record<string, unknown>;
  /** Where each top-level key's value sits (offsets into the document). */
  valueOffsets: Map<
    string,
    { keyStart: number; keyEnd: number; valueStart: number; valueEnd: number }
  >;
  /** YAML syntax errors, with their offsets in the document. */
  errors: { message: string; start: number; end: number }[];
}

export type HeadingRole =
  /** Opens a step for the first time. */
  | 'step'
  /** Names the step just before it again: a step split over two headings. */
  | 'continuation'
  /** Opens a step again after another step. */
  | 'duplicate'
  /** A well-known extra section ("Summary"); never a finding. */
  | 'extra'
  /** A heading inside a step's section that does not open a step. */
  | 'content'
  /** A heading outside any step (a title, a wrapper such as "Design"). */
  | 'none';

export interface Heading {
  /** Position among the document's headings. */
  index: number;
  depth: number;
  setext: boolean;
  /** Plain text of the heading (markup removed). */
  text: string;
  /** The whole heading, markers included (both lines of a setext heading). */
  range: Range;
  start: number;
  end: number;
  /** The heading's text on its line (for a setext heading, the text line). */
  textRange: Range;
  textStart: number;
  textEnd: number;
  match: HeadingMatch;
  role: HeadingRole;
  /** Steps this heading opens, continues or duplicates. */
  stepIds: string[];
}

/** A block of prose (paragraph, heading, table cell) with its tokens; code and HTML are not prose. */
export interface ProseBlock {
  kind: 'paragraph' | 'heading' | 'cell';
  start: number;
  end: number;
  /** The text as written, one entry per inline piece, with the piece's source offset. */
  pieces: { text: string; start: number }[];
  tokens: Token[];
  /** Source lines the block covers (0-based). */
  startLine: number;
  endLine: number;
}

export interface StepSection {
  stepId: string;
  /** The heading that first opens the step. */
  heading: Heading;
  /** Every heading that opens, continues or re-opens the step, in order. */
  headings: Heading[];
  /** Stretches of the document that belong to the step (from a heading to the section's end). */
  spans: { start: number; end: number }[];
  /** From the opening heading to the end of the first stretch. */
  range: Range;
  /** Why the heading opens the step: the evidence that decided it, most telling first. */
  evidence: string[];
  /**
   * The step is a weak reading of a heading that does not name it ("Architecture" read as the
   * serving step where no heading names serving): the order finding leaves it alone.
   */
  weak?: true;
}

export interface ExtraSection {
  heading: Heading;
  start: number;
  end: number;
}

export interface HtmlComment {
  text: string;
  start: number;
  end: number;
}

export interface DesignDocument {
  /**
   * The whole text as one string. A document assembled from a `PieceText` joins it on the first
   * read: the engine and the rules read `source` instead, so that an edit makes no string of the
   * whole design (issue 19); features that need the text (fixes, renames) read this.
   */
  readonly text: string;
  /** The text, read without making it one string. */
  readonly source: TextSource;
  lines: LineIndex;
  /** Length of a leading byte-order mark, which Markdown parsing skips. */
  bomLength: number;
  frontMatter?: FrontMatter;
  headings: Heading[];
  /** Stretches that are not prose: fenced and indented code, HTML blocks, front matter. */
  nonProse: { start: number; end: number }[];
  comments: HtmlComment[];
  /** Sections of the steps present, in the order they first appear. */
  steps: StepSection[];
  stepById: Map<string, StepSection>;
  extraSections: ExtraSection[];
  /** True when most step headings carry numbers ("1.", "Step 2:"): inserted steps follow suit. */
  numbersSteps: boolean;
  /** The heading depth most step headings use. */
  stepDepth: number;
  frameworkId: string;
}

/** What parsing gives apart from the document: its prose blocks, in order. */
export interface ParsedText {
  document: DesignDocument;
  blocks: ProseBlock[];
}

/** The fields a parser knows; sections are assigned afterwards (parse/sections.ts). */
export type DocumentContent = Pick<
  DesignDocument,
  | 'text'
  | 'lines'
  | 'bomLength'
  | 'frontMatter'
  | 'headings'
  | 'nonProse'
  | 'comments'
  | 'frameworkId'
>;

/**
 * A document with no sections assigned yet: the one place the literal is written. A parser gives
 * the text; the engine gives the source it assembled the document from (its `text` is then
 * joined when first read).
 */
export function createDocument(
  content: DocumentContent | (Omit<DocumentContent, 'text'> & { source: TextSource }),
): DesignDocument {
  const { lines, bomLength, frontMatter, headings, nonProse, comments, frameworkId } = content;
  const rest = {
    lines,
    bomLength,
    frontMatter,
    headings,
    nonProse,
    comments,
    frameworkId,
    steps: [],
    stepById: new Map(),
    extraSections: [],
    numbersSteps: false,
    stepDepth: 2,
  };
  if ('text' in content) return { text: content.text, source: content.text, ...rest };
  const { source } = content;
  return {
    get text() {
      return textOf(source);
    },
    source,
    ...rest,
  };
}
