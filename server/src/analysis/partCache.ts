// Parsed parts of designs, cached by their text. A part is parsed and measured on its own, with
// offsets relative to its start (see parse/parts.ts for where the text is split), so identical
// parts of any document share one entry. Entries are shared and their parsed content never
// changes; four fields are caches filled on use: `blocks` (dropped after each analysis, read
// again from the text when needed), `slices` (per-step measures of runs of blocks),
// `placedRanges` and `prose` (what the rules remember of the part).
import type { Nodes, Root } from 'mdast';
import type { Range } from '../core/text';
import type { CompiledFramework, CompiledTopic } from '../framework/compile';
import type { Placeholder, ProsePart } from '../model/analysis';
import type { DesignDocument, ParsedText, ProseBlock, StepSection } from '../model/document';
import { codeNodeClosed, htmlNodeClosed } from '../parse/blocks';
import { fastParsePart } from '../parse/fastParse';
import { parseDesignTree } from '../parse/parseDesign';
import { blockWords, TemplateText, type DeferralScope, type Script } from './cueMatching';
import type { CueIndex } from './cueIndex';
import { findPlaceholders } from './placeholders';
import { blockTerms } from './substance';

export type ResolveFramework = (values: Record<string, unknown> | undefined) => CompiledFramework;

/** One parsed part, offsets relative to its start. */
export interface PartEntry {
  /** The part's text (a copy, so the cache does not keep whole old document strings alive). */
  readonly text: string;
  readonly framework: CompiledFramework;
  /** The part parsed as a document of its own. */
  readonly document: DesignDocument;
  /** Ends inside a fenced code block or HTML block that the next heading line would continue. */
  readonly open: boolean;
  /** Holds a link reference definition (these reach across parts). */
  readonly definitions: boolean;
  /** Front matter the parser did not read as front matter (no closing fence): it runs to the end. */
  readonly looseFrontMatter: boolean;
  readonly placeholders: Placeholder[];
  readonly template: TemplateText;
  readonly blockStarts: number[];
  /** wordsBefore[i]: substantive words of blocks 0..i-1 (headings and bare labels count none). */
  readonly wordsBefore: number[];
  /** termsBefore[i], itemsBefore[i]: technical terms and items of blocks 0..i-1 (substance.ts). */
  readonly termsBefore: number[];
  readonly itemsBefore: number[];
  /** Indices of heading blocks. */
  readonly headingBlocks: number[];
  /** By the blocks they hold (topicCoverage.ts: a number for most, a string for the others). */
  readonly slices: Map<string | number, Slice>;
  /**
   * The prose blocks with their tokens, kept out of `document` and dropped after each analysis:
   * they are most of a part's memory and are needed again only when a part lands in another step
   * or a new topic is looked for (the part is then parsed again, as it was the first time).
   */
  blocks?: ProseBlock[];
  /** Parsed by the fast parser (else by remark). */
  readonly fast: boolean;
  readonly bytes: number;
  /**
   * Its headings' range and textRange moved down by `line` lines, as the last document that held
   * the part placed them: the next document usually places it at the same line.
   */
  placedRanges?: { line: number; ranges: Range[] };
  /** The part as rules read it, with what they remember of it (made when first asked for). */
  prose?: ProsePart;
}

/** A stretch of a part's blocks that belongs to a step, with what coverage needs of it. */
export interface Slice {
  lo: number;
  hi: number;
  /** Blocks left out of topic search: the step's own headings. */
  excluded: number[];
  /** Blocks a deferral label leaves out of topic search ("Out of scope:" and its list). */
  deferred: number[];
  /** Where the deferral label's reach stands after the slice (the next slice starts there). */
  scopeAfter: DeferralScope;
  scripts: Map<Script, number>;
  questions: number;
  firstQuestion?: { start: number; end: number };
  /** Per topic: [cue index, start, end] of the first match of each cue that matches. */
  topics: Map<CompiledTopic, number[]>;
  /** The slice's words indexed for cue search, dropped with the part's tokens. */
  index?: CueIndex;
}

// Most slices hold no words of most topics. Shared empty values (never written to) keep the
// many cached parts small.
export const NONE: never[] = [];
const NO_STEPS = new Map<string, StepSection>();

export function blocksOf(entry: PartEntry): ProseBlock[] {
  entry.blocks ??= (
    entry.fast
      ? fastParsePart(entry.text, entry.framework)!
      : parseDesignTree(entry.text, () => entry.framework)
  ).blocks;
  return entry.blocks;
}

export function prosePartOf(entry: PartEntry): ProsePart {
  entry.prose ??= {
    text: entry.text,
    blockStarts: entry.blockStarts,
    headingBlocks: entry.headingBlocks,
    blocks: () => blocksOf(entry),
    memo: new Map(),
  };
  return entry.prose;
}

export function dropBlocks(entry: PartEntry): void {
  if (!entry.blocks) return;
  entry.blocks = undefined;
  for (const slice of entry.slices.values()) slice.index = undefined;
}

/**
 * Parsed parts by content, least recently used dropped first once their estimated size passes
 * `maxBytes`. One cache serves every document (identical parts are shared).
 */
