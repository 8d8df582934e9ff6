// Markdown text -> design-document model. remark-parse (with front matter) is the only Markdown
// parser; everything after the tree is built is plain data with exact offsets.
import type { Heading as MdHeading, Node, Nodes, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineIndex } from '../core/text';
import { tokenize } from '../core/tokens';
import type { CompiledFramework } from '../framework/compile';
import { matchHeading } from '../framework/headingMatcher';
import { blockRunStarts, MIN_RUN } from './blockChunks';
import { codeNodeClosed, htmlNodeClosed } from './blocks';
import { parseFrontMatter } from './frontMatter';
import { defuseMarkdown } from './limits';
import {
  createDocument,
  type Heading,
  type HtmlComment,
  type ParsedText,
  type ProseBlock,
} from '../model/document';
import { assignSections } from './sections';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Parses Markdown into mdast. Exposed for benchmarks and tests. */
export function parseMarkdown(text: string): Root {
  // Same length as the text: markers past sane nesting and delimiter limits are neutralised.
  return processor.parse(defuseMarkdown(text));
}

/**
 * `parseMarkdown` run by run of top-level blocks (see blockChunks.ts), the trees joined into one
 * whose offsets are those of the whole text (less a leading byte-order mark, as remark gives them):
 * the same tree but for lists split where a run starts, in time linear in the length of the text.
 * A run whose last block is a fence or HTML block left open (inside a list item, where the scan
 * for run starts does not look) is parsed again with the next run: at the end of a text such a
 * block takes in the blank lines that the item's end leaves out inside the whole text.
 */
export function parseMarkdownInRuns(text: string, minRun = MIN_RUN): Root {
  const defused = defuseMarkdown(text);
  const starts = blockRunStarts(defused, minRun);
  if (starts.length === 1) return processor.parse(defused);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new LineIndex(text);
  const root: Root = { type: 'root', children: [] };
  let merged = 0;
  for (let i = 0; i < starts.length;) {
    const start = starts[i];
    let next = i + 1;
    let tree: Root;
    for (;;) {
      // Past a few open runs (hostile text), the rest is parsed whole.
      if (merged > 8) next = starts.length;
      const end = next < starts.length ? starts[next] : text.length;
      const source = defused.slice(start, end);
      tree = processor.parse(source);
      if (next >= starts.length || !endsInOpenBlock(source, tree, i === 0 ? bom : 0)) break;
      merged++;
      next++;
    }
    if (i > 0) {
      const line = lines.positionAt(start).line;
      for (const child of tree.children) shiftPositions(child, start - bom, line);
    }
    for (const child of tree.children) root.children.push(child);
    i = next;
  }
  const last = root.children[root.children.length - 1];
  root.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: last?.position?.end ?? { line: 1, column: 1, offset: 0 },
  };
  return root;
}

/** Whether the last block of a tree of `source` is a fence or an HTML block left open. */
function endsInOpenBlock(source: string, tree: Root, bom: number): boolean {
  let node: Nodes | undefined = tree.children[tree.children.length - 1];
  while (node) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return true;
    const written = source.slice(start + bom, end + bom);
    if (node.type === 'code') return !codeNodeClosed(written);
    if (node.type === 'html') return !htmlNodeClosed(written, source.slice(end + bom));
    node =
      'children' in node && node.children.length > 0
        ? (node.children[node.children.length - 1] as Nodes)
        : undefined;
  }
  return false;
}

function shiftPositions(node: Node, offset: number, lines: number): void {
  const position = node.position;
  if (position) {
    position.start.offset = (position.start.offset ?? 0) + offset;
    position.end.offset = (position.end.offset ?? 0) + offset;
    position.start.line += lines;
    position.end.line += lines;
  }
  if ('children' in node)
    for (const child of (node as Parent).children) shiftPositions(child, offset, lines);
}

