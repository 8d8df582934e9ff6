// MLSD008 front-matter: front matter that is not valid YAML, or a value that is not allowed; and,
// as information, a title that names a case study when there is no `problem:` to say so.
import type { Fix } from '../core/findings';
import type { Range } from '../core/text';
import { tokenize } from '../core/tokens';
import type { FrameworkRegistry } from '../framework/registry';
import { LEVELS as LEVEL_IDS } from '../framework/types';
import type { DesignDocument } from '../model/document';
import type { Rule } from './types';

const LEVELS: string[] = [...LEVEL_IDS];

export const frontMatterRule: Rule = {
  meta: {
    id: 'MLSD008',
    name: 'front-matter',
    description:
      'Front matter is not valid YAML, or holds a value that is not allowed; or a title names a case study with no `problem:`.',
    defaultSeverity: 'error',
    fixable: true,
  },
  check({ document, registry, framework }, add) {
    const frontMatter = document.frontMatter;
    if (!frontMatter?.values || !('problem' in frontMatter.values)) {
      const named = caseStudyNamedByTitle(document, registry);
      if (named) {
        add({
          range: named.range,
          message: `The title names the case study '${named.title}': add 'problem: ${named.id}' to the front matter to check its topics too.`,
          severity: 'info',
          fixes: [named.fix],
        });
      }
    }
    if (!frontMatter) return;
    for (const error of frontMatter.errors) {
      add({ range: document.lines.rangeOf(error.start, error.end), message: error.message });
    }
    const values = frontMatter.values;
    if (!values) return;
    const where = (key: string): Range => {
      const offsets = frontMatter.valueOffsets.get(key);
      return offsets
        ? document.lines.rangeOf(offsets.valueStart, Math.max(offsets.valueEnd, offsets.valueStart))
        : frontMatter.range;
    };
    const replace = (key: string, value: string, title: string) => {
      const offsets = frontMatter.valueOffsets.get(key);
      if (!offsets || offsets.valueEnd <= offsets.valueStart) return undefined;
      // Only a value on one line: a value continued on the next lines ("level: senior" over
      // "  or staff", a block scalar) would lose those lines, and the title names one value.
      const range = where(key);
      if (range.start.line !== range.end.line) return undefined;
      return [{ title, edits: [{ range, newText: value }] }];
    };

    if ('title' in values && (typeof values.title !== 'string' || values.title.trim() === '')) {
      add({ range: where('title'), message: "'title' must be a non-empty text." });
    }
    if ('problem' in values) {
      const value = values.problem;
      const ids = [...registry.caseStudies.keys()].sort();
      if (typeof value !== 'string' || !registry.caseStudies.has(value.trim())) {
        const suggestion = typeof value === 'string' ? closest(value, ids) : undefined;
        add({
          range: where('problem'),
          message: `'problem' must be one of the case studies: ${ids.join(', ')}${suggestion ? `. Did you mean '${suggestion}'?` : '.'}`,
          fixes: suggestion
            ? replace('problem', suggestion, `Change 'problem' to '${suggestion}'`)
            : undefined,
        });
      }
    }
    if ('framework' in values) {
      const value = values.framework;
      const ids = registry.frameworkIds();
      if (typeof value !== 'string' || !registry.hasFramework(value.trim())) {
        add({
          range: where('framework'),
          message: `'framework' must be one of: ${ids.join(', ')}; '${framework.id}' is used instead.`,
        });
      }
    }
    if ('level' in values) {
      const value = values.level;
      if (typeof value !== 'string' || !LEVELS.includes(value.trim().toLowerCase())) {
        const suggestion =
          typeof value === 'string' ? closest(value.toLowerCase(), LEVELS) : undefined;
        add({
          range: where('level'),
          message: `'level' must be one of ${LEVELS.join(', ')}${suggestion ? `. Did you mean '${suggestion}'?` : '.'}`,
          fixes: suggestion
            ? replace('level', suggestion, `Change 'level' to '${suggestion}'`)
            : undefined,
        });
      }
    }
    if ('minutes' in values) {
      const value = values.minutes;
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 600) {
        add({
          range: where('minutes'),
          message: "'minutes' must be the interview length in minutes, e.g. 45.",
        });
      }
    }
  },
};

/**
 * The case study the title names (front matter `title:`, else the first heading), when every word
 * of its id is in the title ("YouTube video recommendations" names `video-recommendation`); the
 * one with the most words when several do, none on a tie. With the fix that adds `problem:`.
 */
function caseStudyNamedByTitle(
  document: DesignDocument,
  registry: FrameworkRegistry,
): { id: string; title: string; range: Range; fix: Fix } | undefined {
  const frontMatter = document.frontMatter;
  if (frontMatter && (!frontMatter.values || frontMatter.errors.length > 0)) return undefined;
  const titleValue = frontMatter?.values?.title;
  const offsets = frontMatter?.valueOffsets.get('title');
  let title: string;
  let range: Range;
  if (typeof titleValue === 'string' && titleValue.trim() && offsets) {
    title = titleValue;
    range = document.lines.rangeOf(
      offsets.valueStart,
      Math.max(offsets.valueEnd, offsets.valueStart),
    );
  } else {
    const heading = document.headings.find((h) => h.depth === 1) ?? document.headings[0];
    if (!heading || heading.stepIds.length > 0) return undefined;
    title = heading.text;
    range = heading.textRange;
  }
  const words = new Set(tokenize(title).map((t) => t.stem));
  let best: { id: string; title: string; size: number } | undefined;
  let tied = false;
  for (const caseStudy of registry.caseStudies.values()) {
    const needed = tokenize(caseStudy.id.replace(/-/g, ' ')).map((t) => t.stem);
    if (needed.length === 0 || !needed.every((stem) => words.has(stem))) continue;
    if (best && needed.length === best.size) tied = true;
    if (!best || needed.length > best.size) {
      best = { id: caseStudy.id, title: caseStudy.title, size: needed.length };
      tied = false;
    }
  }
  // Quiet when in doubt: "Video search and recommendation" names two case studies.
  if (!best || tied) return undefined;
  const line = `problem: ${best.id}`;
  const eol = document.lines.eol;
  const at = frontMatter
    ? document.lines.positionAt(document.lines.lineStarts[frontMatter.range.end.line])
    : { line: 0, character: 0 };
  const fix: Fix = {
    title: `Add 'problem: ${best.id}' to the front matter`,
    edits: [
      {
        range: { start: at, end: at },
        newText: frontMatter ? `${line}${eol}` : `---${eol}${line}${eol}---${eol}${eol}`,
      },
    ],
  };
  return { id: best.id, title: best.title, range, fix };
}

/** The candidate nearest to `value` by edit distance, if it is near enough to be a typo. */
export function closest(value: string, candidates: string[]): string | undefined {
  const wanted = value.trim().toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const containing = candidates.find(
    (c) => wanted.length >= 4 && (c.includes(wanted) || wanted.includes(c)),
  );
  if (bestDistance <= Math.max(2, Math.floor(wanted.length / 4))) return best;
  return containing;
}

function editDistance(a: string, b: string): number {
  if (a.length > 100 || b.length > 100) return Infinity;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
