// Word tokens shared by heading matching and topic coverage, so that a cue and the text it must
// find are normalised the same way: case folded, Latin diacritics removed, English words stemmed
// (the unified authors' Porter stemmer), runs of Chinese/Japanese characters kept whole.
import { stemmer } from 'stemmer';

export type TokenKind = 'word' | 'cjk';

export interface Token {
  kind: TokenKind;
  /** Lower-cased, diacritics folded. */
  lower: string;
  /** The stem used for matching words ("evaluation" and "evaluating" -> "evalu"). */
  stem: string;
  /** True for words written in Latin letters or digits (stemmed); false for Cyrillic etc. */
  latin: boolean;
  /** Offsets of the token in the string it was read from. */
  start: number;
  end: number;
  /** Written with two capital letters or more ("MAP", "nDCG", "AUCs"), as acronyms are. */
  capitals?: true;
}

// Han, Hiragana, Katakana (with the prolonged sound mark) and Hangul runs have no spaces between
// words (Korean does, but particles attach to words), so they are matched by substring.
// Words of other scripts stop at a CJK character, so "200毫秒" is "200" and "毫秒".
const CJK_CLASS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30fc\\u3005';
const WORD_CHAR = `(?:(?![${CJK_CLASS}])[\\p{L}\\p{M}\\p{N}])`;
const TOKEN_PATTERN = new RegExp(
  `[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc\\u3005]+|\\p{Script=Hangul}+|(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}])${WORD_CHAR}*(?:['\\u2019](?:(?![${CJK_CLASS}])\\p{L})+)*`,
  'gu',
);
const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{N}'\u2019]+$/u;
const COMBINING_MARKS = /\p{M}+/gu;

const stemCache = new Map<string, string>();

/** Lower-cases and removes diacritics from Latin letters ("Évaluation" -> "evaluation"). */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  // Only decompose when there is something to fold: NFD would split Korean and Japanese kana.
  if (!/[\u00c0-\u024f\u1e00-\u1eff]/.test(lower)) return lower;
  return lower.replace(/[\u00c0-\u024f\u1e00-\u1eff]/g, (ch) =>
    ch.normalize('NFD').replace(COMBINING_MARKS, ''),
  );
}

export function stemWord(lower: string): string {
  let stem = stemCache.get(lower);
  if (stem === undefined) {
    stem = lower.length > 2 ? stemmer(lower) : lower;
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(lower, stem);
  }
  return stem;
}

export function tokenize(text: string, baseOffset = 0): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match; match = TOKEN_PATTERN.exec(text)) {
    const raw = match[0];
    const start = baseOffset + match.index;
    const { kind, lower, stem, latin, capitals } = wordOf(raw);
    const token: Token = { kind, lower, stem, latin, start, end: start + raw.length };
    if (capitals) token.capitals = true;
    tokens.push(token);
  }
  return tokens;
}

type Word = Omit<Token, 'start' | 'end'>;

/**
 * What a written word is read as. A text repeats its words, and folding and stemming them is most
 * of tokenising: each distinct word is read once (up to a few thousand, then the memo starts again: it stays small).
 */
const words = new Map<string, Word>();

/** Empties the word memo: the server calls it when idle, so the words of compiling the frameworks and of the last burst of analyses are not kept. */
export function forgetWords(): void {
  words.clear();
}

function wordOf(raw: string): Word {
  let word = words.get(raw);
  if (word) return word;
  if (words.size >= 4096) words.clear();
  if (isCjkCodePoint(raw.codePointAt(0) ?? 0)) {
    word = { kind: 'cjk', lower: raw, stem: raw, latin: false };
  } else {
    const lower = foldCase(raw).replace(/\u2019/g, "'");
    const latin = LATIN_OR_DIGIT.test(lower);
    word = { kind: 'word', lower, stem: latin ? stemWord(lower.replace(/'s$/, '')) : lower, latin };
    if (raw !== lower && capitalCount(raw) >= 2) word.capitals = true;
  }
  words.set(raw, word);
  return word;
}

function capitalCount(raw: string): number {
  let count = 0;
  for (let i = 0; i < raw.length && count < 2; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 65 && code <= 90) count++;
  }
  return count;
}

export function isCjkCodePoint(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) || // Hiragana, Katakana
    (code >= 0x3400 && code <= 0x4dbf) || // CJK extension A
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0xac00 && code <= 0xd7af) || // Hangul syllables
    (code >= 0x1100 && code <= 0x11ff) || // Hangul jamo
    (code >= 0x3130 && code <= 0x318f) || // Hangul compatibility jamo
    (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
    (code >= 0x20000 && code <= 0x2ffff) || // CJK extensions B and later
    code === 0x30fc ||
    code === 0x3005
  );
}

/** Roughly how many words a token stands for: a run of Chinese or Japanese characters is several. */
export function wordWeight(token: Token): number {
  if (token.kind !== 'cjk') return 1;
  const first = token.lower.codePointAt(0) ?? 0;
  if (first >= 0xac00 && first <= 0xd7af) return 1; // Korean is written with spaces
  return Math.max(1, Math.round([...token.lower].length / 2));
}
