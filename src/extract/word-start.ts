/**
 * Word-boundary character tests done on char codes (no regular expression per character).
 */

/** A character `\w` counts as part of a word: ASCII letters, digits and "_". */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
