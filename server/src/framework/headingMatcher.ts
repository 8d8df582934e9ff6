// Which framework step (if any) a heading's text names. Matching is by normalised text against each
// step's aliases, then by the heading's head keyword; never by exact string. Position in the
// document (nesting, numbering, order) is decided by the sectioner, not here.
import { foldCase, tokenize, type Token } from '../core/tokens';
import type { CompiledFramework, KeywordEntry } from './compile';

export interface HeadingMatch {
  /** Steps the heading names, in framework order; empty when it names none. */
  stepIds: string[];
  /** True when the heading (or each coordinated part of it) is exactly an alias of its step. */
  strong: boolean;
  /** A well-known extra section ("Summary", "Other talking points"). */
  extra: boolean;
  /** The heading carries numbering ("1.", "Step 2 -", "IV.", "第三步"). */
  numbered: boolean;
  /** The normalised text that was matched. */
  normalised: string;
  /** The numbering's style and value ("3." arabic 3, "III." upper-roman 3, "2.1" arabic.2 2). */
  numbering?: Numbering;
  /** Each step the heading's words name, and how: the evidence step assignment weighs. */
  words: WordEvidence[];
}

export type NumberingStyle =
  'arabic' | 'arabic.2' | 'arabic.3' | 'upper-roman' | 'lower-roman' | 'letter' | 'step' | 'cjk';

export interface Numbering {
  style: NumberingStyle;
  value: number;
}

/**
 * How a heading's words name a step: the whole heading is an alias ("Model evaluation"), a
 * keyword is its head ("Evaluation of labelers", "Data requirements"), leads a head that names no
 * step ("Data strategy"), or only qualifies another step's head ("Model" in "Model evaluation").
 */
export interface WordEvidence {
  stepId: string;
  kind: 'alias' | 'head' | 'lead' | 'modifier';
  /** The words that named the step, as normalised. */
  word: string;
}

interface Hit {
  stepId: string;
  start: number;
  end: number;
  entry: KeywordEntry;
}

const EMOJI =
  /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F|\u20E3|\u200D/gu;
const ATTRIBUTES = /\{[#.:][^{}]*\}/g;
const HTML_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const PARENTHETICAL = /\([^()]*\)|\[[^[\]]*\]|（[^（）]*）|【[^【】]*】|「[^「」]*」/g;
const TIME_NOTE =
  /[\s\-–—:|~,]*[~≈]?\s*\d+(?:\s*[-–]\s*\d+)?\s*(?:min|mins|minute|minutes|m|分钟|分|분|мин|минут)\.?\s*$/u;
const LEADING_PUNCTUATION = /^[\s#>*_~`"'“”‘’«»\-–—•·:|.]+/;
const NUMBER_PREFIX =
  /^(?:第\s*)?(?:\d+(?:[.-]\d+)*|[一二三四五六七八九十]+)(?:\s*(?:步骤|步|章|节|部分|단계|ステップ))?(?:\s*[.)\]:：、．\-–—|]+\s*|\s+|$)/u;
/** A number with a letter, as sub-steps are numbered ("3a. Offline training"): punctuation required. */
const LETTERED_NUMBER = /^\d+(?:[.-]\d+)*[a-h]\s*[.):\-–—]+\s*/u;
const BRACKETED_NUMBER = /^[([（]\s*(?:\d+|[一二三四五六七八九十]+|[ivx]{1,5})\s*[)\]）]\s*/u;
const ROMAN_OR_LETTER_PREFIX = /^(?:[ivx]{1,5}|[a-h])\s*[.):\-–—]\s+/u;
const COORDINATORS_SPACED = /\s*(?:,|\/|&|\+|;|，|、|・)\s*|\s+(?:and|und|et|y|e|и|및)\s+/u;
const COORDINATORS_CJK = /[和与及と및]/u;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Removes what decorates a heading without changing what it names. */
function stripDecoration(
  text: string,
  framework: CompiledFramework,
): { text: string; numbered: boolean; numbering?: Numbering } {
  const original = text.normalize('NFKC');
  let s = foldCase(original);
  s = s
    .replace(ATTRIBUTES, ' ')
    .replace(HTML_TAG, ' ')
    .replace(/\[\s*\]/g, ' ')
    .replace(EMOJI, ' ');
  s = s.replace(/\s+#+\s*$/, ' ');
  let numbered = false;
  let numbering: Numbering | undefined;
  for (let round = 0; round < 4; round++) {
    const before = s;
    s = s.replace(LEADING_PUNCTUATION, '');
    const beforeFillers = s;
    s = stripLeadingFillers(s, framework);
    const afterFiller = s !== beforeFillers;
    const number =
      NUMBER_PREFIX.exec(s) ??
      LETTERED_NUMBER.exec(s) ??
      BRACKETED_NUMBER.exec(s) ??
      ROMAN_OR_LETTER_PREFIX.exec(s);
    if (number && number[0].length > 0 && number[0].length < s.length) {
      numbered = true;
      numbering ??= numberingOf(number[0], original, afterFiller);
      s = s.slice(number[0].length);
    }
    if (s === before) break;
  }
  s = s.replace(TIME_NOTE, '');
  s = stripTrailingFillers(s, framework);
  return { text: s, numbered, numbering };
}

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };
const CJK_DIGITS = '一二三四五六七八九十';