export class PartCache {
  private readonly entries = new Map<string, PartEntry>();
  private total = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  get(text: string, framework: CompiledFramework | undefined): PartEntry | undefined {
    const entry = this.entries.get(text);
    if (!entry || (framework && entry.framework !== framework)) return undefined;
    this.entries.delete(entry.text);
    this.entries.set(entry.text, entry);
    return entry;
  }

  add(entry: PartEntry): void {
    const old = this.entries.get(entry.text);
    if (old) {
      this.total -= old.bytes;
      this.entries.delete(entry.text);
    }
    this.entries.set(entry.text, entry);
    this.total += entry.bytes;
    for (const [key, oldest] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(key);
      this.total -= oldest.bytes;
    }
  }

  /** Drops every entry but those given. */
  keepOnly(kept: ReadonlySet<PartEntry>): void {
    for (const [key, entry] of this.entries) {
      if (kept.has(entry)) continue;
      this.entries.delete(key);
      this.total -= entry.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}

// Rough memory a part costs per character of text once parsed (tokens, blocks, line index); used
// only to bound the cache.
const BYTES_PER_CHAR = 8;

/** A copy of a (possibly sliced) string that does not share the original's memory. */
function detach(text: string): string {
  // Slicing a fresh concatenation copies just this text (and keeps one byte per character when
  // the text allows it, which a round trip through UTF-16 would not).
  return text.length < 16 ? text : (' ' + text).slice(1);
}

export function buildPart(
  text: string,
  resolveFramework: ResolveFramework,
  known: CompiledFramework | undefined,
  useFastParser: boolean,
): PartEntry {
  const own = detach(text);
  // After the first part (which holds the front matter) the framework is known, and plain parts
  // need no Markdown tree. A first part that starts with a heading has no front matter, so its
  // framework is the default one.
  const plainFramework =
    known ?? (own.charCodeAt(0) === 35 /* # */ ? resolveFramework(undefined) : undefined);
  const fast = plainFramework && useFastParser ? fastParsePart(own, plainFramework) : undefined;
  if (fast) return measurePart(own, fast, plainFramework!, true, false, false, false);
  let framework: CompiledFramework | undefined;
  const parsed = parseDesignTree(own, (values) => {
    framework = known ?? resolveFramework(values);
    return framework;
  });
  const { document, tree } = parsed;
  return measurePart(
    own,
    parsed,
    framework!,
    false,
    endsOpen(own, tree),
    own.includes(']:') && hasDefinition(tree),
    !known && Boolean(document.frontMatter) && !tree.children.some((n) => n.type === 'yaml'),
  );
}

function measurePart(
  own: string,
  { document, blocks }: ParsedText,
  framework: CompiledFramework,
  fast: boolean,
  open: boolean,
  definitions: boolean,
  looseFrontMatter: boolean,
): PartEntry {
  const placeholders = findPlaceholders(document, framework.placeholders);
  const template = new TemplateText(document, placeholders);
  const blockStarts: number[] = [];
  const wordsBefore = [0];
  const termsBefore = [0];
  const itemsBefore = [0];
  const headingBlocks: number[] = [];
  blocks.forEach((block, i) => {
    blockStarts.push(block.start);
    const words = blockWords(block, template);
    wordsBefore.push(wordsBefore[i] + words);
    termsBefore.push(termsBefore[i] + blockTerms(block, template, document.text));
    itemsBefore.push(itemsBefore[i] + (block.kind !== 'heading' && words > 0 ? 1 : 0));
    if (block.kind === 'heading') headingBlocks.push(i);
  });
  // The part's own sections are not used; drop them so the cache holds less (many parts are cached).
  document.steps = NONE;
  document.stepById = NO_STEPS;
  document.extraSections = NONE;
  if (document.nonProse.length === 0) document.nonProse = NONE;
  if (document.comments.length === 0) document.comments = NONE;
  return {
    text: own,
    framework,
    document,
    open,
    definitions,
    looseFrontMatter,
    placeholders,
    template,
    blockStarts,
    wordsBefore,
    termsBefore,
    itemsBefore,
    headingBlocks,
    slices: new Map(),
    blocks,
    fast,
    bytes: own.length * BYTES_PER_CHAR + 512,
  };
}

function hasDefinition(node: Nodes): boolean {
  if (node.type === 'definition') return true;
  return 'children' in node && node.children.some((child) => hasDefinition(child as Nodes));
}

/**
 * Whether the text ends inside a fenced code block or an HTML block, at any depth: a heading line
 * after it might then belong to that block. (Inside a list or quote it would not, but saying so
 * costs only a larger part.) The tree is the parser's own reading, so this also catches a block
 * the line-by-line part scanner judged otherwise.
 */
function endsOpen(text: string, tree: Root): boolean {
  // Offsets from mdast skip a leading byte-order mark; the part's text keeps it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let node: Nodes | undefined = tree.children[tree.children.length - 1];
  while (node) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return true;
    const source = text.slice(start + bom, end + bom);
    if (node.type === 'code') return !codeNodeClosed(source);
    if (node.type === 'html') return !htmlNodeClosed(source, text.slice(end + bom));
    node =
      'children' in node && node.children.length > 0
        ? (node.children[node.children.length - 1] as Nodes)
        : undefined;
  }
  return false;
}

/** A part placed in a document: where it starts, and its first line there. */
export interface Part {
  start: number;
  line: number;
  entry: PartEntry;
}
