/**
 * The clause tagger's own word list is looked up by the lower-cased word: a word that
 * happens to be a name of Object's prototype ("constructor", "valueOf") is a word like
 * any other, tagged from the lexicon, never given a function for a tag.
 */
import { describe, expect, it } from "vitest";
import { type Tag, tagText } from "../../../src/extract/clauses/tagger.js";

const TAGS: readonly Tag[] = [
  "det",
  "prep",
  "conj",
  "wh",
  "pron",
  "poss",
  "verb",
  "modal",
  "adv",
  "adj",
  "noun",
  "proper",
  "num",
  "punct",
];

const tags = (s: string): Array<[string, Tag]> =>
  tagText(s, 0, 0, s.length).map((t) => [t.text, t.tag]);

describe("clause tagger", () => {
  it("gives every token one of its tags, Object's own names included", () => {
    const s = "The constructor said valueOf and toString rose while hasOwnProperty fell.";
    for (const [, tag] of tags(s)) expect(TAGS).toContain(tag);
  });

  it("tags a word named like Object's constructor as a plain word", () => {
    const [, constructorTag] = tags("The constructor won the contract.")[1] as [string, Tag];
    expect(constructorTag).toBe("noun");
  });

  it("still reads its own words first", () => {
    expect(tags("Sales rose 5 pct.")).toEqual([
      ["Sales", "noun"],
      ["rose", "verb"],
      ["5", "num"],
      ["pct", "noun"],
      [".", "punct"],
    ]);
  });

  it("stops past the token limit the caller gives", () => {
    const s = "one two three four five six";
    expect(tagText(s, 0, 0, s.length, 2).length).toBe(3);
    expect(tagText(s, 0, 0, s.length).length).toBe(6);
  });
});
