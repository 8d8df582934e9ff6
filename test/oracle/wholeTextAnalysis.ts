// The oracle of the differential tests: a design analysed as one text with remark, every topic
// looked for by reading every token of its sections in order, no caches and no parts. The engine
// (server/src/analysis) must give exactly this; test/unit/incremental.test.ts checks that over
// random edit sequences. Slow on large designs, and simple on purpose.
import { caseStudyOf } from '../../server/src/analysis/analyse';
import {
  addScriptWeights,
  blockWords,
  countQuestions,
  deferredBlocks,
  evidenceOf,
  evidenceTokens,
  namingHeadingEnd,
  mainOf,
  TemplateText,
  uncoveredStatus,
} from '../../server/src/analysis/cueMatching';
import { namesFeature, tokenMatches } from '../../server/src/framework/cueMatch';
import {
  expectationsOf,
  expectedTopics,
  stepMinutes,
  thinWordsAt,
} from '../../server/src/analysis/expectations';
import { blockTerms } from '../../server/src/analysis/substance';
import { findPlaceholders } from '../../server/src/analysis/placeholders';
import type { RuleSettings } from '../../server/src/analysis/ruleSettings';
import { runRules } from '../../server/src/analysis/runRules';
import type { Token } from '../../server/src/core/tokens';
import type { CompiledCue, CompiledTopic } from '../../server/src/framework/compile';
import { builtInRegistry, type FrameworkRegistry } from '../../server/src/framework/registry';
import type {
  Analysis,
  ProsePart,
  ProseRun,
  StepResult,
  TopicCoverage,
} from '../../server/src/model/analysis';
import type { DesignDocument, ProseBlock, StepSection } from '../../server/src/model/document';
import { parseDesign } from '../../server/src/parse/parseDesign';
import { allRules } from '../../server/src/rules';
import type { Rule } from '../../server/src/rules/types';

export function wholeTextAnalysis(
  text: string,
  options: { rules?: RuleSettings; registry?: FrameworkRegistry } = {},
  rules: readonly Rule[] = allRules,
): Analysis {
  const registry = options.registry ?? builtInRegistry();
  const { document, blocks } = parseDesign(text, (values) => {
    const id = typeof values?.framework === 'string' ? values.framework : undefined;
    return registry.framework(id) ?? registry.defaultFramework;
  });
  const framework = registry.framework(document.frameworkId) ?? registry.defaultFramework;
  const caseStudy = caseStudyOf(document, registry);
  const placeholders = findPlaceholders(document, framework.placeholders);
  const template = new TemplateText(document, placeholders);
  const sectionBlocks = (section: StepSection) =>
    blocks.filter((block) =>
      section.spans.some((span) => block.start >= span.start && block.start < span.end),
    );
  // The whole text as one part (nothing is remembered from one analysis to the next).
  const part: ProsePart = {
    text,
    blockStarts: blocks.map((block) => block.start),
    headingBlocks: blocks.flatMap((block, i) => (block.kind === 'heading' ? [i] : [])),
    blocks: () => blocks,
    memo: new Map(),
  };
  const expected = expectationsOf(document, framework);
  const steps: StepResult[] = framework.steps.map((step) => {
    const section = document.stepById.get(step.id);
    const own = section ? sectionBlocks(section) : [];
    const topics = expectedTopics(step, caseStudy, expected);
    return {
      step,
      section,
      topics: coverTopics(document, section, sectionBlocks, topics, template, framework.deferral),
      words: own.reduce((words, block) => words + blockWords(block, template), 0),
      proseBlocks: own.filter((block) => block.kind !== 'heading').length,
      terms: own.reduce((terms, block) => terms + blockTerms(block, template, document.text), 0),
      items: own.filter((block) => blockWords(block, template) > 0).length,
      minutes: stepMinutes(step, framework, expected),
      thinWords: thinWordsAt(step, framework, expected),
    };
  });
  return runRules(
    {
      document,
      framework,
      caseStudy,
      steps,
      level: expected.level,
      minutes: expected.minutes,
      placeholders,
      prose: {
        sectionRuns: (section) => runsOf(part, sectionBlocks(section)),
        documentRuns: () => runsOf(part, blocks),
      },
    },
    registry,
    rules,
    options.rules,
    (fixed) => wholeTextAnalysis(String(fixed), options, rules),
  );
}

