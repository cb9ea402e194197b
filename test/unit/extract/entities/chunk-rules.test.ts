import { describe, expect, it } from "vitest";
import { findEntities } from "../../../../src/extract/entities/index.js";

const names = (text: string): string[] =>
  findEntities(text, null).entities.map((e) => `${e.type}:${e.name}`);

describe("findEntities: headline text run into the body", () => {
  const cases: Array<[string, string, string[], string[]]> = [
    [
      "a press-release verb ends the name",
      "Quarro Capital Launches Green Lending Desk October 2, 2024. Quarro Capital said the desk opens in May.",
      ["organization:Quarro Capital"],
      ["organization:Quarro Capital Launches Green Lending Desk"],
    ],
    [
      "a name repeated by a glued headline is one name",
      "Ostrel Grand Hotel Ostrel Grand Hotel added 40 rooms. Guests of the Ostrel Grand Hotel paid more.",
      ["organization:Ostrel Grand Hotel"],
      ["organization:Ostrel Grand Hotel Ostrel Grand Hotel"],
    ],
    [
      "a role 'of' an organisation gives the organisation",
      "Dana Pike, Treasurer of Lindqvist Harbour Foundation, spoke. The Lindqvist Harbour Foundation gives grants.",
      ["organization:Lindqvist Harbour Foundation"],
      ["organization:Treasurer of Lindqvist Harbour Foundation"],
    ],
  ];
  it.each(cases)("%s", (_what, text, want, notWant) => {
    const got = names(text);
    for (const w of want) expect(got).toContain(w);
    for (const w of notWant) expect(got).not.toContain(w);
  });
});

describe("findEntities: share buttons and known names that are also common words", () => {
  it("reads the services of a 'Share on' button row, not 'Share'", () => {
    const got = names(
      "Share on Twitter Share on Mastodon Share on Reddit Share. The board met. Share on Twitter Share on Mastodon Share on Reddit",
    );
    expect(got.some((n) => /Share/.test(n))).toBe(false);
    expect(got).toContain("organization:Mastodon");
  });
  it("keeps a lone 'Reuters' in a dateline and after 'told'", () => {
    const got = names(
      "OSLO (Reuters) - Norvik Fisheries ASA cut its outlook, the chairman told Reuters.",
    );
    expect(got).toContain("organization:Reuters");
  });
});
