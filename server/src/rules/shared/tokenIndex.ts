// The design checks' index of a region's words: where each English stem and each distinct word
// occurs, so that a list's cues find their candidate places without reading every token.
import type { Token } from '../../core/tokens';
import type { CueToken } from '../../framework/compile';
import {
  inflectionFreePrefix,
  tokenMatches as matchesCueToken,
  startsWithDigit,
} from '../../framework/cueMatch';
import type { ProseBlock } from '../../model/document';

/** A token's place: its block's position times PLACE plus its own position in the block. */
export const PLACE = 1 << 20;

/** Where each English stem and each distinct word occurs in a region's prose. */
export interface TokenIndex {
  byStem: Map<string, number[]>;
  /** Distinct words (lower-cased; Chinese/Japanese runs as written), one sample token each. */
  byLower: Map<string, { token: Token; places: number[] }>;
  /** Where the words that start with a digit are (what `<n>` matches). */
  numbers: number[];
  /** The distinct words, each after a line break: one string to search for parts of words. */
  vocabulary?: string;
}

export function indexOf(blocks: ProseBlock[]): TokenIndex {
  const byStem = new Map<string, number[]>();
  const byLower = new Map<string, { token: Token; places: number[] }>();
  const numbers: number[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const tokens = blocks[b].tokens;
    for (let i = 0; i < tokens.length && i < PLACE; i++) {
      const token = tokens[i];
      const place = b * PLACE + i;
      const entry = byLower.get(token.lower);
      if (entry) entry.places.push(place);
      else byLower.set(token.lower, { token, places: [place] });
      if (token.kind !== 'word') continue;
      if (startsWithDigit(token.lower)) numbers.push(place);
      const list = byStem.get(token.stem);
      if (list) list.push(place);
      else byStem.set(token.stem, [place]);
    }
  }
  return { byStem, byLower, numbers };
}

/**
 * The places where a cue's first word matches: looked up for English words and numbers, else
 * (other scripts, parts of words) per distinct word, when the vocabulary holds what it must.
 */
export function candidates(index: TokenIndex, first: CueToken): number[] {
  if (first.number) return index.numbers;
  if (first.kind === 'word' && !first.substring && !first.prefix && first.snowball === undefined) {
    if (first.abbreviation) {
      // Most acronyms have no plural in the text: their own places, not copied.
      const own = index.byLower.get(first.lower)?.places ?? [];
      const plural = index.byLower.get(`${first.lower}s`)?.places;
      return plural?.length ? [...own, ...plural] : own;
    }
    return index.byStem.get(first.stem) ?? [];
  }
  // A match holds the cue's word (a part of a word, a Chinese/Japanese run) or starts with its
  // beginning (other scripts): most cues are in no word of the text, and one search says so.
  index.vocabulary ??= `\n${[...index.byLower.keys()].join('\n')}`;
  const part =
    first.substring || first.kind === 'cjk'
      ? first.lower
      : `\n${first.snowball?.slice(0, -1) ?? inflectionFreePrefix(first.lower)}`;
  const found: number[] = [];
  if (!index.vocabulary.includes(part)) return found;
  for (const { token, places } of index.byLower.values()) {
    if (tokenMatches(first, token)) found.push(...places);
  }
  return found;
}

/**
 * `tokenMatches` of the cue matcher, but a short word of another script ("не", "без", the words
 * the checks' negations are made of) only as itself: by its beginning it would match too much.
 */
export function tokenMatches(want: CueToken, have: Token): boolean {
  if (want.prefix && !want.substring && want.lower.length < 5) {
    return have.kind === 'word' && have.lower === want.lower;
  }
  return matchesCueToken(want, have);
}