/**
 * The style and value of a heading's number prefix, so that step assignment can tell the
 * document's step numbering ("III.") from a sub-point's ("ii.", "2.1", "b.").
 */
function numberingOf(prefix: string, original: string, afterFiller: boolean): Numbering {
  const p = prefix.trim();
  const digits = /^(?:第\s*)?(\d+)((?:[.-]\d+)*)/u.exec(p);
  if (digits) {
    const levels = digits[2].split(/[.-]/).filter(Boolean).length;
    const style: NumberingStyle = afterFiller
      ? 'step'
      : levels === 0
        ? 'arabic'
        : levels === 1
          ? 'arabic.2'
          : 'arabic.3';
    return { style, value: Number(digits[1]) };
  }
  const cjk = /[一二三四五六七八九十]+/u.exec(p);
  if (cjk) return { style: 'cjk', value: CJK_DIGITS.indexOf(cjk[0][cjk[0].length - 1]) + 1 };
  const roman = /([ivx]{1,5})\s*[.):\-–—)\]）]/u.exec(p);
  if (roman) {
    // Folded to lower case for matching: the written case tells the two roman levels apart.
    const written = new RegExp(`(?:^|[^\\p{L}])${roman[1]}\\s*[.):\\-–—)\\]）]`, 'u').test(
      original,
    );
    return { style: written ? 'lower-roman' : 'upper-roman', value: romanValue(roman[1]) };
  }
  const letter = /([a-h])/u.exec(p);
  return { style: 'letter', value: letter ? letter[1].charCodeAt(0) - 96 : 0 };
}

function romanValue(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_VALUES[text[i]];
    const next = ROMAN_VALUES[text[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function stripLeadingFillers(text: string, framework: CompiledFramework): string {
  let s = text.trimStart();
  for (let changed = true; changed;) {
    changed = false;
    for (const affix of framework.fillerAffixes) {
      if (s.startsWith(affix) && s.length > affix.length) {
        s = s.slice(affix.length).trimStart();
        changed = true;
      }
    }
    const word = /^([\p{L}]+)(?=[\s\d:.\-–—]|$)/u.exec(s);
    if (word && framework.fillers.has(word[1]) && s.length > word[1].length) {
      s = s.slice(word[1].length).trimStart();
      changed = true;
    }
  }
  return s;
}

function stripTrailingFillers(text: string, framework: CompiledFramework): string {
  let s = text.replace(/[\s:：.。!！?？\-–—|]+$/u, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const affix of framework.fillerAffixes) {
      if (s.endsWith(affix) && s.length > affix.length) {
        s = s.slice(0, -affix.length).trimEnd();
        changed = true;
      }
    }
    const word = /(?:^|\s)([\p{L}]+)$/u.exec(s);
    if (word && framework.fillers.has(word[1]) && s.length > word[1].length) {
      s = s.slice(0, s.length - word[1].length).trimEnd();
      changed = true;
    }
    s = s.replace(/[\s:：.。!！?？\-–—|]+$/u, '');
  }
  return s;
}

/** Lower-case text with punctuation folded to spaces: the form aliases are compared in. */
export function canonicalText(text: string): string {
  return collapse(
    foldCase(text.normalize('NFKC'))
      .replace(/&/g, ' and ')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' '),
  );
}

/** Normalises an alias or extra-section phrase from the data files. */
export function normaliseAlias(text: string, framework: CompiledFramework): string {
  return canonicalText(stripDecoration(text, framework).text);
}

function findHits(text: string, tokens: Token[], framework: CompiledFramework): Hit[] {
  const hits: Hit[] = [];
  for (const entry of framework.keywords) {
    if (entry.substring) {
      const at = text.indexOf(entry.text);
      if (at >= 0)
        hits.push({ stepId: entry.stepId, start: at, end: at + entry.text.length, entry });
      continue;
    }
    const first = entry.tokens[0];
    if (!first) continue;
    for (let i = 0; i + entry.tokens.length <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < entry.tokens.length && ok; k++) {
        const want = entry.tokens[k];
        const have = tokens[i + k];
        ok = want.kind === 'cjk' ? have.lower.includes(want.lower) : have.stem === want.stem;
      }
      if (ok) {
        const start = tokens[i].start;
        const end = tokens[i + entry.tokens.length - 1].end;
        hits.push({ stepId: entry.stepId, start, end, entry });
        break;
      }
    }
  }
  // A longer keyword wins over one inside it ("prediction service" over "prediction").
  return hits.filter(
    (hit) =>
      !hits.some(
        (other) =>
          other !== hit &&
          other.start <= hit.start &&
          other.end >= hit.end &&
          other.end - other.start > hit.end - hit.start,
      ),
  );
}

