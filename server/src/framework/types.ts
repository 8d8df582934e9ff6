// The shape of framework and case-study data files (server/src/framework/data/*.json).
// Frameworks are data so that a user can add a framework, a language or a cue without code.

/** Words or phrases keyed by language code ("en", "zh", "ja", "ko", "ru", "es", "pt", "de", "fr"). */
export type PhrasesByLanguage = Record<string, string[]>;

export interface LanguageRules {
  /**
   * Where the head noun of a heading sits in this language: "last" for English, German, Chinese,
   * Japanese, Korean ("Model evaluation", "模型评估"); "first" for Romance languages and Russian
   * ("Evaluación del modelo", "Оценка модели").
   */
  head: 'first' | 'last';
  /** Words after which the rest of a heading only qualifies the head ("of", "for", "de", "для"). */
  prepositions?: string[];
  /** Words that decorate a step heading without changing its meaning ("step", "phase", "the"). */
  fillers?: string[];
  /**
   * Step keywords too general to be a heading's head when another step's keyword qualifies them:
   * "Data requirements" is data, "Serving requirements" serving ("requirements").
   */
  genericHeads?: string[];
  /**
   * True when words are written without spaces (Chinese, Japanese) or as compounds (German):
   * keywords then match inside a word, not only as whole words.
   */
  substringMatch?: boolean;
}

export interface TopicData {
  /** Stable kebab-case id, e.g. "business-objective". */
  id: string;
  /** Short human title, e.g. "Business objective". */
  title: string;
  required: boolean;
  /** One sentence: what a strong answer says about this topic. */
  description: string;
  /**
   * Words and phrases that show the topic is covered, per language. Matched on normalised words:
   * case, plurals, hyphens and inflections folded (stemmed); multi-word cues as phrases; cues
   * written in capitals of up to five letters ("CTR", "ANN") match as whole words written with
   * capitals; `<n>` stands for any number ("<n> users" matches "2,000 users").
   */
  cues: PhrasesByLanguage;
  /**
   * Cues so general that alone they are weak evidence ("goal", "traffic", "split"), per language:
   * they cover the topic only with support, a second weak cue of the topic; any other cue covers
   * it alone. Phrases not in `cues` are added as weak cues. Optional.
   */
  weakCues?: PhrasesByLanguage;
  /** Also covered when the step holds at least this many questions (lines ending in "?"). */
  minQuestions?: number;
  /** The bullet stub a template or quick fix inserts for this topic (without the leading "- "). */
  stub: string;
  /**
   * Other steps whose text also covers this topic: continual learning may be written under
   * model, serving or monitoring. The topic still belongs to its own step (its finding sits there).
   */
  alsoIn?: string[];
  /**
   * Levels (front matter `level:`) at which this recommended topic is required: an interviewer
   * expects it of a senior or staff candidate ("senior", "staff").
   */
  requiredAt?: Level[];
}

/** The candidate levels of front matter `level:`, most junior first. */
export const LEVELS = ['junior', 'mid', 'senior', 'staff'] as const;
export type Level = (typeof LEVELS)[number];

/** What a level changes of what the framework expects (front matter `level:`). */
export interface LevelData {
  /** Multiplies each step's `thinWords` (0.75: a junior answer may be shorter). */
  thinWordsScale: number;
}

export interface StepData {
  /** Stable id, e.g. "requirements". */
  id: string;
  /** Canonical heading title, e.g. "Clarifying requirements". */
  title: string;
  /** Suggested minutes in a session of `framework.minutes`. */
  minutes: number;
  /** One or two sentences: what this step must achieve. */
  summary: string;
  /**
   * Whole heading texts (after numbering and decoration are removed) that name this step, per
   * language: "clarifying requirements", "requirements", "problem statement".
   */
  aliases: PhrasesByLanguage;
  /**
   * Head words that name this step when they are the head of a longer heading, per language:
   * "requirements", "evaluation", "monitoring". Ambiguous words ("model", "data") are allowed; the
   * head-noun rule decides between two keywords of different steps.
   */
  keywords: PhrasesByLanguage;
  /**
   * Whole heading texts that name this step once the step before it is written, although they
   * are another step's alias where they come first: "Problem statement" after the requirements
   * is the ML framing. Optional.
   */
  laterAliases?: PhrasesByLanguage;
  /**
   * A weak reading: headings that open this step only when no heading of the design does, and
   * only where their section's words lean to the step. Optional.
   */
  fallbackHeadings?: FallbackHeadingsData;
  /** Substantive words below which the step is "thin". */
  thinWords: number;
  /** Markdown body inserted under the heading by templates and quick fixes. */
  template: string;
  topics: TopicData[];
  /** Questions an interviewer asks about this step, each tied to topics of the step. */
  followUps?: FollowUpData[];
}

