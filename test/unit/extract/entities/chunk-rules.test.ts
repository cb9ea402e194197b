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
    [
      "a country and one plural noun capitalised by wire copy name goods, not a company",
      "BRASILIA TO BUY MORE U.S. MACHINES\nBrazil will buy 900 mln dlrs of U.S. Machines and U.S. Fertilisers this year.",
      [],
      ["organization:U.S. Machines", "unknown:U.S. Machines", "organization:U.S. Fertilisers"],
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

describe("findEntities: the full name of an institution or unit", () => {
  const cases: Array<[string, string, string, string]> = [
    [
      "a nationality word before an 'X of Y' institution stays",
      "According to the Danish Academy of Surveyors, costs rose.",
      "organization:Danish Academy of Surveyors",
      "organization:Academy of Surveyors",
    ],
    [
      "'National' before an 'Association of' stays",
      "Last week the National Association of Kite Makers raised its forecast.",
      "organization:National Association of Kite Makers",
      "organization:Association of Kite Makers",
    ],
    [
      "a regional adjective before a bank name ending in 'Bank' stays",
      "Funding comes from the Saudi Arabian Coastal Development Bank this year.",
      "organization:Saudi Arabian Coastal Development Bank",
      "organization:Arabian Coastal Development Bank",
    ],
    [
      "a known company's unit with a corporate last word is its own name",
      "This week Morningstar Investment Management strategist Lena Ovaska wrote a note.",
      "organization:Morningstar Investment Management",
      "organization:Morningstar",
    ],
    [
      "a known outlet with 'News' keeps it",
      "She spoke at Bloomberg News headquarters in London.",
      "organization:Bloomberg News",
      "organization:Bloomberg",
    ],
  ];
  it.each(cases)("%s", (_what, text, want, notWant) => {
    const got = names(text);
    expect(got).toContain(want);
    expect(got).not.toContain(notWant);
  });
  it("a product after a known company is still the company", () => {
    const got = names(
      "Dell is also bringing Google Distributed Cloud on-premises. Google said so.",
    );
    expect(got).not.toContain("organization:Google Distributed Cloud");
  });
  it("'said X Y of Z' is a person from Z, not an organisation", () => {
    const got = names("Demand will recover, said Oskari Lehtonen of Tampere, a dealer.");
    expect(got).toContain("person:Oskari Lehtonen");
    expect(got).not.toContain("organization:Oskari Lehtonen of Tampere");
  });
  it("a title word ending in -man is not a leading adjective", () => {
    const got = names("The Chairman of Harbour Reserve Board spoke.");
    expect(got.some((n) => n.includes("Chairman"))).toBe(false);
  });
});

describe("findEntities: glued page text and index names", () => {
  it("a '-based' place starts a new name after it", () => {
    const got = names(
      "said the head of Lisbon-based Ferro & Vidro Componentes Ltd, a glass maker.",
    );
    expect(got).toContain("place:Lisbon");
    expect(got).toContain("organization:Ferro & Vidro Componentes Ltd");
    expect(got.some((n) => n.includes("Lisbon-based"))).toBe(false);
  });
  it("a clock's time zone glued to a widget line is no name", () => {
    const got = names(
      "Tue, Mar 3, 2020, 09:12 GMT-Euro Markets open in 1 hr Gravel prices rose. Later, 10:40 GMT-Euro Markets open soon.",
    );
    expect(got.some((n) => /Markets/.test(n))).toBe(false);
  });
  it("a capitalised 'Index' after a name makes an index, not an organisation", () => {
    const got = names(
      "The Balt Mid Cap Index fell 3%. The Balt Mid Cap index has lost half its value.",
    );
    expect(got).not.toContain("organization:Balt Mid Cap");
  });
});

describe("findEntities: 'and' inside an institution's field", () => {
  const cases: Array<[string, string, string]> = [
    [
      "a ministry of two fields",
      "The Ministry of Fisheries and Forestry approved the plan on Monday.",
      "organization:Ministry of Fisheries and Forestry",
    ],
    [
      "an institute of two fields, the second of two words",
      "A lecturer at the Zorvia Institute of Design and Urban Planning said prices rose.",
      "organization:Zorvia Institute of Design and Urban Planning",
    ],
  ];
  it.each(cases)("%s", (_what, text, want) => {
    expect(names(text)).toContain(want);
  });
  it("two named bodies joined by 'and' stay two", () => {
    const got = names("The Bank of Canada and Reserve Bank of Australia held rates.");
    expect(got.some((n) => n.includes(" and "))).toBe(false);
  });
  it("a known name after 'and' is not taken in", () => {
    const got = names("The Department of Energy and Google signed a deal.");
    expect(got.some((n) => n.includes(" and "))).toBe(false);
  });
});

describe("findEntities: role words around names", () => {
  it("a byline's trailing role word is not part of the person", () => {
    const got = names(
      "Marta Quell Photographer Share on Twitter. Marta Quell took the picture, she said.",
    );
    expect(got).not.toContain("person:Marta Quell Photographer");
    expect(got).toContain("person:Marta Quell");
  });
  it("an investor-relations contact line names no organisation", () => {
    const got = names(
      "Contact: Ida Varn, Director, Investor Relations. Ida Varn, Director, Investor Relations",
    );
    expect(got.some((n) => /Relations/.test(n))).toBe(false);
  });
});

describe("findEntities: hyphenated surnames", () => {
  const cases: Array<[string, string, string]> = [
    [
      "after a title word",
      "Transport MEC Thandeka Mbali-Zulu said the buses would run.",
      "person:Thandeka Mbali-Zulu",
    ],
    [
      "after 'Mr'",
      "The manager, Mr Kwesi Owusu-Ansah has said costs fell.",
      "person:Kwesi Owusu-Ansah",
    ],
    [
      "after a lower-case role",
      "the bank's chief economist Lin Hao-Ran added.",
      "person:Lin Hao-Ran",
    ],
  ];
  it.each(cases)("%s", (_what, text, want) => {
    const got = names(text);
    expect(got).toContain(want);
    expect(got).not.toContain(want.replace("person:", "organization:"));
  });
});
