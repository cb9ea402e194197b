import { describe, expect, it } from "vitest";
import { NewsfiguresError } from "../../../src/errors.js";
import { BACKOFF_TYPE, backoffDelay, classifyError } from "../../../src/queue/errors.js";
import { canonicalUrl, fetchJobId } from "../../../src/queue/job-id.js";
import { PaceDelay } from "../../../src/queue/pacing.js";
import { repeatOf } from "../../../src/queue/schedule.js";

describe("every -> cron", () => {
  it.each([
    ["1m", { pattern: "* * * * *" }],
    ["15m", { pattern: "*/15 * * * *" }],
    ["60m", { pattern: "0 * * * *" }],
    ["2h", { pattern: "0 */2 * * *" }],
    ["120m", { pattern: "0 */2 * * *" }],
    ["1d", { pattern: "0 0 * * *" }],
    // 7 does not divide 60: "*/7" would fire at :56 and again at :00.
    ["7m", { every: 420_000 }],
    ["5h", { every: 18_000_000 }],
  ])("%s", (every, repeat) => {
    expect(repeatOf({ every })).toEqual(repeat);
  });

  it("keeps cron patterns and their time zone", () => {
    expect(repeatOf({ cron: "0 7 * * 1-5", tz: "Europe/London" })).toEqual({
      pattern: "0 7 * * 1-5",
      tz: "Europe/London",
    });
  });
});

describe("job ids", () => {
  it("are the same for the same article however its URL is dressed", () => {
    expect(canonicalUrl("HTTPS://News.Example.com:443/a?utm_source=x&b=2&a=1#top")).toBe(
      "https://news.example.com/a?a=1&b=2",
    );
    expect(fetchJobId("https://news.example.com/a?b=2&a=1&utm_medium=rss")).toBe(
      fetchJobId("https://news.example.com/a?a=1&b=2#c"),
    );
    expect(fetchJobId("https://news.example.com/a")).not.toBe(
      fetchJobId("https://news.example.com/b"),
    );
    expect(fetchJobId("https://news.example.com/a")).toMatch(/^fetch-[0-9a-f]{40}$/);
  });
});

describe("error classes", () => {
  it.each([
    [
      new NewsfiguresError("NF_FETCH_HTTP_STATUS", "404", {
        retryable: false,
        details: { status: 404 },
      }),
      "permanent",
    ],
    [
      new NewsfiguresError("NF_FETCH_HTTP_STATUS", "502", {
        retryable: true,
        details: { status: 502 },
      }),
      "transient",
    ],
    [
      new NewsfiguresError("NF_FETCH_HTTP_429", "429", {
        retryable: true,
        details: { status: 429, retryAfterMs: 5000 },
      }),
      "transient",
    ],
    [
      new NewsfiguresError("NF_FETCH_HTTP_503", "503", {
        retryable: true,
        details: { status: 503 },
      }),
      "transient",
    ],
    [
      new NewsfiguresError("NF_STORE_QUERY_FAILED", "terminated", {
        retryable: false,
        details: { pgCode: null },
      }),
      "transient",
    ],
    [
      new NewsfiguresError("NF_STORE_QUERY_FAILED", "bad sql", {
        retryable: false,
        details: { pgCode: "42601" },
      }),
      "permanent",
    ],
    [Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), "transient"],
    [new TypeError("x is undefined"), "permanent"],
    [new PaceDelay("a.example", 500), "pace"],
  ])("%s -> %s", (err, cls) => {
    expect(classifyError(err)).toBe(cls);
  });
});

describe("backoff", () => {
  const job = { opts: { backoff: { type: BACKOFF_TYPE, delay: 1000 } } };
  it("grows exponentially with jitter (half to all of 2^(n-1) s)", () => {
    for (const n of [1, 2, 3, 4]) {
      const d = backoffDelay(n, BACKOFF_TYPE, new Error("x"), job);
      expect(d).toBeGreaterThanOrEqual(2 ** (n - 1) * 500);
      expect(d).toBeLessThanOrEqual(2 ** (n - 1) * 1000);
    }
  });

  it("never waits less than the Retry-After a 429 or 503 carried, wherever it is in the causes", () => {
    const answer = new NewsfiguresError("NF_FETCH_HTTP_429", "busy", {
      retryable: true,
      details: { status: 429, retryAfterMs: 7000 },
    });
    const wrapped = new Error("NF_FETCH_HTTP_429: busy", { cause: answer });
    expect(backoffDelay(1, BACKOFF_TYPE, wrapped, job)).toBe(7000);
    expect(backoffDelay(5, BACKOFF_TYPE, wrapped, job)).toBeGreaterThanOrEqual(8000);
  });
});
