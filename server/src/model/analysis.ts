// What an analysis gives: per step, its section, topic coverage and word count; the findings of
// the rules; and a reader for the prose blocks. Plain types: the engine (analysis/) builds them,
// rules and editor features read them.
import type { Finding, Fix } from '../core/findings';
import type {
  CompiledFramework,
  CompiledCaseStudy,
  CompiledStep,
  CompiledTopic,
} from '../framework/compile';
import type { DesignDocument, ProseBlock, StepSection } from './document';

export type TopicStatus = 'covered' | 'missing' | 'unchecked';

export interface TopicCoverage {
  topic: CompiledTopic;
  status: TopicStatus;
  /** Where the covering words are (document offsets) and what they say. */
  evidence?: { start: number; end: number; text: string };
}

/** A template placeholder ("TODO", "<describe …>") left in the text. */
export interface Placeholder {
  start: number;
  end: number;
  /** 0-based line. */
  line: number;
  text: string;
}

/** The measures of one framework step in one document. */
export interface StepResult {
  step: CompiledStep;
  section?: StepSection;
  topics: TopicCoverage[];
  /** Substantive words (placeholders, stub labels and headings not counted). */
  words: number;
  /** Prose blocks in the section other than headings (placeholders included). */
  proseBlocks: number;
  /** Technical terms outside template text (CTR, mAP, recall@k, p99): part of its substance. */
  terms: number;
  /** Paragraphs and list items with substantive words: part of its substance. */
  items: number;
  /** The step's budget in this interview (the framework's minutes scaled by front matter `minutes`). */
  minutes: number;
  /** Substance below which the step is thin, at the front matter's `level`. */
  thinWords: number;
}

/**
 * The prose blocks of a document, read on request: the engine keeps them per part (offsets
 * relative to the part, so that they are neither copied nor moved) and may parse a part again to
 * give them, so they are methods, not fields.
 */
export interface ProseReader {
  /** Every part's blocks, in order. */
  documentRuns(): ProseRun[];
  /** The blocks inside a step's section, its headings included, in order. */
  sectionRuns(section: StepSection): ProseRun[];
}

/**
 * A piece of the text as the engine keeps it between analyses (shared by every document that
 * holds the same text), offsets relative to its start: what is read from it can be remembered in
 * `memo` and answered again after an edit elsewhere, without parsing it again.
 */
export interface ProsePart {
  readonly text: string;
  /** Start of each block, and which blocks are headings: known without parsing. */
  readonly blockStarts: readonly number[];
  readonly headingBlocks: readonly number[];
  /** The blocks, offsets relative to the part (this may parse). */
  blocks(): ProseBlock[];
  /** What rules remember of this text, by a key of their own: it lives as long as the part. */
  readonly memo: Map<string, unknown>;
}

/** Blocks lo..hi-1 of a part that starts at `offset` of the document. */
export interface ProseRun {
  part: ProsePart;
  offset: number;
  lo: number;
  hi: number;
}

/** What the engine builds before the rules run. */
export interface DesignModel {
  document: DesignDocument;
  framework: CompiledFramework;
  /** The case study the front matter names (`problem:`). */
  caseStudy?: CompiledCaseStudy;
  /** One result per framework step, in framework order. */
  steps: StepResult[];
  /** The candidate level (front matter `level:`, when valid). */
  level?: string;
  /** The interview length in minutes (front matter `minutes:`, else the framework's). */
  minutes: number;
  placeholders: Placeholder[];
  prose: ProseReader;
}

/** The fixes rules offer for all their findings at once, as one fix (source.fixAll.mlsd). */
export interface FixAll extends Fix {
  /** How many findings it is for (some of them may have no place to be fixed). */
  findingCount: number;
}

export interface Analysis extends DesignModel {
  findings: Finding[];
  /** Problems with the settings (unknown rule, bad value); defaults were used instead. */
  settingsProblems: string[];
  /** Rules that threw; the others still ran. */
  ruleFailures: string[];
  /**
   * The rules' fix-all, when it converges (analysis/fixAll.ts). A method: the first call analyses
   * the fixed text, later calls give the same answer.
   */
  fixAll(): FixAll | undefined;
}
