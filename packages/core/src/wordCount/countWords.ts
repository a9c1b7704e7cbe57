// A word is a run of characters between white space that holds at least one letter or digit, so a
// dash standing alone or a bullet is not a word, while "non-judgmental", "360º" and "Client 1's" are
// one each: the count a reader of the report would make, close to a word processor's.
const RUN = /\S+/g;
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Counts the words of a text.
 *
 * @param text - any text; anything that is not a string counts as no words
 * @returns the number of words
 */
export function countWords(text: unknown): number {
  if (typeof text !== "string") return 0;
  let count = 0;
  for (const run of text.match(RUN) ?? []) if (WORDLIKE.test(run)) count++;
  return count;
}
