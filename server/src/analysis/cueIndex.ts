// An index of a slice's words by stem and by lower-case form, so that a cue's first token finds
// its candidate places without reading every token (a step has about a thousand cues).
import type { Token } from '../core/tokens';
import type { CompiledCue, FeatureNouns } from '../framework/compile';
import {
  inflectionFreePrefix,
  namesFeature,
  startsWithDigit,
  tokenMatches,
} from '../framework/cueMatch';

/**
 * The tokens of a few blocks indexed by stem and by word, so a cue's first token finds its
 * candidate places without reading every token (a step has about a thousand cues). `first` gives
 * what coverage.ts's findCue gives: the first place, in block order, where the cue's tokens all
 * match within one block.
 */
export class CueIndex {
  private readonly tokens: Token[] = [];
  /** For each token, the index just past its block's last token. */
  private readonly blockEnd: number[] = [];
  private readonly byStem = new Map<string, number[]>();
  private readonly byLower = new Map<string, number[]>();
  private readonly cjk: number[] = [];
  /** Words that start with a digit, for cues that start with any number (`<n>`). */
  private readonly numbers: number[] = [];
  /** The distinct words, each after a line break: one string to search for parts of words. */
  private vocabulary?: string;

  constructor(blocks: Token[][]) {
    for (const tokens of blocks) {
      const end = this.tokens.length + tokens.length;
      for (const token of tokens) {
        const i = this.tokens.length;
        this.tokens.push(token);
        this.blockEnd.push(end);
        if (token.kind === 'cjk') {
          this.cjk.push(i);
        } else {
          push(this.byStem, token.stem, i);
          push(this.byLower, token.lower, i);
          if (startsWithDigit(token.lower)) this.numbers.push(i);
        }
      }
    }
  }

  /**
   * `notBefore`: stems of words that, right after the cue, make the place not count ("engagement"
   * in "engagement features" names a model input).
   */
  first(cue: CompiledCue, notBefore?: FeatureNouns): { start: number; end: number } | undefined {
    const want = cue.tokens[0];
    const length = cue.tokens.length;
    let candidates: number[] | undefined;
    let from = 1;
    if (want.number) {
      candidates = this.numbers;
    } else if (want.kind === 'cjk') {
      if (this.cjk.length === 0) return undefined;
      candidates = this.cjk.filter((i) => this.tokens[i].lower.includes(want.lower));
    } else if (want.abbreviation) {
      candidates = union([
        this.byLower.get(want.lower),
        this.byLower.get(`${want.lower}s`),
      ])?.filter((i) => tokenMatches(want, this.tokens[i]));
    } else if (want.substring) {
      candidates = this.containing(want.lower);
    } else if (want.snowball !== undefined) {
      // A word begins with its stem but for the stem's last letter (a Snowball stemmer takes
      // endings off the folded word; a Russian fleeting vowel comes before the last letter).
      candidates = this.startingWith(want.snowball.slice(0, -1))?.filter((i) =>
        tokenMatches(want, this.tokens[i]),
      );
    } else if (want.prefix) {
      candidates = this.startingWith(inflectionFreePrefix(want.lower))?.filter((i) =>
        tokenMatches(want, this.tokens[i]),
      );
    } else if (want.asWritten) {
      // As written or with a plural ending either way (the stems of the two may differ).
      const w = want.lower;
      candidates = union(
        [w, `${w}s`, `${w}es`, w.slice(0, -1), w.slice(0, -2)].map((form) =>
          this.byLower.get(form),
        ),
      )?.filter((i) => tokenMatches(want, this.tokens[i]));
    } else {
      candidates = this.byStem.get(want.stem);
      // Same stem, different word ("objects" for "objective"): the first word is checked too.
      from = 0;
    }
    if (!candidates) return undefined;
    for (const i of candidates) {
      if (i + length > this.blockEnd[i]) continue;
      let k = from;
      while (k < length && tokenMatches(cue.tokens[k], this.tokens[i + k])) k++;
      if (k < length) continue;
      const next = i + length < this.blockEnd[i] ? this.tokens[i + length] : undefined;
      if (notBefore && namesFeature(next, notBefore)) continue;
      return { start: this.tokens[i].start, end: this.tokens[i + length - 1].end };
    }
    return undefined;
  }

  /** Places of the words that contain `part` (cues that match inside German compounds). */
  private containing(part: string): number[] | undefined {
    this.vocabulary ??= `\n${[...this.byLower.keys()].join('\n')}`;
    // Most such cues are in no word of the slice: one search over all of them says so.
    if (!this.vocabulary.includes(part)) return undefined;
    const lists: number[][] = [];
    for (const [lower, list] of this.byLower) if (lower.includes(part)) lists.push(list);
    return union(lists);
  }

  /** Places of the words that start with `prefix` (inflected words). */
  private startingWith(prefix: string): number[] | undefined {
    this.vocabulary ??= `\n${[...this.byLower.keys()].join('\n')}`;
    if (!this.vocabulary.includes(`\n${prefix}`)) return undefined;
    const lists: number[][] = [];
    for (const [lower, list] of this.byLower) if (lower.startsWith(prefix)) lists.push(list);
    return union(lists);
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Sorted union of sorted lists. */
function union(lists: (number[] | undefined)[]): number[] | undefined {
  const present = lists.filter((l): l is number[] => Boolean(l) && l!.length > 0);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return present.flat().sort((a, b) => a - b);
}
