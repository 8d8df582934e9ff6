// The largest document checked, for the server and the CLI alike. A design answer is a few thousand
// words; a file of megabytes is something else pasted in, and checking it would hold the server
// for seconds on every keystroke (10 MB with no headings took two minutes and a gigabyte).

/** Characters (UTF-16 units) checked at most: about 2 MB of text. */
export const MAX_CHECKED_CHARACTERS = 2_000_000;

export function isTooLarge(text: { length: number }): boolean {
  return text.length > MAX_CHECKED_CHARACTERS;
}

/** "<subject> is 10.0 MB; MLSD checks designs up to 2 MB, so it is not checked." */
export function tooLargeMessage(text: string, subject: string): string {
  const megabytes = (Buffer.byteLength(text, 'utf8') / 1_000_000).toFixed(1);
  const limit = MAX_CHECKED_CHARACTERS / 1_000_000;
  return `${subject} is ${megabytes} MB; MLSD checks designs up to ${limit} MB, so it is not checked.`;
}
