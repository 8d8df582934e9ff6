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
   * written in capitals of up to five letters ("CTR", "ANN") match as whole words only.
   */
  cues: PhrasesByLanguage;
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
  /** Substantive words below which the step is "thin". */
  thinWords: number;
  /** Markdown body inserted under the heading by templates and quick fixes. */
  template: string;
  topics: TopicData[];
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
  steps: StepData[];
  /** What each level (front matter `level:`) changes; a level not listed changes nothing. */
  levels?: Partial<Record<Level, LevelData>>;
}

export interface CaseStudyData {
  /** Case-study id, e.g. "visual-search". */
  id: string;
  title: string;
  /** The framework this case study extends. */
  framework: string;
  /** The interview prompt, one or two sentences. */
  prompt: string;
  /** Topics this case study adds, by step id. */
  topics: Record<string, TopicData[]>;
}
