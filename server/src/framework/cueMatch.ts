// Whether a word of a text matches one word of a compiled cue: English words by Porter stem,
// Spanish, Portuguese, French, German and Russian words by their Snowball stem in the cue's
// language, acronyms as whole words written in capitals, phrases token by token, Chinese and
// Japanese inside runs, German compounds by substring, inflected words of other scripts by their
// beginning with a short ending. Topic coverage (the engine) and the design checks (rules) both match cues with this.
import { inflectedAlike, stemIn } from '../core/snowball';
import type { Token } from '../core/tokens';
import type { CueToken } from './compile';

export function tokenMatches(want: CueToken, have: Token): boolean {
  if (want.number) return have.kind === 'word' && startsWithDigit(have.lower);
  if (want.kind === 'cjk') return have.kind === 'cjk' && have.lower.includes(want.lower);
  if (have.kind !== 'word') return false;
  if (want.abbreviation) {
    // An acronym of letters is matched as written ("MAP" the metric, not "Maps" the product).
    if (!have.capitals && isLetters(want.lower)) return false;
    return have.lower === want.lower || have.lower === `${want.lower}s`;
  }
  if (want.substring) return have.lower.includes(want.lower);
  if (want.snowball !== undefined) {
    if (have.lower === want.lower) return true;
    const language = want.language ?? '';
    const stem = stemIn(have.lower, language);
    // Latin: as written with a plural "s" ("transformers", where the stemmer keeps "-ers"), or the
    // same stem and only inflectional endings ("reservas", "reserva"; not "reserved").
    if (language !== 'ru') {
      return (
        have.lower === `${want.lower}s` ||
        want.lower === `${have.lower}s` ||
        (stem === want.snowball && inflectedAlike(want.lower, have.lower, language))
      );
    }
    if (nounInOstApart(want.lower, have.lower, want.snowball)) return false;
    return (
      stem === want.snowball ||
      caseOfStem(want.snowball, have.lower) ||
      fleetingVowel(want.snowball, stem)
    );
  }
  if (want.prefix) {
    const prefix = inflectionFreePrefix(want.lower);
    return have.lower.startsWith(prefix) && have.lower.length - prefix.length <= MAX_ENDING;
  }
  if (want.asWritten) return sameWordOrPlural(want.lower, have.lower);
  return have.stem === want.stem && !derivedApart(want.lower, have.lower, want.stem);
}

// Endings that make another form of a word or its doer ("scaled", "scaling", "ranker").
const INFLECTION = /^(?:e?[sd]|ing|[eo]rs?|e)?$/;

/**
 * Two words the English stemmer gives one stem that are different words: an adjective in "-ive"
 * and its root ("objective" and "objects"), or two different derivations ("conversion" and
 * "conversation"); not forms of one word ("evaluation", "evaluating", "recommended").
 */
function derivedApart(a: string, b: string, stem: string): boolean {
  const x = a.slice(stem.length);
  const y = b.slice(stem.length);
  return (
    a.startsWith(stem) &&
    b.startsWith(stem) &&
    x[0] !== y[0] &&
    (/^iv/.test(x) ||
      /^iv/.test(y) ||
      madeByIze(x) ||
      madeByIze(y) ||
      !(INFLECTION.test(x) || INFLECTION.test(y)))
  );
}

/**
 * A verb in "-ize" or its noun in "-ization" made from the word the stemmer leaves: "tokenize"
 * is not "token", "normalization" not "normal", "vectorize" not "vector".
 */
function madeByIze(ending: string): boolean {
  return /^iz(?:e[sd]?|ing|ations?|ers?)$/.test(ending);
}

/**
 * Russian: the cue's stem and a case ending of up to three letters, where the stemmer cuts the
 * word elsewhere: "систему" ("сист", as if "-ему" were an adjective's ending) is a form of
 * "системы" ("систем"), "времени" of "время"; and a cue written as a bare stem ("одинаков") finds
 * "одинаково". Not for stems of under four letters ("в" is not "все").
 */
function caseOfStem(cueStem: string, word: string): boolean {
  return cueStem.length >= 4 && word.startsWith(cueStem) && word.length - cueStem.length <= 3;
}

/**
 * Russian: the stemmer takes the abstract-noun suffix "-ость" off, so "доступность"
 * (availability) and "доступных" (available ones) share a stem; a noun in "-ость" matches only its
 * own forms.
 */
function nounInOstApart(a: string, b: string, stem: string): boolean {
  return a.slice(stem.length).startsWith('ост') !== b.slice(stem.length).startsWith('ост');
}

/**
 * Russian: a genitive plural with a fleeting vowel keeps a stem of its own ("задержка" ->
 * "задержк", "задержек" -> "задержек"; "метка", "меток"): the stem with "е", "ё" or "о" before
 * its last consonant "к".
 */
function fleetingVowel(cueStem: string, stem: string): boolean {
  return (
    cueStem.endsWith('к') &&
    stem.length === cueStem.length + 1 &&
    stem.endsWith('к') &&
    stem.startsWith(cueStem.slice(0, -1)) &&
    'еёо'.includes(stem[stem.length - 2])
  );
}

/** "métrica" and "métricas", "objectif" and "objectifs": equal, or one the other plus "s"/"es". */
function sameWordOrPlural(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  const ending = long.length - short.length;
  return (
    long.startsWith(short) &&
    ((ending === 1 && long.endsWith('s')) || (ending === 2 && long.endsWith('es')))
  );
}

/** Whether the cue's words stand in `tokens` one after another (a cue of no words never does). */
export function phraseIn(cue: readonly CueToken[], tokens: readonly Token[]): boolean {
  if (cue.length === 0) return false;
  for (let i = 0; i + cue.length <= tokens.length; i++) {
    let k = 0;
    while (k < cue.length && tokenMatches(cue[k], tokens[i + k])) k++;
    if (k === cue.length) return true;
  }
  return false;
}

/**
 * Whether the word after a cue's place makes the cue the name of a model input ("engagement" in
 * "engagement features"): `notBefore` holds the topic's feature-noun stems (CompiledTopic).
 */
export function namesFeature(next: Token | undefined, notBefore: ReadonlySet<string>): boolean {
  return next !== undefined && next.kind === 'word' && notBefore.has(next.stem);
}

/**
 * Whether two cue words are one word in two forms: the same stem, the same beginning of an
 * inflected word ("потерь", "потери"), or one run of Chinese or Japanese inside the other.
 */
export function sameCueWord(a: CueToken, b: CueToken): boolean {
  if (a.number || b.number) return false;
  if (a.kind === 'cjk' || b.kind === 'cjk') {
    return a.kind === b.kind && (a.lower.includes(b.lower) || b.lower.includes(a.lower));
  }
  if (a.snowball !== undefined && a.language === b.language) return a.snowball === b.snowball;
  if (a.prefix || b.prefix) return inflectionFreePrefix(a.lower) === inflectionFreePrefix(b.lower);
  return a.stem === b.stem;
}

export function startsWithDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** /^[a-z]+$/ without a regular expression (this runs for every candidate word of an acronym). */
function isLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return word.length > 0;
}

// Russian and other inflected non-Latin words: compare without the last letters, which change
// with case and number ("метрика", "метрики", "метрикой"). What follows the shared beginning is
// an ending, so it is short: "объективных" is not a form of "объем".
const MAX_ENDING = 5;

export function inflectionFreePrefix(word: string): string {
  if (word.length <= 4) return word;
  return word.length <= 6 ? word.slice(0, -1) : word.slice(0, -2);
}
