// The checker's engine: text in, document model + per-step results + findings out. Pure: no I/O,
// no LSP. The language server, the CLI, the bench and the tests each make an `Analyzer`, which
// owns the cache of parsed parts and the layout of each document's last analysis, so that after a
// keystroke only the part that changed is parsed again.
import { PieceText } from '../core/pieceText';
import type { CompiledCaseStudy } from '../framework/compile';
import { builtInRegistry, type FrameworkRegistry } from '../framework/registry';
import type { Analysis, DesignModel, Placeholder, StepResult } from '../model/analysis';
import type { DesignDocument } from '../model/document';
import { allRules } from '../rules';
import type { Rule } from '../rules/types';
import { assemble } from './assemble';
import { expectationsOf, expectedTopics, stepMinutes, thinWordsAt } from './expectations';
import { partsOf, type Layout } from './layout';
import {
  buildPart,
  dropBlocks,
  PartCache,
  prosePartOf,
  type Part,
  type PartEntry,
  type ResolveFramework,
} from './partCache';
import type { RuleSettings } from './ruleSettings';
import { runRules } from './runRules';
import { Coverage } from './topicCoverage';

export interface AnalyzerOptions {
  registry?: FrameworkRegistry;
  /** The rules to run (all of them unless given). */
  rules?: readonly Rule[];
  /** Bound on the part cache's estimated size. */
  cacheBytes?: number;
  /**
   * Tests only: split carelessly (inside fences and HTML blocks), parse every part with remark,
   * split stretches with no heading every `minRun` characters instead of every 1 KB (MIN_PART).
   */
  testing?: { carelessSplit?: boolean; noFastParser?: boolean; minRun?: number };
}

export interface AnalyseOptions {
  /** Per-rule severity or "off", by id or name. */
  rules?: RuleSettings;
  /**
   * The document this text is a version of (the server passes its URI): the parts of its last
   * analysis are reused where the text is unchanged, and this analysis becomes its last.
   */
  document?: string;
  /** Reuse the document's last analysis but do not replace it (a "what if" text, e.g. a fix). */
  tentative?: boolean;
  /**
   * The framework used when the front matter names none (from `.mlsd.json`, the `mlsd.framework`
   * setting or `--framework`); the registry's default when absent or unknown.
   */
  framework?: string;
  /** Use this framework whatever the front matter says (`mlsd check --framework`). */
  forceFramework?: boolean;
}

export class Analyzer {
  readonly registry: FrameworkRegistry;
  /** Parsed parts by content, shared by every document this analyzer sees. */
  readonly cache: PartCache;
  private readonly rules: readonly Rule[];
  private readonly testing: NonNullable<AnalyzerOptions['testing']>;
  private readonly layouts = new Map<string, Layout>();
  /** What rules keep across analyses (RuleMemory.analyzer). */
  private readonly ruleMemory = new Map<string, unknown>();

  constructor(options: AnalyzerOptions = {}) {
    this.registry = options.registry ?? builtInRegistry();
    this.rules = options.rules ?? allRules;
    this.cache = new PartCache(options.cacheBytes);
    this.testing = options.testing ?? {};
  }

  /**
   * Analyses a text: a string, or a `PieceText` (the server's copy of an open document). A
   * `PieceText` edited from the text of the document's last analysis is read without making it
   * one string: the analysis reads only the stretch the edits changed and its parts.
   */
  analyse(text: string | PieceText, options: AnalyseOptions = {}): Analysis {
    const source = typeof text === 'string' ? PieceText.of(text) : text;
    const key = options.document;
    const resolve = this.resolverFor(options);
    // A layout's parts were read with the framework of its resolver: when the fallback changes (a
    // `.mlsd.json` or the setting did) the unchanged text is read again, not reused.
    const previous =
      key === undefined || this.layoutResolvers.get(key) !== resolve
        ? undefined
        : this.layouts.get(key);
    const { analysis, layout } = this.build(source, previous, resolve);
    if (key !== undefined && !options.tentative) {
      this.layouts.set(key, layout);
      this.layoutResolvers.set(key, resolve);
    }
    // Fix-all analyses the fixed text as a "what if" version of the same document.
    const reanalyse = (fixed: string | PieceText) =>
      this.analyse(fixed, { ...options, document: key, tentative: true });
    try {
      return runRules(
        analysis,
        this.registry,
        this.rules,
        options.rules,
        reanalyse,
        this.ruleMemory,
      );
    } finally {
      // Tokens are most of a part's memory and a larger heap makes every garbage collection
      // slower; the rules have read what they need (the design checks read prose), so they go now
      // and are read again from the part's text when asked for.
      for (const { entry } of layout.parts) dropBlocks(entry);
    }
  }

  /**
   * Makes the last analysis of `from` the last analysis of `to` as well, so that texts analysed as
   * `to` reuse it and become `to`'s last while `from`'s stays as it was (the server's warm-up types
   * into a copy of a design it opened: analysis/warmUp.ts). A layout is never changed once made,
   * so the two share it. False when `from` has none.
   */
  copyLast(from: string, to: string): boolean {
    const layout = this.layouts.get(from);
    const resolve = this.layoutResolvers.get(from);
    if (!layout || !resolve) return false;
    this.layouts.set(to, layout);
    this.layoutResolvers.set(to, resolve);
    return true;
  }

