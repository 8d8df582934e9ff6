// Turns validated framework data into the indexes the matcher and the coverage check use. Done once
// per framework; every document then reuses it.
import { hasSnowball, stemIn } from '../core/snowball';
import { foldCase, tokenize, type Token } from '../core/tokens';
import type {
  CaseStudyData,
  FallbackHeadingsData,
  FollowUpData,
  FrameworkData,
  LanguageRules,
  PhrasesByLanguage,
  ProblemFollowUpData,
  StepData,
  TopicData,
} from './types';

export interface CueToken {
  kind: 'word' | 'cjk';
  lower: string;
  stem: string;
  /** Written in capitals ("CTR", "ANN"): compared unstemmed, as a whole word (plural allowed). */
  abbreviation: boolean;
  /** Matches inside a longer word (German compounds). */
  substring: boolean;
  /** Non-Latin word (Cyrillic, Greek): compared as a prefix so inflected forms match. */
  prefix: boolean;
  /**
   * A Latin word of a language other than English: the English stemmer would make false friends
   * ("reservas" and "reserved"), so it matches as written or with a plural ending.
   */
  asWritten?: true;
  /**
   * A word of a language with a Snowball stemmer (es, pt, fr, de, ru; `core/snowball.ts`): a word
   * of the text matches when its stem in `language` is `snowball`, this word's stem in it.
   */
  snowball?: string;
  /** The cue's language, for `snowball`. */
  language?: string;
  /** `<n>` in a cue: any number ("<n> users" matches "500 users", "2,000 requests", "10M users"). */
  number?: true;
}

export interface CompiledCue {
  text: string;
  language: string;
  tokens: CueToken[];
  /** A general word that covers the topic only beside a second weak cue (`weakCues`). */
  weak?: true;
}

/** Stems of the framework's feature nouns (`featureNouns`: "feature", "signal", "признак"). */
export type FeatureNouns = ReadonlySet<string>;

export interface CompiledTopic {
  id: string;
  title: string;
  required: boolean;
  description: string;
  stub: string;
  minQuestions?: number;
  cues: CompiledCue[];
  /** Languages that have cues for this topic. */
  languages: Set<string>;
  /** Where the topic comes from: the framework, or a case study's id. */
  origin: string;
  /** Other steps whose sections also count for this topic. */
  alsoIn: string[];
  /** Levels at which the topic is required although `required` is false (front matter `level:`). */
  requiredAt: readonly string[];
  /**
   * The feature nouns after which a cue names a model input rather than this topic ("engagement
   * features" is not an online metric); empty for a topic with such a noun among its cues.
   */
  notBefore: FeatureNouns;
}

export interface KeywordEntry {
  stepId: string;
  language: string;
  head: 'first' | 'last';
  /** Matched inside words (Chinese, Japanese, German compounds) rather than as whole words. */
  substring: boolean;
  text: string;
  tokens: Token[];
}

export interface CompiledStep {
  id: string;
  index: number;
  number: number;
  title: string;
  minutes: number;
  summary: string;
  thinWords: number;
  template: string;
  topics: CompiledTopic[];
  /** The framework's follow-up questions for this step (a case study adds its own). */
  followUps: FollowUpData[];
  /** The step's weak heading reading (`fallbackHeadings`), compiled. */
  fallback?: CompiledFallback;
  data: StepData;
}

/** `fallbackHeadings`, compiled: heads as word sequences, `notWith` as stems, words as cues. */
export interface CompiledFallback {
  heads: string[][];
  notWith: Set<string>;
  cues: CompiledCue[];
  against: CompiledCue[];
}

function compileFallback(
  data: FallbackHeadingsData,
  languages: Record<string, LanguageRules>,
): CompiledFallback {
  const words = (phrase: string) =>
    tokenize(foldCase(phrase))
      .filter((t) => t.kind === 'word')
      .map((t) => t.lower);
  return {
    heads: Object.values(data.heads)
      .flat()
      .map(words)
      .filter((head) => head.length > 0),
    notWith: new Set(
      Object.values(data.notWith)
        .flat()
        .flatMap((w) => tokenize(foldCase(w)).map((t) => t.stem)),
    ),
    cues: compileCues(data.cues, languages),
    against: compileCues(data.against, languages),
  };
}

