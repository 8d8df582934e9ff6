// YAML front matter: parsed with a real YAML parser, keeping where each value sits so a diagnostic
// can point at the wrong value rather than at the whole block.
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { LineIndex } from '../core/text';
import type { FrontMatter } from '../model/document';

const MAX_YAML_ERRORS = 5;

/**
 * `start`/`end` span the block, fences included. `closed` is false when the closing fence is
 * missing; the block then runs to the end of the text and that is reported as an error.
 */
export function parseFrontMatter(
  text: string,
  lines: LineIndex,
  start: number,
  end: number,
  closed = true,
): FrontMatter {
  const firstLine = lines.positionAt(start).line;
  const contentStart = firstLine + 1 < lines.lineCount ? lines.lineStarts[firstLine + 1] : end;
  let contentEnd = end;
  if (closed) {
    const lastLine = lines.positionAt(end).line;
    contentEnd = Math.max(contentStart, lines.lineStarts[lastLine]);
  }
  const yamlText = text.slice(contentStart, contentEnd);
  const frontMatter: FrontMatter = {
    range: lines.rangeOf(start, end),
    contentStart,
    contentEnd,
    valueOffsets: new Map(),
    errors: [],
  };
  if (!closed) {
    frontMatter.errors.push({
      message: "Front matter has no closing '---' line.",
      start,
      end: lines.lineEnd(lines.positionAt(start).line),
    });
    return frontMatter;
  }

  const lineCounter = new LineCounter();
  // yaml's own uniqueKeys check compares every pair of keys (20,000 keys took seconds); the
  // top-level keys, the only ones read, are checked below in one pass.
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: false });
  // The first few errors: an unclosed "[[[[…" gives one per bracket, and they say the same.
  for (const error of document.errors.slice(0, MAX_YAML_ERRORS)) {
    const [errorStart, errorEnd] = error.pos;
    frontMatter.errors.push({
      message: `Front matter is not valid YAML: ${firstSentence(error.message)}`,
      start: contentStart + errorStart,
      end: contentStart + Math.max(errorEnd, errorStart + 1),
    });
  }
  if (document.errors.length > 0) return frontMatter;

  const contents = document.contents;
  if (
    contents === null ||
    (isScalar(contents) && (contents.value === null || contents.value === ''))
  ) {
    frontMatter.values = {};
    return frontMatter;
  }
  if (!isMap(contents)) {
    frontMatter.errors.push({
      message:
        'Front matter must be a YAML mapping of keys to values (e.g. "problem: visual-search").',
      start: contentStart,
      end: contentEnd,
    });
    return frontMatter;
  }
  // No prototype: a key such as "__proto__" or "constructor" is just a key.
  const values: Record<string, unknown> = Object.create(null);
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key in values) {
      const [keyStart, keyEnd] = (isScalar(pair.key) && pair.key.range) || [
        0,
        contentEnd - contentStart,
      ];
      frontMatter.errors.push({
        message: 'Front matter is not valid YAML: Map keys must be unique.',
        start: contentStart + keyStart,
        end: contentStart + Math.max(keyEnd, keyStart + 1),
      });
      return frontMatter;
    }
    const value = pair.value;
    values[key] = isScalar(value) ? value.value : (value?.toJSON() ?? null);
    const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
    const valueRange = value && 'range' in value ? value.range : undefined;
    if (keyRange) {
      frontMatter.valueOffsets.set(key, {
        keyStart: contentStart + keyRange[0],
        keyEnd: contentStart + keyRange[1],
        valueStart: contentStart + (valueRange?.[0] ?? keyRange[1]),
        valueEnd: contentStart + (valueRange?.[1] ?? keyRange[1]),
      });
    }
  }
  frontMatter.values = values;
  return frontMatter;
}

function firstSentence(message: string): string {
  // yaml's own "at line 1, column 8" counts from the front matter, not the file: the range says where.
  const line = message
    .split('\n')[0]
    .trim()
    .replace(/\s*at line \d+, column \d+:?$/, '');
  return line.endsWith('.') ? line : `${line}.`;
}
