/**
 * The lower-case words of a text: a capitalised word the text also writes in lower case is a
 * common word ("Shares rose" in a story that says "the shares").
 */
import { isWordCode } from "../chars.js";

/**
 * The words `\b[a-z][a-z'-]+\b` matches in a text, kept as where each one is, filed by its
 * length and first two characters. An article asks about a few words but has hundreds:
 * making and hashing a string of each (a set of strings) cost more than all the questions.
 */
export class LowerWords {
  private readonly starts = new Map<number, number[]>();

  constructor(private readonly text: string) {}

  /** The text writes `w` as one of its lower-case words. */
  has(w: string): boolean {
    // Every word is two or more characters, the first a letter "a" to "z", the second one
    // of ASCII: any other `w` is none of them, and the file of the rest holds only words
    // of its length and first two characters.
    if (w.length < 2) return false;
    const c0 = w.charCodeAt(0);
    const c1 = w.charCodeAt(1);
    if (c0 < 97 || c0 > 122 || c1 >= 128) return false;
    const starts = this.starts.get(fileOf(w.length, c0, c1));
    if (starts === undefined) return false;
    for (const s of starts) if (this.text.startsWith(w, s)) return true;
    return false;
  }

  /** Files the word `text.slice(start, end)`. */
  add(start: number, end: number): void {
    const key = fileOf(end - start, this.text.charCodeAt(start), this.text.charCodeAt(start + 1));
    const list = this.starts.get(key);
    if (list) list.push(start);
    else this.starts.set(key, [start]);
  }
}

/** One number per length and first two ASCII characters. */
const fileOf = (length: number, c0: number, c1: number): number => (length * 128 + c0) * 128 + c1;

/**
 * The lower-case words of the text, read with one scan of character codes: a word starts
 * after a non-word character, runs over letters, apostrophes and hyphens, and ends
 * (backing off like the expression) where a word boundary falls.
 */
export function lowerWords(text: string): LowerWords {
  const out = new LowerWords(text);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!(c >= 97 && c <= 122) || (i > 0 && isWordCode(text.charCodeAt(i - 1)))) {
      // No word starts after a word character: past one, skip the rest of its run.
      i++;
      if (isWordCode(c)) while (i < n && isWordCode(text.charCodeAt(i))) i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if ((d >= 97 && d <= 122) || d === 39 || d === 45) j++;
      else break;
    }
    // Back off to the longest run of two or more characters that ends on a word boundary.
    let e = j;
    while (
      e >= i + 2 &&
      isWordCode(text.charCodeAt(e - 1)) === (e < n && isWordCode(text.charCodeAt(e)))
    )
      e--;
    if (e >= i + 2) {
      out.add(i, e);
      i = e;
    } else i++;
  }
  return out;
}