interface Walk {
  text: string;
  bom: number;
  lines: LineIndex;
  framework: CompiledFramework;
  headings: Heading[];
  blocks: ProseBlock[];
  nonProse: { start: number; end: number }[];
  comments: HtmlComment[];
  frontMatterNode?: { start: number; end: number; value: string };
}

/**
 * Builds the model. `resolveFramework` picks the framework once the front matter is known (it may
 * name one); it must always return a framework.
 */
export function parseDesign(
  text: string,
  resolveFramework: (frontMatterValues: Record<string, unknown> | undefined) => CompiledFramework,
): ParsedText {
  const { document, blocks } = parseDesignTree(text, resolveFramework);
  return { document, blocks };
}

/** `parseDesign`, also giving the Markdown tree (incremental analysis checks where parts end). */
export function parseDesignTree(
  text: string,
  resolveFramework: (frontMatterValues: Record<string, unknown> | undefined) => CompiledFramework,
  /** Tests only: the shortest run of blocks parsed on its own (Infinity: the text in one). */
  minRun = MIN_RUN,
): ParsedText & { tree: Root } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new LineIndex(text);
  const tree = parseMarkdownInRuns(text, minRun);

  // Front matter first: it may choose the framework the headings are matched against.
  const yamlNode = tree.children.find((node) => node.type === 'yaml');
  const frontMatter = yamlNode?.position
    ? parseFrontMatter(
        text,
        lines,
        offsetOf(yamlNode.position.start.offset, bom),
        offsetOf(yamlNode.position.end.offset, bom),
      )
    : parseUnclosedFrontMatter(text, lines, bom);
  const framework = resolveFramework(frontMatter?.values);

  const walk: Walk = {
    text,
    bom,
    lines,
    framework,
    headings: [],
    blocks: [],
    nonProse: [],
    comments: [],
  };
  if (frontMatter) {
    walk.nonProse.push({
      start: lines.offsetAt(frontMatter.range.start),
      end: lines.offsetAt(frontMatter.range.end),
    });
  }
  for (const node of tree.children) visitBlock(node, walk);

  const document = createDocument({
    text,
    lines,
    bomLength: bom,
    frontMatter,
    headings: walk.headings,
    nonProse: walk.nonProse,
    comments: walk.comments,
    frameworkId: framework.id,
  });
  assignSections(document, framework);
  return { document, blocks: walk.blocks, tree };
}

function offsetOf(offset: number | undefined, bom: number): number {
  return (offset ?? 0) + bom;
}

// An opening fence with no closing one: remark reads it as a thematic break, so look for it here.
function parseUnclosedFrontMatter(text: string, lines: LineIndex, bom: number) {
  if (
    lines
      .lineText(0)
      .replace(/^\uFEFF/, '')
      .trimEnd() !== '---' ||
    lines.lineCount < 2
  )
    return undefined;
  if (!/^[A-Za-z_][\w-]*\s*:/.test(lines.lineText(1))) return undefined;
  const frontMatter = parseFrontMatter(text, lines, bom, text.length, false);
  return frontMatter;
}

function visitBlock(node: RootContent, walk: Walk): void {
  const start = offsetOf(node.position?.start.offset, walk.bom);
  const end = offsetOf(node.position?.end.offset, walk.bom);
  switch (node.type) {
    case 'yaml':
      return;
    case 'heading':
      addHeading(node, start, end, walk);
      return;
    case 'code':
      walk.nonProse.push({ start, end });
      return;
    case 'html':
      walk.nonProse.push({ start, end });
      collectComments(node.value, start, walk);
      return;
    case 'paragraph':
      addBlock('paragraph', node, start, end, walk);
      return;
    case 'table':
      for (const row of node.children) {
        for (const cell of row.children) {
          addBlock(
            'cell',
            cell,
            offsetOf(cell.position?.start.offset, walk.bom),
            offsetOf(cell.position?.end.offset, walk.bom),
            walk,
          );
        }
      }
      return;
    default:
      if ('children' in node) {
        for (const child of (node as Parent).children) visitBlock(child as RootContent, walk);
      }
  }
}

