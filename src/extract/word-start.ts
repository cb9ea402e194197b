/**
 * Word-boundary character tests done on char codes (no regular expression per character),
 * and the word-start scan for per-first-letter sticky expressions compiled from word lists.
 */

/** A character `\w` counts as part of a word: ASCII letters, digits and "_". */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** A character before which no listed word starts: a word character or a hyphen. */
export function joinsWord(c: number): boolean {
  return isWordCode(c) || c === 45;
}

/**
 * The first match at or after `from` of the sticky expression `byFirst` holds for the
 * lower-cased first ASCII character of a word start: a word tries the few expressions that
 * can start with its letter instead of one expression of every word at every position.
 */
export function matchAtWordStart(
  s: string,
  byFirst: ReadonlyArray<RegExp | undefined>,
  from: number,
): RegExpExecArray | null {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const re = c < 128 ? byFirst[c >= 65 && c <= 90 ? c + 32 : c] : undefined;
    if (re === undefined || (i > 0 && joinsWord(s.charCodeAt(i - 1)))) continue;
    re.lastIndex = i;
    const m = re.exec(s);
    if (m !== null) return m;
  }
  return null;
}