/** The step the head of a phrase names, by the head-noun rule of the phrase's language. */
function headStep(text: string, framework: CompiledFramework): string | undefined {
  const tokens = tokenize(text);
  // The head sits before the first preposition or article: "Evaluation of labelers", "Serving the model".
  let cut = text.length;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].kind === 'word' && framework.cutWords.has(tokens[i].lower)) {
      cut = tokens[i].start;
      break;
    }
  }
  const headText = text.slice(0, cut).trim();
  let hits = findHits(headText, tokenize(headText), framework);
  if (hits.length === 0 && cut < text.length) hits = findHits(text, tokens, framework);
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a.start - b.start);
  const firstHeaded = hits.every((hit) => hit.entry.head === 'first');
  // A general head ("requirements") qualified by another step's word is that step ("Data
  // requirements"); so is the first word of a head-first language qualified by a general one.
  const named = hits.filter((hit) => !framework.genericHeads.has(hit.entry.text));
  const pool = named.length > 0 ? named : hits;
  return (firstHeaded ? pool[0] : pool[pool.length - 1]).stepId;
}

function splitCoordinated(text: string): string[] {
  let parts = text.split(COORDINATORS_SPACED).map(collapse).filter(Boolean);
  if (parts.length === 1 && COORDINATORS_CJK.test(text) && !/\s/.test(text)) {
    parts = text.split(COORDINATORS_CJK).filter((p) => p.length >= 2);
  }
  return parts;
}

export function matchHeading(text: string, framework: CompiledFramework): HeadingMatch {
  const stripped = stripDecoration(text, framework);
  const withoutNotes = collapse(stripped.text.replace(PARENTHETICAL, ' '));
  const result = matchCore(withoutNotes, framework);
  const notes = stripped.text.match(PARENTHETICAL) ?? [];
  // "(Offline & online)" may be all the heading says, and "Постановка (Framing)" gives the step's
  // name in a second language; other asides ("Методология (Data Scientist)", "(describe the data,
  // the horizon, …)") are a role or an instruction, not a name.
  const nameInNote =
    canonicalText(withoutNotes) === '' ||
    notes.some((note) => framework.aliases.has(canonicalText(note.slice(1, -1))));
  const chosen =
    result.stepIds.length === 0 && !result.extra && notes.length > 0 && nameInNote
      ? matchCore(collapse(stripped.text.replace(/[()[\]（）【】]/g, ' ')), framework)
      : result;
  const words = wordEvidence(chosen, framework);
  if (chosen !== result) {
    // The step's name given in the note ("Постановка (Framing)") is its name, not an aside.
    for (const note of notes) {
      const named = framework.aliases.get(canonicalText(note.slice(1, -1)));
      const word = words.find((w) => w.stepId === named);
      if (word) Object.assign(word, { kind: 'alias', word: canonicalText(note.slice(1, -1)) });
    }
  }
  const match: HeadingMatch = { ...chosen, numbered: stripped.numbered, words };
  if (stripped.numbering) match.numbering = stripped.numbering;
  return match;
}

