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

const caches = new Map<string, Map<string, string>>();

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
    if (cache.size > 50_000) cache.clear();
    cache.set(lower, stem);
  }
  return stem;
}
