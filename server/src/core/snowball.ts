// Snowball stemmers of the languages whose words inflect much and that the frameworks have cues
// in: Spanish, Portuguese, French, German and Russian (@orama/stemmers, one module per language,
// so only these are bundled). English keeps the Porter stemmer of tokens.ts. A text mixes
// languages and a word cannot say which it is in, so a word is stemmed in the language of the cue
// it is compared with, and each (word, language) is stemmed once.
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as russian } from '@orama/stemmers/russian';

const STEMMERS: Readonly<Record<string, (word: string) => string>> = {
  de: german,
  es: spanish,
  fr: french,
  pt: portuguese,
  ru: russian,
};

/**
 * The endings each Latin language inflects its words with (folded: no accents), nouns, adjectives
 * and verbs. Two words with one stem are one word only when what follows their common beginning
 * is the tail of one of these in each: "reservas" and "reserva", not "reserved" (English "-ed"),
 * "objetivo" and "objeto" ("-ivo", "-to" make other words), nor "objectif" and "objects".
 */
const ENDINGS: Readonly<Record<string, string>> = {
  es: 'es as os en an ar er ir ados adas idos idas ando iendo amos emos imos aban ian',
  pt: 'es as os em am ar er ir ados adas idos idas ando endo indo amos emos imos ou avam iam ao oes',
  fr: 'es x er ez ent ons ees ais ait aient ant ions iez aux',
  de: 'en ern em ens es st et ten est',
};

/** Every tail of every ending of a language ("ados" gives "ados", "dos", "os", "s"), and "". */
const ENDING_TAILS = new Map(
  Object.entries(ENDINGS).map(([language, list]) => [
    language,
    new Set(['', ...list.split(' ').flatMap((e) => [...e].map((_, i) => e.slice(i)))]),
  ]),
);

/**
 * Whether two words of a Latin language that have one Snowball stem differ only by inflection:
 * after their common beginning, each goes on with nothing or the tail of one of the language's
 * endings (`ENDINGS`). Always true for a language without a table (Russian).
 */
export function inflectedAlike(a: string, b: string, language: string): boolean {
  const tails = ENDING_TAILS.get(language);
  if (!tails) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return tails.has(a.slice(common)) && tails.has(b.slice(common));
}

const caches = new Map<string, Map<string, string>>();
// A language's stems are forgotten all at once past this many words (a long text of new words).
const MAX_CACHED = 50_000;

/** Words stemmed and kept, over all languages (each language keeps at most `MAX_CACHED` + 1). */
export function cachedStems(): number {
  let total = 0;
  for (const cache of caches.values()) total += cache.size;
  return total;
}

/** Whether words of `language` are stemmed with a Snowball stemmer. */
export function hasSnowball(language: string): boolean {
  return Object.prototype.hasOwnProperty.call(STEMMERS, language);
}

/**
 * The Snowball stem of a lower-cased, diacritic-folded word in `language` ("metricas" -> "metric"
 * in Spanish, "метрикой" -> "метрик" in Russian); the word itself in a language without one.
 */
export function stemIn(lower: string, language: string): string {
  if (!hasSnowball(language)) return lower;
  let cache = caches.get(language);
  if (!cache) {
    cache = new Map();
    caches.set(language, cache);
  }
  let stem = cache.get(lower);
  if (stem === undefined) {
    stem = lower.length > 2 ? STEMMERS[language](lower) : lower;
    if (cache.size > MAX_CACHED) cache.clear();
    cache.set(lower, stem);
  }
  return stem;
}
