/**
 * compromise's lexicon as the tagger reads it: word form -> tag or tags. Taken from the
 * generated ./lexicon-data.ts (scripts/build-lexicon.mjs), not from compromise itself,
 * whose model conjugates every verb when it loads (about 0.25 CPU-seconds, against about
 * 0.02 here; docs/decisions/0009). Expanded on first call, once per process or thread.
 */
import { LEXICON_GROUPS } from "./lexicon-data.js";

export type LexTag = string | string[];

let lexicon: Record<string, LexTag> | null = null;

/** Without a prototype, so "constructor" or "toString" are words, not Object's methods. */
export function loadLexicon(): Record<string, LexTag> {
  if (lexicon === null) {
    const own: Record<string, LexTag> = Object.create(null);
    for (const [key, words] of LEXICON_GROUPS) {
      // One array per tag list, shared by its words: the tagger only reads it.
      const tags: LexTag = key.includes(",") ? key.split(",") : key;
      for (const w of words.split("\t")) own[w] = tags;
    }
    lexicon = own;
  }
  return lexicon;
}
