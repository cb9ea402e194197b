/**
 * Character tests on char codes, for the hand-written reads that run at every character,
 * word or figure (no regular expression and no one-character string per test).
 */

/** A character `\w` counts as part of a word: ASCII letters, digits and "_". */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * A character `\s` matches, which is also what `String.prototype.trim` removes: the white
 * space and line terminators of JavaScript.
 */
export const isSpaceCode = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c > 127 &&
    (c === 160 ||
      c === 5760 ||
      (c >= 8192 && c <= 8202) ||
      c === 8232 ||
      c === 8233 ||
      c === 8239 ||
      c === 8287 ||
      c === 12288 ||
      c === 65279));

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

export const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122;

export const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