/** The framework's placeholder phrases ("fill in", "…"), as the placeholder finder reads them. */
export interface PlaceholderPhrases {
  /** Lower-cased phrases that are placeholders when they are a line's whole content. */
  wholeLine: Set<string>;
  /** Phrases in scripts written without spaces, placeholders wherever they stand. */
  cjk: string[];
}

export interface CompiledFramework {
  id: string;
  title: string;
  source: string;
  minutes: number;
  steps: CompiledStep[];
  stepById: Map<string, CompiledStep>;
  /** Normalised alias text -> step id. */
  aliases: Map<string, string>;
  /** Matches a phrase that defers or denies a topic ("out of scope"), when the data has some. */
  deferral?: RegExp;
  featureNouns: FeatureNouns;
  /** Normalised text -> the step it names once the step before that one is written. */
  laterAliases: Map<string, string>;
  /** Normalised extra-section headings. */
  extraSections: Set<string>;
  keywords: KeywordEntry[];
  /** Lower-cased words after which a heading only qualifies its head. */
  cutWords: Set<string>;
  /** Lower-cased decoration words ("step", "phase"). */
  fillers: Set<string>;
  /** Canonical keyword texts too general to be a heading's head beside another step's keyword. */
  genericHeads: Set<string>;
  /** Fillers written without spaces ("第", "步骤", "ステップ"), stripped as substrings. */
  fillerAffixes: string[];
  placeholders: PlaceholderPhrases;
  languages: Record<string, LanguageRules>;
  /** The design checks' word lists by name, compiled like topic cues. */
  checkCues: Map<string, CompiledCue[]>;
  data: FrameworkData;
}

/** A case study (front matter `problem:`): the interview prompt and the topics it adds. */
export interface CompiledCaseStudy {
  id: string;
  title: string;
  framework: string;
  prompt: string;
  topicsByStep: Map<string, CompiledTopic[]>;
  /** What kind of problem it is, for the design checks ("recommendation", "rare-positives"). */
  traits: Set<string>;
  followUps: ProblemFollowUpData[];
  data: CaseStudyData;
}

// English articles and possessives cut a verb-first heading ("Serving the model") like a preposition.
const ENGLISH_CUT_WORDS = ['the', 'a', 'an', 'our', 'my', 'your', 'its', 'their'];

/** Stands for `<n>` while a cue is read into tokens. */
const NUMBER_SLOT = 'xnumberslotx';

/**
 * How a word of a language other than English matches: by its Snowball stem where the language
 * has one (not acronyms, nor the parts of German compounds, which match by substring), else a
 * Latin word as written or with a plural ending (the English stemmer would make false friends:
 * "reservas" and "reserved").
 */
function snowballOrAsWritten(
  token: Token,
  language: string,
  abbreviation: boolean,
  rules: LanguageRules | undefined,
): Pick<CueToken, 'snowball' | 'language' | 'asWritten'> {
  if (language === 'en' || token.kind !== 'word' || abbreviation) return {};
  const substring = token.latin && Boolean(rules?.substringMatch) && token.lower.length >= 4;
  if (hasSnowball(language) && !substring) {
    return { snowball: stemIn(token.lower, language), language };
  }
  return token.latin ? { asWritten: true } : {};
}

