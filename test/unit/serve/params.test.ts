/** The edge of the API: one pass turns parameters into a query; cursors go out and come back whole or are refused. */
import { describe, expect, it } from "vitest";
import { isNewsfiguresError } from "../../../src/errors.js";
import {
  decodeCursor,
  encodeCursor,
  FilterParams,
  PageParams,
  parseFilter,
} from "../../../src/serve/params.js";
import type { RecordKey } from "../../../src/store/types.js";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (err) {
    return isNewsfiguresError(err) ? err.code : String(err);
  }
};

describe("parseFilter", () => {
  it("converts the filters once into the query `query` builds", () => {
    const { params, query } = parseFilter(PageParams, {
      entity: " Dell ",
      metric: "backlog",
      since: "2025-01-01",
      min: "1_000",
      max: "1e9",
      period: "Q3 2025",
      "stored-since": "2026-01-01T02:00:00+02:00",
      currency: "usd",
      sort: "largest",
    });
    expect(params).toMatchObject({ entity: "Dell", sort: "largest", limit: 50 });
    expect(query).toEqual({
      entity: "Dell",
      metric: "backlog",
      since: "2025-01-01",
      min: 1000,
      max: 1e9,
      period: { quarter: 3, year: 2025 },
      storedSince: "2026-01-01T00:00:00.000Z",
      currency: "usd",
    });
  });

  it("refuses what cannot be converted with NF_SERVE_BAD_PARAM naming the parameter", () => {
    for (const raw of [{ since: "2025-13-45" }, { min: "lots" }, { until: "soon" }]) {
      let err: unknown;
      try {
        parseFilter(FilterParams, raw);
      } catch (e) {
        err = e;
      }
      expect(isNewsfiguresError(err) && err.code).toBe("NF_SERVE_BAD_PARAM");
      expect(String((err as Error).message)).toContain(Object.keys(raw)[0]);
      expect(String((err as Error).message)).not.toContain("--");
    }
  });
});

describe("cursors", () => {
  const keys: RecordKey[] = [
    {
      sort: "newest",
      value: "2025-03-01T08:00:00Z",
      articleId: "sha256:ab",
      spanStart: 40,
      id: "r1",
    },
    { sort: "oldest", value: null, articleId: "sha256:cd", spanStart: 0, id: "r/2 ü" },
    { sort: "largest", value: 1.25e9, articleId: "sha256:ef", spanStart: 7, id: "r3" },
    { sort: "smallest", value: -0.5, articleId: "sha256:01", spanStart: 1, id: "r4" },
  ];

  it.each(keys)("round-trips %o through an opaque URL-safe string", (key) => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(PageParams.safeParse({ cursor, sort: key.sort }).success).toBe(true);
    expect(decodeCursor(cursor, key.sort)).toEqual(key);
  });

  it("refuses malformed cursors and cursors of another order with NF_SERVE_BAD_CURSOR", () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const cursor of [
      "abc",
      "12345",
      b64({ sort: "newest" }),
      b64(["newest", 5, "a", 1, "x"]),
      b64(["largest", "2025", "a", 1, "x"]),
      b64(["newest", null, "a", -1, "x"]),
      b64(["newest", null, "", 1, "x"]),
      b64(["sideways", null, "a", 1, "x"]),
    ])
      expect(
        codeOf(() => decodeCursor(cursor, "newest")),
        cursor,
      ).toBe("NF_SERVE_BAD_CURSOR");
    const largest = encodeCursor(keys[2] as RecordKey);
    expect(codeOf(() => decodeCursor(largest, "newest"))).toBe("NF_SERVE_BAD_CURSOR");
    expect(decodeCursor(undefined, "newest")).toBeNull();
  });
});
