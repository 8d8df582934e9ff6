// Where Markdown's fenced code blocks and HTML blocks start and end (CommonMark 0.31, sections
// 4.5 and 4.6). These are the blocks a heading line cannot interrupt, so the part splitter, the
// fast parser, the incremental engine and the fix builders all ask here whether a line opens or
// closes one, instead of each keeping its own rules.

/** A fence line: up to three spaces, then three or more backticks or tildes, then the info text. */
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HTML_1 = /^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;
const HTML_1_END = /<\/(?:script|pre|style|textarea)>/i;
const HTML_6 =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
const HTML_7 =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;

export interface OpenFence {
  kind: 'fence';
  /** "`" or "~". */
  char: string;
  length: number;
  /** Spaces before the opening fence. */
  indent: number;
}

export interface OpenHtml {
  kind: 'html';
  /** What ends the block: a marker on a line (kinds 1 to 5), or a blank line (kinds 6 and 7). */
  end: RegExp | 'blank';
  /** Characters of the start line to skip before looking for the end marker ("<!--" itself). */
  skip: number;
}

export type OpenBlock = OpenFence | OpenHtml;

/** The fence a line opens, if it opens one (a backtick fence's info text has no backtick). */
export function fenceOpening(line: string): OpenFence | undefined {
  const match = FENCE.exec(line);
  if (!match) return undefined;
  const char = match[2][0];
  if (char === '`' && match[3].includes('`')) return undefined;
  return { kind: 'fence', char, length: match[2].length, indent: match[1].length };
}

/** Whether a line closes the fence: the same character, at least as long, nothing after it. */
export function closesFence(line: string, fence: OpenFence): boolean {
  const match = FENCE.exec(line);
  return Boolean(
    match &&
    match[2][0] === fence.char &&
    match[2].length >= fence.length &&
    /^[ \t]*$/.test(match[3]),
  );
}

/**
 * The HTML block a line starts, if it starts one. Kind 7 (any other tag alone on its line) cannot
 * interrupt a paragraph.
 */
export function htmlOpening(line: string, inParagraph: boolean): OpenHtml | undefined {
  if (!/^ {0,3}</.test(line)) return undefined;
  if (HTML_1.test(line)) return { kind: 'html', end: HTML_1_END, skip: 2 };
  if (/^ {0,3}<!--/.test(line)) return { kind: 'html', end: /-->/, skip: 4 };
  if (/^ {0,3}<\?/.test(line)) return { kind: 'html', end: /\?>/, skip: 2 };
  if (/^ {0,3}<!\[CDATA\[/.test(line)) return { kind: 'html', end: /\]\]>/, skip: 9 };
  if (/^ {0,3}<![A-Za-z]/.test(line)) return { kind: 'html', end: />/, skip: 2 };
  if (HTML_6.test(line)) return { kind: 'html', end: 'blank', skip: 0 };
  if (!inParagraph && HTML_7.test(line)) return { kind: 'html', end: 'blank', skip: 0 };
  return undefined;
}

/**
 * Whether an HTML block ends on this line. On its start line the end marker is looked for after
 * the opening marker, so "<!-->" style lines do not read as closed.
 */
export function closesHtml(line: string, html: OpenHtml, startLine: boolean): boolean {
  if (html.end === 'blank') return isBlankLine(line);
  if (!startLine) return html.end.test(line);
  return html.end.test(line.slice(line.indexOf('<') + html.skip));
}

export function isBlankLine(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/**
 * Follows the top-level fences and HTML blocks of a text line by line: `feed` each line in order,
 * then `open` says whether the text so far ends inside one (a heading line would then be its
 * content). Containers (lists, quotes) are not followed: a line at the margin ends them.
 */
export class BlockTracker {
  private block: OpenBlock | undefined;
  private inParagraph = false;

  /** The block the text so far ends inside, if any. */
  get open(): OpenBlock | undefined {
    return this.block;
  }

  /** Forgets any open block (after a line known to start a new block, such as a heading). */
  reset(): void {
    this.block = undefined;
    this.inParagraph = false;
  }

  feed(line: string): void {
    const block = this.block;
    if (block?.kind === 'fence') {
      if (closesFence(line, block)) this.block = undefined;
      return;
    }
    if (block?.kind === 'html') {
      if (closesHtml(line, block, false)) this.block = undefined;
      return;
    }
    // Only a line starting with a space, "`", "~" or "<" can open a fence or an HTML block.
    const first = line.charCodeAt(0);
    if (first !== 32 && first !== 96 && first !== 126 && first !== 60) {
      this.inParagraph = !isBlankLine(line);
      return;
    }
    const fence = fenceOpening(line);
    if (fence) {
      this.block = fence;
      this.inParagraph = false;
      return;
    }
    const html = htmlOpening(line, this.inParagraph);
    if (html) {
      this.inParagraph = false;
      this.block = html.end !== 'blank' && closesHtml(line, html, true) ? undefined : html;
      return;
    }
    this.inParagraph = !isBlankLine(line);
  }
}

/** Whether the text ends inside a top-level fence or HTML block (see `BlockTracker`). */
export function endsInsideOpenBlock(text: string): boolean {
  const tracker = new BlockTracker();
  for (const line of text.split(/\r\n|\r|\n/)) tracker.feed(line);
  return tracker.open !== undefined;
}

/**
 * Whether the source of a fenced or indented code node (as the parser gave it) is closed: an
 * indented block always is (a line at the margin ends it).
 */
export function codeNodeClosed(source: string): boolean {
  const lines = source.split(/\r\n|\r|\n/);
  const open = fenceOpening(lines[0].replace(/^[ \t]+/, ''));
  if (!open) return true;
  return lines.length >= 2 && closesFence(lines[lines.length - 1], open);
}

/**
 * Whether the source of an HTML node (as the parser gave it) is closed; `after` is the text after
 * it, which decides for the kinds that end at a blank line.
 */
export function htmlNodeClosed(source: string, after: string): boolean {
  const lines = source.split(/\r\n|\r|\n/);
  const first = lines[0].replace(/^[ \t]+/, '');
  const html = htmlOpening(first, false);
  if (!html || html.end === 'blank') return /^(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/.test(after);
  return lines.length > 1
    ? closesHtml(lines[lines.length - 1], html, false)
    : closesHtml(first, html, true);
}