export function compileCue(
  text: string,
  language: string,
  rules: LanguageRules | undefined,
): CompiledCue {
  const abbreviation =
    /^[A-Z][A-Z0-9]{1,4}s?$/.test(text.trim()) || /^[a-z]?[0-9]{2,3}$/i.test(text.trim());
  const tokens = tokenize(text.replace(/<n>/g, ` ${NUMBER_SLOT} `)).map<CueToken>((token) =>
    token.lower === NUMBER_SLOT
      ? {
          kind: 'word',
          lower: '',
          stem: '',
          abbreviation: false,
          substring: false,
          prefix: false,
          number: true,
        }
      : {
          kind: token.kind,
          lower: token.lower,
          stem: token.stem,
          abbreviation: abbreviation && token.kind === 'word',
          substring:
            token.kind === 'word' &&
            token.latin &&
            Boolean(rules?.substringMatch) &&
            token.lower.length >= 4,
          prefix: token.kind === 'word' && !token.latin,
          ...snowballOrAsWritten(token, language, abbreviation, rules),
        },
  );
  return { text, language, tokens };
}

/** Compiles a list of cue phrases in every language it has. */
export function compileCues(
  phrases: PhrasesByLanguage,
  languages: Record<string, LanguageRules>,
): CompiledCue[] {
  const cues: CompiledCue[] = [];
  for (const [language, list] of Object.entries(phrases)) {
    for (const cue of list) {
      const compiled = compileCue(cue, language, languages[language]);
      if (compiled.tokens.length > 0) cues.push(compiled);
    }
  }
  return cues;
}

/** The stems of the framework's feature nouns, in every language. */
export function featureNounsOf(data: FrameworkData): FeatureNouns {
  const stems = new Set<string>();
  for (const list of Object.values(data.featureNouns ?? {})) {
    for (const noun of list) for (const token of tokenize(noun)) stems.add(token.stem);
  }
  return stems;
}

const NO_NOUNS: FeatureNouns = new Set();

/** What makes two cues the same words: their tokens' stems, or their words as written. */
function cueKeys(cue: CompiledCue): string[] {
  return [
    cue.tokens.map((t) => (t.number ? '<n>' : t.stem)).join(' '),
    cue.tokens.map((t) => (t.number ? '<n>' : t.lower)).join(' '),
  ];
}

export function compileTopic(
  topic: TopicData,
  origin: string,
  languages: Record<string, LanguageRules>,
  featureNouns: FeatureNouns = NO_NOUNS,
): CompiledTopic {
  const cues: CompiledCue[] = [];
  // A general word is weak whichever language's list carries it ("engagement" is in the English,
  // French and German lists; "revenus" and "revenue" share a stem): weakness is keyed by stems.
  const weakKeys = new Set<string>();
  const weakOnly: CompiledCue[] = [];
  for (const [language, list] of Object.entries(topic.weakCues ?? {})) {
    const listed = new Set((topic.cues[language] ?? []).map((cue) => cue.trim()));
    for (const cue of list) {
      const compiled = compileCue(cue, language, languages[language]);
      if (compiled.tokens.length === 0) continue;
      for (const key of cueKeys(compiled)) weakKeys.add(key);
      if (!listed.has(cue.trim())) weakOnly.push(compiled);
    }
  }
  for (const [language, list] of Object.entries(topic.cues)) {
    for (const cue of list) {
      const compiled = compileCue(cue, language, languages[language]);
      if (cueKeys(compiled).some((key) => weakKeys.has(key))) compiled.weak = true;
      if (compiled.tokens.length > 0) cues.push(compiled);
    }
  }
  for (const compiled of weakOnly) {
    compiled.weak = true;
    cues.push(compiled);
  }
  return {
    id: topic.id,
    title: topic.title,
    required: topic.required,
    description: topic.description,
    stub: topic.stub,
    minQuestions: topic.minQuestions,
    cues,
    languages: new Set(Object.keys(topic.cues).filter((l) => topic.cues[l].length > 0)),
    origin,
    alsoIn: topic.alsoIn ?? [],
    requiredAt: topic.requiredAt ?? [],
    notBefore: cues.some((cue) => cue.tokens.length === 1 && featureNouns.has(cue.tokens[0].stem))
      ? NO_NOUNS
      : featureNouns,
  };
}