/**
 * Headings that are ambiguous between this step and another ("Architecture": the serving system,
 * or the model's architecture): read as this step only where the design has no heading for it.
 */
export interface FallbackHeadingsData {
  /** Heading texts (normalised) that are, or end in, one of these: "architecture", "high level design". */
  heads: PhrasesByLanguage;
  /** Words that make such a heading another step's wherever they stand in it ("model", "network"). */
  notWith: PhrasesByLanguage;
  /** Words of the section that speak for this step ("request", "latency", "API"), matched like cues. */
  cues: PhrasesByLanguage;
  /** Words of the section that speak for the other reading ("loss", "epochs"); they must be fewer. */
  against: PhrasesByLanguage;
}

/** A follow-up question an interviewer asks, in the project's own words. */
export interface FollowUpData {
  /** Stable kebab-case id, unique within its step (or case study). */
  id: string;
  text: string;
  /** Ids of the topics (of the step it belongs to) that the question probes. */
  topics: string[];
}

/** A follow-up question of a case study: it names the step it belongs to. */
export interface ProblemFollowUpData extends FollowUpData {
  step: string;
}

/** A named word list the design checks (MLSD100 and up) look for. */
export interface CheckEvidenceData {
  /** What the words show ("words that say the positive class is rare"). */
  description: string;
  /** Matched like topic cues: stems, phrases, abbreviations as whole words. */
  cues: PhrasesByLanguage;
}

export interface FrameworkData {
  id: string;
  title: string;
  /** Where the framework comes from (book, chapter). */
  source: string;
  /** Interview length the step minutes add up to. */
  minutes: number;
  languages: Record<string, LanguageRules>;
  /** Headings of well-known extra sections that are never findings ("Summary", "Other talking points"). */
  extraSections: PhrasesByLanguage;
  /** Phrases that mark text as an unfilled placeholder ("TODO", "TBD", "<fill in>"). */
  placeholders: string[];
  /**
   * Word lists for the design checks, by name ("imbalance", "accuracy", "calibration"). A check
   * whose lists a framework does not define stays quiet.
   */
  checks?: Record<string, CheckEvidenceData>;
  /**
   * Phrases that defer or deny a topic, per language ("out of scope", "TBD", "not discussed"): a
   * cue in the same sentence as one of them does not cover its topic. Optional.
   */
  deferrals?: PhrasesByLanguage;
  /**
   * Nouns that, right after a cue, make it the name of a model input ("engagement features",
   * "traffic signal"), per language: such a cue covers only a topic that has the noun among its
   * own cues (feature engineering). Optional.
   */
  featureNouns?: PhrasesByLanguage;
  steps: StepData[];
  /** What each level (front matter `level:`) changes; a level not listed changes nothing. */
  levels?: Partial<Record<Level, LevelData>>;
}

/** An interviewer's opening: the problem as they would put it, and the question they hope for. */
export interface OpeningData {
  /** What the interviewer says first, 2-4 sentences, in their words (not the prompt's). */
  statement: string;
  /** One clarifying question a strong candidate asks before designing. */
  clarifyingQuestion: string;
}

export interface CaseStudyData {
  /** Case-study id, e.g. "visual-search". */
  id: string;
  title: string;
  /** The framework this case study extends. */
  framework: string;
  /** The interview prompt, one or two sentences. */
  prompt: string;
  /** What the interviewer says first in a practice interview. Optional: else the prompt. */
  opening?: OpeningData;
  /** Topics this case study adds, by step id. */
  topics: Record<string, TopicData[]>;
  /**
   * What kind of problem this is, for the design checks: "recommendation" (needs a cold-start
   * plan), "rare-positives" (accuracy misleads), "probability-output" (downsampling needs
   * recalibration), "continual-learning", "interaction-data", "supervised".
   */
  traits?: string[];
  /** Questions an interviewer asks about this case study. */
  followUps?: ProblemFollowUpData[];
}