function addHeading(node: MdHeading, start: number, end: number, walk: Walk): void {
  const source = walk.text.slice(start, end);
  const setext = !/^\s{0,3}#/.test(source);
  let textStart = start;
  let textEnd = end;
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  if (first?.position && last?.position) {
    textStart = offsetOf(first.position.start.offset, walk.bom);
    textEnd = offsetOf(last.position.end.offset, walk.bom);
  } else if (setext) {
    textEnd = walk.lines.lineEnd(walk.lines.positionAt(start).line);
  }
  const text = toString(node, { includeHtml: false });
  const heading: Heading = {
    index: walk.headings.length,
    depth: node.depth,
    setext,
    text,
    range: walk.lines.rangeOf(start, end),
    start,
    end,
    textRange: walk.lines.rangeOf(textStart, textEnd),
    textStart,
    textEnd,
    match: matchHeading(text, walk.framework),
    role: 'none',
    stepIds: [],
  };
  walk.headings.push(heading);
  addBlock('heading', node, start, end, walk);
}

function addBlock(
  kind: ProseBlock['kind'],
  node: Nodes,
  start: number,
  end: number,
  walk: Walk,
): void {
  const pieces: ProseBlock['pieces'] = [];
  collectInline(node, pieces, walk);
  const tokens = pieces.flatMap((piece) => tokenize(piece.text, piece.start));
  walk.blocks.push({
    kind,
    start,
    end,
    pieces,
    tokens,
    startLine: walk.lines.positionAt(start).line,
    endLine: walk.lines.positionAt(end).line,
  });
}

function collectInline(node: Nodes, pieces: ProseBlock['pieces'], walk: Walk): void {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    const start = offsetOf(child.position?.start.offset, walk.bom);
    switch (child.type) {
      case 'text':
        pushText(child.value, start, pieces, walk);
        break;
      case 'inlineCode': {
        // The value starts after the opening backticks.
        const source = walk.text.slice(start, offsetOf(child.position?.end.offset, walk.bom));
        const at = source.indexOf(child.value);
        pieces.push({ text: child.value, start: start + Math.max(0, at) });
        break;
      }
      case 'html':
        collectComments(child.value, start, walk);
        break;
      case 'break':
        pieces.push({ text: '\n', start });
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        collectInline(child, pieces, walk);
    }
  }
}

/**
 * A text node's value leaves out what starts its continuation lines (a list item's indent, "> "),
 * so it is not the source text from its start on: it is split after each line break, and each
 * line's piece starts where that line's text is written. Every piece is then the source text at
 * its offset, and so are the tokens read from it.
 */
function pushText(value: string, start: number, pieces: ProseBlock['pieces'], walk: Walk): void {
  const { lines, text } = walk;
  let from = 0;
  let at = start;
  let line = lines.positionAt(start).line;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    if (code === 13 && value.charCodeAt(i + 1) === 10) i++;
    pieces.push({ text: value.slice(from, i + 1), start: at });
    from = i + 1;
    // Each line break of the value is one of the source: the next piece is on the next line.
    if (++line >= lines.lineCount) break;
    at = lines.lineStarts[line];
    for (let c = text.charCodeAt(at); c === 32 || c === 9 || c === 62; c = text.charCodeAt(++at));
  }
  if (from < value.length) pieces.push({ text: value.slice(from), start: at });
}

function collectComments(html: string, start: number, walk: Walk): void {
  // indexOf, not /<!--([\s\S]*?)-->/g: with many openers and no closer the pattern is quadratic.
  for (let open = html.indexOf('<!--'); open >= 0;) {
    const close = html.indexOf('-->', open + 4);
    if (close < 0) break;
    walk.comments.push({
      text: html.slice(open + 4, close),
      start: start + open,
      end: start + close + 3,
    });
    open = html.indexOf('<!--', close + 3);
  }
}
