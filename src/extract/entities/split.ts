/**
 * String splitting for the per-mention hot paths: the same arrays as `s.split(" ")` and
 * `s.split(/\s+/)`, read from character codes. The built-in split goes through the runtime
 * (and the expression engine) for every short name, several times slower on these strings.
 */
import { isSpaceCode } from "../chars.js";

/** `s.split(" ")`: the pieces between single spaces, empty pieces included. */
export function splitOnSpace(s: string): string[] {
  let i = s.indexOf(" ");
  if (i < 0) return [s];
  const out: string[] = [];
  let a = 0;
  while (i >= 0) {
    out.push(s.slice(a, i));
    a = i + 1;
    i = s.indexOf(" ", a);
  }
  out.push(s.slice(a));
  return out;
}

/** `s.split(/\s+/)`: the pieces between runs of white space, an empty piece at an edge that has one. */
export function splitOnWhite(s: string): string[] {
  const n = s.length;
  let i = 0;
  while (i < n && !isWhiteAt(s, i)) i++;
  if (i === n) return [s];
  const out: string[] = [];
  let a = 0;
  while (i < n) {
    out.push(s.slice(a, i));
    while (i < n && isWhiteAt(s, i)) i++;
    a = i;
    while (i < n && !isWhiteAt(s, i)) i++;
  }
  // A run of white space at the end leaves an empty last piece, as the expression does.
  out.push(s.slice(a));
  return out;
}

/** White space as a regular expression's `\s` reads it, at `s[i]`. */
export function isWhiteAt(s: string, i: number): boolean {
  return isSpaceCode(s.charCodeAt(i));
}