// The script of a heading's first word, where it tells where the head noun sits.
const HEAD_FIRST_SCRIPT = /^\p{Script=Cyrillic}/u;
const HEAD_LAST_SCRIPT =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// In a question heading the noun phrase ends at the verb: "What features does the system use?".
const QUESTION = /^(?:what|which|how|why|where|when|who)\s/;
const AUXILIARY =
  /\s(?:would|will|should|could|can|do|does|did|is|are|was|were|to|might|must)(?:\s|$)/;

const LATIN_LANGUAGES = new Set(['en', 'es', 'pt', 'de', 'fr']);

function kindAt(place: 'head' | 'lead' | 'aside' | undefined): WordEvidence['kind'] {
  return place === 'head' || place === 'lead' ? place : 'modifier';
}

/**
 * A general head ("requirements") after another step's word leaves that word the head: "Data
 * requirements" is data (the framework data's `genericHeads`).
 */
function withoutGenericHead(text: string, framework: CompiledFramework): string {
  for (const generic of framework.genericHeads) {
    if (text.endsWith(` ${generic}`)) {
      const rest = text.slice(0, -generic.length - 1);
      if (findHits(rest, tokenize(rest), framework).length > 0) return rest;
    }
  }
  return text;
}

function questionHead(text: string): string {
  if (!QUESTION.test(text)) return text;
  const verb = AUXILIARY.exec(text);
  return verb ? text.slice(0, verb.index) : text;
}

/** The steps a heading's words name: its matched steps, then any other step word in it. */
function wordEvidence(
  match: Omit<HeadingMatch, 'numbered' | 'words'>,
  framework: CompiledFramework,
): WordEvidence[] {
  if (match.extra || match.normalised === '') return [];
  const canonical = match.normalised;
  const hits = findHits(canonical, tokenize(canonical), framework);
  const spansCoordinator = hits.some((hit) => /\sand\s/.test(canonical.slice(hit.start, hit.end)));
  const parts = spansCoordinator ? [canonical] : splitCoordinated(canonical);
  // Where each step's word sits in a part: its head ("Model evaluation": evaluation), leading a
  // head that names no step ("Data strategy": data), or after the head ("Serving the model").
  const place = new Map<string, 'head' | 'lead' | 'aside'>();
  const setPlace = (stepId: string, value: 'head' | 'lead' | 'aside') => {
    const rank = { head: 3, lead: 2, aside: 1 } as const;
    const old = place.get(stepId);
    if (!old || rank[value] > rank[old]) place.set(stepId, value);
  };
  for (const part of parts) {
    // A question is cut at its verb, not at a preposition: the cut words of every language apply,
    // and "do" is Portuguese for "of the" ("How do we monitor it?").
    const phrase = QUESTION.test(part) ? part : canonicalHead(part, framework);
    const head = withoutGenericHead(questionHead(phrase), framework);
    // The heading's own language places its head: a Russian heading that quotes English words
    // ("Методология Data Scientist") has its head first, and the quoted words are an aside.
    const script = HEAD_FIRST_SCRIPT.test(head)
      ? 'first'
      : HEAD_LAST_SCRIPT.test(head)
        ? 'last'
        : undefined;
    for (const hit of findHits(head, tokenize(head), framework)) {
      const first = script ? script === 'first' : hit.entry.head === 'first';
      const atHead = first ? hit.start === 0 : hit.end === head.length;
      const foreign = script !== undefined && LATIN_LANGUAGES.has(hit.entry.language);
      setPlace(hit.stepId, atHead ? 'head' : foreign ? 'aside' : 'lead');
    }
    // The verb of a question says what it asks about ("How will you monitor it?").
    if (head !== phrase) {
      for (const hit of findHits(phrase, tokenize(phrase), framework)) {
        if (hit.start >= head.length) setPlace(hit.stepId, 'head');
      }
    }
  }
  const words: WordEvidence[] = match.stepIds.map((stepId) => ({
    stepId,
    kind: match.strong ? 'alias' : kindAt(place.get(stepId)),
    word: match.strong
      ? canonical
      : (hits.find((hit) => hit.stepId === stepId)?.entry.text ?? canonical),
  }));
  for (const hit of hits) {
    if (words.some((w) => w.stepId === hit.stepId)) continue;
    words.push({ stepId: hit.stepId, kind: 'modifier', word: hit.entry.text });
  }
  return words;
}

