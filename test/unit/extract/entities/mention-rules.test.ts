import { describe, expect, it } from "vitest";
import { lowerWords } from "../../../../src/extract/entities/lower-words.js";
import { toMention } from "../../../../src/extract/entities/mention.js";
import { MENTION_RULES, TYPE_CUES } from "../../../../src/extract/entities/mention-rules.js";
import { cutRun, trimSpan } from "../../../../src/extract/entities/trim.js";

/** The mention of the run `raw` where it first occurs in `text`. */
const mentionOf = (text: string, raw: string) =>
  toMention(text, text.indexOf(raw), raw, lowerWords(text));

describe("toMention: span trimming, then the ordered rules", () => {
  const cases: Array<[string, string, string, { form: string; type: string } | null]> = [
    [
      "a possessive and a leading article come off; a legal form types it",
      "Analysts said The Kestrel Mining Corp's unit grew.",
      "The Kestrel Mining Corp's",
      { form: "Kestrel Mining Corp", type: "organization" },
    ],
    [
      "a title trimmed off the run makes the rest a person",
      "Sales rose, Chief Executive Dana Whitlock said on Monday.",
      "Chief Executive Dana Whitlock",
      { form: "Dana Whitlock", type: "person" },
    ],
    ["a lone sentence word is no name", "Sales rose. The results were strong.", "The", null],
    [
      "a place made an adjective by -based is a place",
      "shares of the Kestrelton-based miner rose",
      "Kestrelton-based",
      { form: "Kestrelton", type: "place" },
    ],
    ["a legal form alone is no name", "Orvane Holdings Plc and NV said so.", "NV", null],
  ];
  it.each(cases)("%s", (_why, text, raw, expected) => {
    const m = mentionOf(text, raw);
    if (expected === null) expect(m).toBeNull();
    else expect(m && { form: m.form, type: m.type }).toEqual(expected);
  });

  it("trimSpan keeps the offsets of the words it keeps", () => {
    const text = "Analysts said The Kestrel Mining Corp's unit grew.";
    const at = text.indexOf("The");
    const span = trimSpan(text, at, cutRun("The Kestrel Mining Corp's".split(" ")));
    expect(span && text.slice(span.start, span.end)).toBe("Kestrel Mining Corp");
    expect(span?.possessive).toBe("'s");
  });

  it("names every rule once and ends on the rule that always decides", () => {
    const names = [...MENTION_RULES.map((r) => r.name), ...TYPE_CUES.map((c) => c.name)];
    expect(new Set(names).size).toBe(names.length);
    expect(MENTION_RULES.at(-1)?.name).toBe("shape");
  });
});
