// A fast parser for the plain Markdown most of a design is written in: ATX headings, paragraphs,
// one level of bullet and numbered lists, fenced code and **strong** text. It gives exactly the
// model parseDesign gives for such text, and gives up (undefined) on anything else — links, code
// spans, emphasis it cannot place for certain, HTML, quotes, nested lists, tabs, CR line breaks,
// trailing spaces — so the caller then uses remark. Incremental analysis uses it for the parts of
// a document after the first (each starts with a heading line or a run start); remark-parse takes about ten times
// longer on the same text. test/unit/fastParse.test.ts compares the two on random text.
import { LineIndex } from '../core/text';
import { closesFence, fenceOpening, type OpenFence } from './blocks';
import { tokenize } from '../core/tokens';
import type { CompiledFramework } from '../framework/compile';
import { matchHeading } from '../framework/headingMatcher';
import { createDocument, type Heading, type ParsedText, type ProseBlock } from '../model/document';

/** A run of inline content on one line: plain text, or strong text (`**inner**`). */
interface Run {
  strong: boolean;
  /** Offsets of the run in the text (for strong, the delimiters included). */
  start: number;
  end: number;
}

interface Line {
  /** Where the content starts (after the list marker or continuation indent) and ends. */
  start: number;
  end: number;
  runs: Run[];
}

interface Item {
  /** Columns the item's content is indented by. */
  indent: number;
  /** "-", "*", "+" for bullets; "." or ")" for numbered items. */
  marker: string;
  ordered: boolean;
}