/** The given blocks of the part (in order) as runs of consecutive blocks. */
function runsOf(part: ProsePart, some: ProseBlock[]): ProseRun[] {
  const index = new Map(part.blocks().map((block, i) => [block, i]));
  const runs: ProseRun[] = [];
  for (const block of some) {
    const i = index.get(block)!;
    const last = runs[runs.length - 1];
    if (last && last.hi === i) last.hi++;
    else runs.push({ part, offset: 0, lo: i, hi: i + 1 });
  }
  return runs;
}

function coverTopics(
  document: DesignDocument,
  section: StepSection | undefined,
  sectionBlocks: (section: StepSection) => ProseBlock[],
  topics: CompiledTopic[],
  template: TemplateText,
  deferral: RegExp | undefined,
): TopicCoverage[] {
  if (!section) return topics.map((topic) => ({ topic, status: 'missing' }));
  // A step's topics are looked for in its prose and content headings, not the headings naming it.
  const deferred = new Set<ProseBlock>();
  const coverageBlocks = (of: StepSection) => {
    const ownHeadings = new Set(of.headings.map((h) => h.start));
    const all = sectionBlocks(of);
    // Nor in what a deferral label leaves out ("Out of scope:" and the list under it).
    for (const i of deferredBlocks(all, document.text, deferral, undefined).deferred) {
      deferred.add(all[i]);
    }
    return all.filter((block) => !(block.kind === 'heading' && ownHeadings.has(block.start)));
  };
  const usable = (list: ProseBlock[]) =>
    list.map((b) => {
      if (deferred.has(b)) return [];
      const tokens = evidenceTokens(b, deferral);
      return template.empty ? tokens : tokens.filter((t) => !template.has(t));
    });
  const blocks = coverageBlocks(section);
  const scripts = mainOf(addScriptWeights(blocks, new Map()));
  const blockTokens = usable(blocks);
  return topics.map((topic) => {
    let searched = blockTokens;
    let questionBlocks = blocks;
    // A topic that may also be written under other steps is looked for there too.
    const others = topic.alsoIn
      .map((id) => document.stepById.get(id))
      .filter((other): other is StepSection => Boolean(other) && other !== section);
    if (others.length > 0) {
      const extra = others.flatMap(coverageBlocks);
      searched = [...blockTokens, ...usable(extra)];
      questionBlocks = [...blocks, ...extra];
    }
    let best = evidenceOf(
      topic,
      topic.cues.map((cue) => findCue(cue, searched, topic.notBefore)),
      () => namingHeadingEnd(section.heading, topic),
    );
    if (topic.minQuestions) {
      const { count, first } = countQuestions(questionBlocks);
      if (count >= topic.minQuestions && first && (!best || first.start < best.start)) {
        best = first;
      }
    }
    if (best) {
      return {
        topic,
        status: 'covered',
        evidence: { ...best, text: document.text.slice(best.start, best.end) },
      };
    }
    return { topic, status: uncoveredStatus(scripts, topic) };
  });
}

function findCue(
  cue: CompiledCue,
  blockTokens: Token[][],
  notBefore: ReadonlySet<string>,
): { start: number; end: number } | undefined {
  const length = cue.tokens.length;
  for (const tokens of blockTokens) {
    for (let i = 0; i + length <= tokens.length; i++) {
      let k = 0;
      while (k < length && tokenMatches(cue.tokens[k], tokens[i + k])) k++;
      if (k < length || namesFeature(tokens[i + length], notBefore)) continue;
      return { start: tokens[i].start, end: tokens[i + length - 1].end };
    }
  }
  return undefined;
}