  /** Forgets a document's last analysis (it was closed). */
  forget(document: string): void {
    this.layouts.delete(document);
    this.layoutResolvers.delete(document);
  }

  /**
   * Keeps the last analyses of `documents` only: the others' layouts are forgotten and the part
   * cache keeps only the parts those layouts hold. Their next analysis reads them again from the
   * text (the result is the same; it takes as long as opening them did).
   */
  keepOnly(documents: Iterable<string>): void {
    const kept = new Set(documents);
    for (const document of [...this.layouts.keys()]) if (!kept.has(document)) this.forget(document);
    const held = new Set<PartEntry>();
    for (const layout of this.layouts.values()) {
      for (const { entry } of layout.parts) held.add(entry);
      for (const entry of layout.pending) held.add(entry);
    }
    this.cache.keepOnly(held);
  }

  /** The layout of a document's last analysis (tests look at what was reused). */
  layoutOf(document: string): Layout | undefined {
    return this.layouts.get(document);
  }

  private readonly resolvers = new Map<string, ResolveFramework>();
  /** The resolver each document's last layout was built with. */
  private readonly layoutResolvers = new Map<string, ResolveFramework>();

  /** Front matter `framework:` first, then the fallback of the options, then the default. */
  private resolverFor({ framework, forceFramework }: AnalyseOptions): ResolveFramework {
    const key = `${forceFramework ? '!' : ''}${framework ?? ''}`;
    let resolve = this.resolvers.get(key);
    if (!resolve) {
      const fallback = () =>
        (framework !== undefined ? this.registry.framework(framework) : undefined) ??
        this.registry.defaultFramework;
      resolve = (values) => {
        const named = typeof values?.framework === 'string' ? values.framework.trim() : undefined;
        return (
          (named && !forceFramework ? this.registry.framework(named) : undefined) ?? fallback()
        );
      };
      this.resolvers.set(key, resolve);
    }
    return resolve;
  }

  private build(
    source: PieceText,
    previous: Layout | undefined,
    resolve: ResolveFramework,
  ): { analysis: DesignModel; layout: Layout } {
    const split = partsOf(source, resolve, this.cache, {
      trackBlocks: !this.testing.carelessSplit,
      fastParser: !this.testing.noFastParser,
      minRun: this.testing.minRun,
      previous,
    });
    // Text that cannot be split is one part, read by remark.
    const parts: Part[] = split?.parts ?? [
      { start: 0, line: 0, entry: buildPart(source.toString(), resolve, undefined, false) },
    ];
    const framework = parts[0].entry.framework;
    const assignment = { last: previous?.assignment };
    const { document, placed } = assemble(source, parts, framework, assignment, previous);
    const caseStudy = caseStudyOf(document, this.registry);
    const placeholders = placedPlaceholders(parts);

    const expected = expectationsOf(document, framework);
    const coverage = new Coverage(document, parts, previous?.coverage);
    const steps: StepResult[] = framework.steps.map((step) => {
      const section = document.stepById.get(step.id);
      const substance = section ? coverage.substance(section) : { terms: 0, items: 0 };
      return {
        step,
        section,
        topics: coverage.topics(section, expectedTopics(step, caseStudy, expected)),
        words: section ? coverage.words(section) : 0,
        proseBlocks: section ? coverage.proseBlocks(section) : 0,
        terms: substance.terms,
        items: substance.items,
        minutes: stepMinutes(step, framework, expected),
        thinWords: thinWordsAt(step, framework, expected),
      };
    });
    const layout: Layout = {
      source,
      parts,
      lineStarts: document.lines.lineStarts,
      placed,
      coverage: coverage.memo,
      assignment: assignment.last,
      pending: split?.pending ?? [],
    };
    const model: DesignModel = {
      document,
      framework,
      caseStudy,
      steps,
      level: expected.level,
      minutes: expected.minutes,
      placeholders,
      prose: {
        sectionRuns: coverage.sectionRuns.bind(coverage),
        documentRuns: () =>
          parts.map(({ start, entry }) => ({
            part: prosePartOf(entry),
            offset: start,
            lo: 0,
            hi: entry.blockStarts.length,
          })),
      },
    };
    return { analysis: model, layout };
  }
}

/** The case study the front matter names (`problem:`), if the registry knows it. */
export function caseStudyOf(
  document: DesignDocument,
  registry: FrameworkRegistry,
): CompiledCaseStudy | undefined {
  const id = document.frontMatter?.values?.problem;
  return typeof id === 'string' ? registry.caseStudies.get(id.trim()) : undefined;
}

/** The parts' placeholders, moved to where each part is. */
function placedPlaceholders(parts: Part[]): Placeholder[] {
  const placeholders: Placeholder[] = [];
  for (const { start, line, entry } of parts) {
    for (const p of entry.placeholders) {
      placeholders.push({
        start: p.start + start,
        end: p.end + start,
        line: p.line + line,
        text: p.text,
      });
    }
  }
  return placeholders;
}

/**
 * Analyses one text with an analyzer of its own (nothing is kept): for one-off checks and tests.
 * Anything that analyses a document again and again should keep an `Analyzer`.
 */
export function analyseDesign(
  text: string,
  options: AnalyseOptions & Pick<AnalyzerOptions, 'registry'> = {},
  rules: readonly Rule[] = allRules,
): Analysis {
  return new Analyzer({ registry: options.registry, rules }).analyse(text, options);
}
