/**
 * The clause tagger's word list is generated from compromise (scripts/build-lexicon.mjs)
 * and committed. It must stay what the installed compromise holds: when compromise is
 * upgraded and its lexicon changes, this fails until `npm run lexicon` regenerates it.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { type LexTag, loadLexicon } from "../../../src/extract/clauses/lexicon.js";
import { LEXICON_SOURCE } from "../../../src/extract/clauses/lexicon-data.js";

const require = createRequire(import.meta.url);
const nlp = require("compromise/two") as {
  version: string;
  model(): { one: { lexicon: Record<string, LexTag> } };
};

describe("clause tagger lexicon", () => {
  const ours = loadLexicon();

  it("was generated from the installed compromise", () => {
    expect(LEXICON_SOURCE).toBe(`compromise ${nlp.version}`);
  });

  it("holds every word form of compromise's lexicon with the same tags, and no other", () => {
    const theirs = nlp.model().one.lexicon;
    const missing: string[] = [];
    const differing: string[] = [];
    for (const [word, tags] of Object.entries(theirs)) {
      if (!Object.hasOwn(ours, word)) missing.push(word);
      else if (JSON.stringify(ours[word]) !== JSON.stringify(tags)) differing.push(word);
    }
    const extra = Object.keys(ours).filter((w) => !Object.hasOwn(theirs, w));
    expect({ missing, differing, extra }).toEqual({ missing: [], differing: [], extra: [] });
    expect(Object.keys(ours).length).toBeGreaterThan(20_000);
  });

  it("answers nothing for words it does not hold, Object's own names included", () => {
    for (const w of ["constructor", "toString", "hasOwnProperty", "__proto__", "quillabs"])
      expect(ours[w]).toBeUndefined();
  });

  it("is expanded once per process", () => {
    expect(loadLexicon()).toBe(ours);
  });
});