function deferralPattern(data: FrameworkData): RegExp | undefined {
  const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const phrases = Object.values(data.deferrals ?? {})
    .flat()
    .map((p) => p.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  if (phrases.length === 0) return undefined;
  // Words of spaced scripts match whole; Chinese, Japanese and Korean phrases anywhere.
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  const whole = phrases.filter((p) => !cjk.test(p)).map(escape);
  const anywhere = phrases.filter((p) => cjk.test(p)).map(escape);
  const parts = [];
  if (whole.length > 0) parts.push(`(?<![\\p{L}\\p{N}])(?:${whole.join('|')})(?![\\p{L}\\p{N}])`);
  if (anywhere.length > 0) parts.push(`(?:${anywhere.join('|')})`);
  return new RegExp(parts.join('|'), 'iu');
}

export function compileFramework(data: FrameworkData): CompiledFramework {
  const framework: CompiledFramework = {
    id: data.id,
    title: data.title,
    source: data.source,
    minutes: data.minutes,
    steps: [],
    stepById: new Map(),
    aliases: new Map(),
    laterAliases: new Map(),
    extraSections: new Set(),
    keywords: [],
    cutWords: new Set(ENGLISH_CUT_WORDS),
    fillers: new Set(),
    genericHeads: new Set(),
    fillerAffixes: [],
    placeholders: {
      wholeLine: new Set(data.placeholders.map((p) => p.toLowerCase().trim())),
      cjk: data.placeholders.filter((p) => /[^\p{ASCII}]/u.test(p) && !/^[.…]+$/.test(p)),
    },
    languages: data.languages,
    checkCues: new Map(
      Object.entries(data.checks ?? {}).map(([name, list]) => [
        name,
        compileCues(list.cues, data.languages),
      ]),
    ),
    data,
    deferral: deferralPattern(data),
    featureNouns: featureNounsOf(data),
  };
  for (const [language, rules] of Object.entries(data.languages)) {
    // Cutting at particles would be wrong where the head comes last after them ("モデルの評価").
    if (!rules.substringMatch || language === 'de') {
      for (const word of rules.prepositions ?? []) framework.cutWords.add(foldCase(word));
    }
    for (const word of rules.genericHeads ?? []) framework.genericHeads.add(foldCase(word));
    for (const word of rules.fillers ?? []) {
      const folded = foldCase(word);
      if (
        /\s/.test(folded) ||
        tokenize(folded).length !== 1 ||
        tokenize(folded)[0].kind === 'cjk'
      ) {
        framework.fillerAffixes.push(folded);
      } else {
        framework.fillers.add(folded);
      }
    }
  }
  framework.fillerAffixes.sort((a, b) => b.length - a.length);

  data.steps.forEach((step, index) => {
    const compiled: CompiledStep = {
      id: step.id,
      index,
      number: index + 1,
      title: step.title,
      minutes: step.minutes,
      summary: step.summary,
      thinWords: step.thinWords,
      template: step.template,
      topics: step.topics.map((t) =>
        compileTopic(t, data.id, data.languages, framework.featureNouns),
      ),
      followUps: step.followUps ?? [],
      fallback: step.fallbackHeadings && compileFallback(step.fallbackHeadings, data.languages),
      data: step,
    };
    framework.steps.push(compiled);
    framework.stepById.set(step.id, compiled);
  });
  return framework;
}

export function compileCaseStudy(
  data: CaseStudyData,
  framework: CompiledFramework,
): CompiledCaseStudy {
  const topicsByStep = new Map<string, CompiledTopic[]>();
  for (const [stepId, topics] of Object.entries(data.topics)) {
    topicsByStep.set(
      stepId,
      topics.map((t) => compileTopic(t, data.id, framework.languages, framework.featureNouns)),
    );
  }
  return {
    id: data.id,
    title: data.title,
    framework: data.framework,
    prompt: data.prompt,
    topicsByStep,
    traits: new Set(data.traits ?? []),
    followUps: data.followUps ?? [],
    data,
  };
}