function matchCore(
  text: string,
  framework: CompiledFramework,
): Omit<HeadingMatch, 'numbered' | 'words'> {
  const canonical = canonicalText(text);
  const none = { stepIds: [], strong: false, extra: false, normalised: canonical };
  if (canonical === '') return none;

  const exact = framework.aliases.get(canonical);
  if (exact) return { ...none, stepIds: [exact], strong: true };
  if (framework.extraSections.has(canonical)) return { ...none, extra: true };

  // A keyword phrase that itself holds "and" ("training and serving skew") is one term: no split.
  const wholeHits = findHits(canonical, tokenize(canonical), framework);
  const spansCoordinator = wholeHits.some((hit) =>
    /\sand\s/.test(canonical.slice(hit.start, hit.end)),
  );
  const parts = spansCoordinator ? [text] : splitCoordinated(text);
  if (parts.length > 1) {
    const partSteps: string[] = [];
    let allStrong = true;
    let matchedAll = true;
    for (const part of parts) {
      const partCanonical = canonicalText(part);
      const alias = framework.aliases.get(partCanonical);
      const step = alias ?? headStep(partCanonical, framework);
      if (!alias) allStrong = false;
      if (!step) {
        matchedAll = false;
        break;
      }
      partSteps.push(step);
    }
    if (matchedAll) {
      return { ...none, stepIds: inFrameworkOrder(partSteps, framework), strong: allStrong };
    }
    // Two or more parts that name steps, beside others that name none ("Serving, Monitoring, and
    // Trade-offs"), name those steps.
    const named = parts
      .map(
        (part) =>
          framework.aliases.get(canonicalText(part)) ?? headStep(canonicalText(part), framework),
      )
      .filter((step): step is string => step !== undefined);
    if (new Set(named).size >= 2) {
      return { ...none, stepIds: inFrameworkOrder(named, framework), strong: false };
    }
    if (
      parts.some((part) => framework.extraSections.has(canonicalText(part))) &&
      !headStep(canonical, framework)
    ) {
      return { ...none, extra: true };
    }
  }

  // The head segment may itself be an extra section: "Summary of requirements".
  const headSegment = canonicalHead(canonical, framework);
  if (framework.extraSections.has(headSegment)) return { ...none, extra: true };

  const step = headStep(canonical, framework);
  if (step) return { ...none, stepIds: [step] };
  for (const extra of framework.extraSections) {
    if (canonical.startsWith(extra + ' ')) return { ...none, extra: true };
  }
  return none;
}

function canonicalHead(canonical: string, framework: CompiledFramework): string {
  const words = canonical.split(' ');
  for (let i = 1; i < words.length; i++) {
    if (framework.cutWords.has(words[i])) return words.slice(0, i).join(' ');
  }
  return canonical;
}

function inFrameworkOrder(stepIds: string[], framework: CompiledFramework): string[] {
  const unique = [...new Set(stepIds)];
  return unique.sort(
    (a, b) => (framework.stepById.get(a)?.index ?? 0) - (framework.stepById.get(b)?.index ?? 0),
  );
}

/** Fills the framework's alias, extra-section and keyword indexes from its data. */
export function indexHeadingVocabulary(framework: CompiledFramework): void {
  for (const step of framework.steps) {
    for (const [, list] of Object.entries(step.data.aliases)) {
      for (const alias of list) {
        const key = normaliseAlias(alias, framework);
        if (key && !framework.aliases.has(key)) framework.aliases.set(key, step.id);
      }
    }
    for (const [, list] of Object.entries(step.data.laterAliases ?? {})) {
      for (const alias of list) {
        const key = normaliseAlias(alias, framework);
        if (key && !framework.laterAliases.has(key)) framework.laterAliases.set(key, step.id);
      }
    }
    for (const [language, list] of Object.entries(step.data.keywords)) {
      const rules = framework.languages[language];
      for (const keyword of list) {
        const text = canonicalText(keyword);
        if (!text) continue;
        const tokens = tokenize(text);
        const substring = Boolean(rules?.substringMatch) || tokens.every((t) => t.kind === 'cjk');
        framework.keywords.push({
          stepId: step.id,
          language,
          head: rules?.head ?? 'last',
          substring,
          text,
          tokens,
        });
      }
    }
  }
  for (const [, list] of Object.entries(framework.data.extraSections)) {
    for (const phrase of list) {
      const key = normaliseAlias(phrase, framework);
      if (key) framework.extraSections.add(key);
    }
  }
}
