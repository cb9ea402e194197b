import { describe, expect, it } from "vitest";
import { toQuery } from "../../../src/cli/commands/query.js";
import { isNewsfiguresError } from "../../../src/errors.js";
import { nextPrefix, parsePeriodFilter } from "../../../src/store/query-sql.js";

const base = { limit: "50", format: "table" };

describe("query flags", () => {
  it("turns flags into a typed query", async () => {
    expect(
      await toQuery({
        ...base,
        entity: "Dell",
        metric: "Backlog",
        kind: "money",
        since: "2025-01-01",
        until: "2025-12-31",
        currency: "usd",
        min: "1e9",
        max: "2_000_000_000",
        period: "Q3 2025",
        article: "sha256:ab",
      }),
    ).toEqual({
      limit: 50,
      entity: "Dell",
      metric: "backlog",
      kind: "money",
      since: "2025-01-01",
      until: "2025-12-31",
      // The store folds the code's case (the conformance suite queries "eur").
      currency: "usd",
      min: 1e9,
      max: 2e9,
      period: { quarter: 3, year: 2025 },
      articleId: "sha256:ab",
    });
  });

  it.each([
    [{ metric: "profit" }, /--metric "profit" is not one of: revenue/],
    [{ kind: "ratio" }, /--kind "ratio"/],
    [{ since: "last week" }, /--since "last week" is not a date/],
    [{ until: "2025-13-45" }, /--until/],
    [{ min: "lots" }, /--min "lots" is not a number/],
    [{ currency: "dollars" }, /ISO 4217/],
    [{ limit: "0" }, /--limit "0"/],
  ])("rejects %o with a message naming the flag", async (flags, message) => {
    let err: unknown;
    try {
      await toQuery({ ...base, ...flags });
    } catch (e) {
      err = e;
    }
    expect(isNewsfiguresError(err) && err.code).toBe("NF_CLI_BAD_FLAG");
    expect((err as Error).message).toMatch(message);
  });
});

describe("--period", () => {
  it.each([
    ["2025", { year: 2025 }],
    ["FY2026", { year: 2026, fiscal: true }],
    ["fy 2026", { year: 2026, fiscal: true }],
    ["Q3", { quarter: 3 }],
    ["q4 2024", { quarter: 4, year: 2024 }],
    ["Q1 FY2025", { quarter: 1, year: 2025, fiscal: true }],
    ["2025Q2", { year: 2025, quarter: 2 }],
    ["first half", { text: "first half" }],
  ])("%s", (text, expected) => {
    expect(parsePeriodFilter(text)).toEqual(expected);
  });
});

describe("entity prefix range", () => {
  it("bounds exactly the names that start with the prefix", () => {
    const upper = nextPrefix("dell");
    expect(upper).toBe("delm");
    for (const name of ["dell", "dell technologies", "dell's ai"])
      expect(name >= "dell" && name < upper).toBe(true);
    for (const name of ["delm", "delaware", "del"])
      expect(name >= "dell" && name < upper).toBe(false);
  });
});