// Characters whose Markdown meaning this parser does not reproduce.
// (Control characters other than tab and line feed are refused for the whole part first.)
const UNSUPPORTED_INLINE = /[\\&`_[\]<\t]/;
const ORDERED = /^(\d{1,9})([.)])( |$)/;
// Below parseMarkdown's input limits (parse/limits.ts neutralises the delimiters of a paragraph
// past its 128th, and leading whitespace past 128 columns): past these the fast parser gives up,
// so it never has to reproduce them.
const MAX_STRONG_MARKERS = 64;
const MAX_INDENT = 64;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/;

/** A carriage return or a control character other than tab and line feed. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10) return true;
  }
  return false;
}

class GiveUp extends Error {}

function giveUp(): never {
  throw new GiveUp();
}

/**
 * The model of a part after the first (it starts with an ATX heading line, or with a run start
 * between headings: parts.ts), or undefined when the part holds Markdown this parser does not
 * handle. A text that may open with a front matter or a byte-order mark is not taken.
 */
export function fastParsePart(text: string, framework: CompiledFramework): ParsedText | undefined {
  if (text.startsWith('---') || text.charCodeAt(0) === 0xfeff || hasControl(text)) return undefined;
  if ((text.match(/\*\*/g)?.length ?? 0) > MAX_STRONG_MARKERS) return undefined;
  try {
    return parse(text, framework);
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

function parse(text: string, framework: CompiledFramework): ParsedText {
  const lines = new LineIndex(text);
  const headings: Heading[] = [];
  const blocks: ProseBlock[] = [];
  const nonProse: { start: number; end: number }[] = [];

  let paragraph: Line[] | undefined;
  let item: Item | undefined;
  let fence: (OpenFence & { start: number }) | undefined;

  // Blocks are read (pieces, tokens) once the whole part is known to be plain: most parts that
  // give up do so late (a link in the last paragraph), and reading them first cost as much again.
  const found: { kind: ProseBlock['kind']; start: number; end: number; lines: Line[] }[] = [];
  const block = (kind: ProseBlock['kind'], start: number, end: number, runs: Line[]) => {
    found.push({ kind, start, end, lines: runs });
  };
  const closeParagraph = () => {
    if (!paragraph) return;
    block('paragraph', paragraph[0].start, paragraph[paragraph.length - 1].end, paragraph);
    paragraph = undefined;
  };

  for (let n = 0; n < lines.lineCount; n++) {
    const lineStart = lines.lineStarts[n];
    const lineEnd = lines.lineEnd(n);
    const line = text.slice(lineStart, lineEnd);

    if (fence) {
      if (closesFence(line, fence)) {
        // Only a closing fence at the margin with nothing after it is reproduced here.
        if (!/^(?:`+|~+)$/.test(line)) giveUp();
        nonProse.push({ start: fence.start, end: lineEnd });
        fence = undefined;
      }
      continue;
    }
    if (/^[ \t]*$/.test(line)) {
      if (line.includes('\t')) giveUp();
      closeParagraph();
      continue;
    }
    const first = line[0];

    if (first === '#' && /^#{1,6}(?:[ \t]|$)/.test(line)) {
      const atx = /^(#{1,6})( +)(.*)$/.exec(line);
      if (!atx) giveUp(); // an empty heading, a tab
      closeParagraph();
      item = undefined;
      const content = atx[3].replace(/ +$/, '');
      if (content === '' || content.endsWith('#')) giveUp();
      const contentStart = lineStart + atx[1].length + atx[2].length;
      const runs = inlineRuns(text, contentStart, contentStart + content.length);
      const headingLine = [{ start: contentStart, end: contentStart + content.length, runs }];
      const pieces = piecesOf(text, headingLine);
      const heading: Heading = {
        index: headings.length,
        depth: atx[1].length,
        setext: false,
        text: pieces.map((p) => p.text).join(''),
        range: lines.rangeOf(lineStart, lineEnd),
        start: lineStart,
        end: lineEnd,
        textRange: lines.rangeOf(runs[0].start, runs[runs.length - 1].end),
        textStart: runs[0].start,
        textEnd: runs[runs.length - 1].end,
        match: matchHeading(pieces.map((p) => p.text).join(''), framework),
        role: 'none',
        stepIds: [],
      };
      headings.push(heading);
      block('heading', lineStart, lineEnd, headingLine);
      continue;
    }

    const open = fenceOpening(line);
    if (open) {
      if (open.indent > 0) giveUp();
      closeParagraph();
      item = undefined;
      fence = { ...open, start: lineStart };
      continue;
    }
    if (/^(`{3,})/.test(line)) giveUp(); // a backtick fence line whose info has a backtick

    // A list item: "- text", "* text", "+ text", "1. text", "2) text".
    const bullet = /^([-*+]) (?=\S)/.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      if (ordered) {
        if (ordered[3] === '') giveUp(); // an empty item
        const number = Number(ordered[1]);
        // A numbered item other than 1 cannot interrupt a paragraph, except the next item of the
        // same list.
        const sameList = item?.ordered && item.marker === ordered[2];
        if (paragraph && number !== 1 && !sameList) giveUp();
      }
      closeParagraph();
      const indent = bullet ? 2 : ordered![1].length + 2;
      item = bullet
        ? { indent, marker: bullet[1], ordered: false }
        : { indent, marker: ordered![2], ordered: true };
      paragraph = [contentLine(text, lineStart + indent, lineEnd)];
      continue;
    }

    if (first === ' ') {
      const spaces = /^ */.exec(line)![0].length;
      if (spaces > MAX_INDENT) giveUp();
      if (paragraph) {
        // Continuation text, its indent not part of the paragraph.
        paragraph.push(contentLine(text, lineStart + spaces, lineEnd));
        continue;
      }
      // A paragraph indented by one to three spaces: inside the list item when indented as its
      // content (the same paragraph either way); four spaces would be code.
      if (spaces >= 4) giveUp();
      if (!item || spaces < item.indent) item = undefined;
      paragraph = [contentLine(text, lineStart + spaces, lineEnd)];
      continue;
    }

    // Paragraph text at the margin: a new paragraph, or the (lazy) continuation of the open one.
    const content = contentLine(text, lineStart, lineEnd);
    if (paragraph) {
      paragraph.push(content);
    } else {
      item = undefined;
      paragraph = [content];
    }
  }
  if (fence) giveUp();
  closeParagraph();
  for (const { kind, start, end, lines: runs } of found) {
    const pieces = piecesOf(text, runs);
    blocks.push({
      kind,
      start,
      end,
      pieces,
      tokens: pieces.flatMap((piece) => tokenize(piece.text, piece.start)),
      startLine: lines.positionAt(start).line,
      endLine: lines.positionAt(end).line,
    });
  }

  const document = createDocument({
    text,
    lines,
    bomLength: 0,
    headings,
    nonProse,
    comments: [],
    frameworkId: framework.id,
  });
  return { document, blocks };
}

/** A line of paragraph text; gives up unless it is plain text that starts no other block. */
function contentLine(text: string, start: number, end: number): Line {
  if (start >= end) giveUp();
  const content = text.slice(start, end);
  const first = content[0];
  const second = content[1] ?? ' ';
  if ('>_`<[\\& \t'.includes(first)) giveUp();
  // What would start a heading, a list item, a thematic break, a setext underline or a fence.
  if (first === '#' && /^#{1,6}(?:[ \t]|$)/.test(content)) giveUp();
  if (first === '*' && !(second === '*' && !/[\s*]/.test(content[2] ?? ' '))) giveUp();
  if ('-+='.includes(first) && (WHITESPACE.test(second) || /^([-+=])[-+= \t]*$/.test(content))) {
    giveUp();
  }
  if (content.startsWith('~~~')) giveUp();
  if (ORDERED.test(content.slice(0, 12))) giveUp();
  if (text[end - 1] === ' ') giveUp(); // a hard break or stripped spaces
  return { start, end, runs: inlineRuns(text, start, end) };
}

/** Splits a line's content into plain and strong runs, or gives up. */
function inlineRuns(text: string, start: number, end: number): Run[] {
  const content = text.slice(start, end);
  if (UNSUPPORTED_INLINE.test(content)) giveUp();
  const runs: Run[] = [];
  let at = 0;
  for (;;) {
    const open = content.indexOf('*', at);
    if (open < 0) break;
    // An opening "**" must be left-flanking: not before whitespace, and before punctuation only
    // when after whitespace or punctuation (the start of the line counts as whitespace).
    if (content[open + 1] !== '*') giveUp();
    const previous = content[open - 1];
    const next = content[open + 2];
    if (next === undefined || next === '*' || WHITESPACE.test(next)) giveUp();
    if (
      PUNCTUATION.test(next) &&
      previous !== undefined &&
      !WHITESPACE.test(previous) &&
      !PUNCTUATION.test(previous)
    ) {
      giveUp();
    }
    const close = content.indexOf('*', open + 2);
    if (close < 0 || content[close + 1] !== '*') giveUp();
    // A closing "**" must be right-flanking: not after whitespace, and after punctuation only
    // when before whitespace or punctuation (the end of the line counts as whitespace). It then
    // closes the opening one, the only one open.
    const before = content[close - 1];
    const after = content[close + 2];
    if (after === '*' || WHITESPACE.test(before)) giveUp();
    if (
      PUNCTUATION.test(before) &&
      after !== undefined &&
      !WHITESPACE.test(after) &&
      !PUNCTUATION.test(after)
    ) {
      giveUp();
    }
    if (open > at) runs.push({ strong: false, start: start + at, end: start + open });
    runs.push({ strong: true, start: start + open, end: start + close + 2 });
    at = close + 2;
  }
  if (at < content.length) runs.push({ strong: false, start: start + at, end });
  return runs;
}

/**
 * The pieces of a paragraph or heading as parseDesign collects them: strong text is a piece of its
 * own, plain text ends its piece with the line break after it (a line break after strong text is a
 * piece at the break), and each line's plain text starts a piece where it is written, after the
 * continuation indent.
 */
function piecesOf(text: string, lines: Line[]): { text: string; start: number }[] {
  const pieces: { text: string; start: number }[] = [];
  let current: { text: string; start: number } | undefined;
  lines.forEach((line, i) => {
    if (i > 0) {
      if (current) current.text += '\n';
      pieces.push(current ?? { text: '\n', start: lines[i - 1].end });
      current = undefined;
    }
    for (const run of line.runs) {
      if (run.strong) {
        if (current) pieces.push(current);
        current = undefined;
        pieces.push({ text: text.slice(run.start + 2, run.end - 2), start: run.start + 2 });
      } else if (current) {
        current.text += text.slice(run.start, run.end);
      } else {
        current = { text: text.slice(run.start, run.end), start: run.start };
      }
    }
  });
  if (current) pieces.push(current);
  return pieces;
}
