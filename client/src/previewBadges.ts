// The Markdown preview of a design: a badge after each step heading with its required topics
// covered ("3/3 topics"), so the rendered answer shows its coverage too. VS Code renders the preview
// with markdown-it, synchronously: the badges come from the last coverage the status bar received
// for the document (a cache by URI), and the preview is refreshed when that coverage changes.
// Styled by media/preview.css (`markdown.previewStyles`). No markdown-it types are needed: the few
// members used are described here.
import type { CoverageResult } from '../../common/src/protocol';

/** The parts of a markdown-it token this plugin reads. */
export interface MdToken {
  type: string;
  map: [number, number] | null;
}

type RenderRule = (
  tokens: MdToken[],
  index: number,
  options: unknown,
  env: unknown,
  self: { renderToken(tokens: MdToken[], index: number, options: unknown): string },
) => string;

/** The parts of markdown-it this plugin uses. */
export interface MarkdownItLike {
  renderer: { rules: Record<string, RenderRule | undefined> };
  utils: { escapeHtml(text: string): string };
}

export interface Badge {
  text: string;
  /** The CSS class suffix: every required topic covered, or not. */
  state: 'complete' | 'partial';
  title: string;
}

/** Coverage per document URI, as the status bar last received it. */
export class CoverageCache {
  private readonly byUri = new Map<string, CoverageResult>();

  /** Stores the result; true when it changed what a preview would show. */
  set(uri: string, result: CoverageResult | null): boolean {
    const before = this.byUri.get(uri);
    if (!result?.isDesign) return this.byUri.delete(uri);
    this.byUri.set(uri, result);
    return !before || shown(before) !== shown(result);
  }

  get(uri: string | undefined): CoverageResult | undefined {
    return uri === undefined ? undefined : this.byUri.get(uri);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}

/** What a preview shows of a coverage, to compare two. */
function shown(coverage: CoverageResult): string {
  return JSON.stringify([...badgesOf(coverage)]);
}

/** The badge of each present step, by the 0-based line of its heading. */
export function badgesOf(coverage: CoverageResult): Map<number, Badge> {
  const badges = new Map<number, Badge>();
  for (const step of coverage.steps) {
    if (!step.present || step.line === undefined) continue;
    const missing = step.missingRequired.map((t) => t.title);
    badges.set(step.line, {
      text: `${step.requiredCovered}/${step.requiredTotal} topics`,
      state: missing.length === 0 ? 'complete' : 'partial',
      title:
        `Step ${step.number}: ${step.title}. ` +
        (missing.length === 0
          ? 'Every required topic is covered.'
          : `Not covered: ${missing.join(', ')}.`),
    });
  }
  return badges;
}

/** The URI of the document being rendered: VS Code's preview puts it in `env.currentDocument`. */
function documentUri(env: unknown): string | undefined {
  const current = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  return current === undefined || current === null ? undefined : String(current);
}

/**
 * Adds the badges to markdown-it: before the end of each heading that opens a step (found by the
 * source line of its opening token, `map`), `<span class="mlsd-badge …">3/3 topics</span>`. At
 * render time, not as tokens: VS Code caches a document's tokens by version, so a badge added while
 * tokenizing would not follow the coverage when the preview is refreshed.
 */
export function mlsdPreviewPlugin<T extends MarkdownItLike>(
  md: T,
  coverageFor: (uri: string | undefined) => CoverageResult | undefined,
): T {
  const closeHeading = md.renderer.rules.heading_close;
  md.renderer.rules.heading_close = (tokens, index, options, env, self) => {
    const close = closeHeading
      ? closeHeading(tokens, index, options, env, self)
      : self.renderToken(tokens, index, options);
    const open = tokens[index - 2];
    if (open?.type !== 'heading_open' || !open.map) return close;
    const coverage = coverageFor(documentUri(env));
    const badge = coverage && badgesOf(coverage).get(open.map[0]);
    if (!badge) return close;
    const escape = md.utils.escapeHtml;
    return (
      `<span class="mlsd-badge mlsd-badge-${badge.state}" title="${escape(badge.title)}">` +
      `${escape(badge.text)}</span>${close}`
    );
  };
  return md;
}
