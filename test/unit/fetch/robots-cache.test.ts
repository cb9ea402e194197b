/**
 * The robots.txt cache: one request per origin while an entry lives, and a bounded number
 * of origins, so a worker that runs for months over many sites does not grow without end.
 */
import { describe, expect, it } from "vitest";
import type { FetchedPage } from "../../../src/fetch/fetch-page.js";
import { RobotsCache } from "../../../src/fetch/robots.js";

function cache(maxEntries?: number) {
  const asked: string[] = [];
  let now = 0;
  const robots = new RobotsCache({
    userAgent: "newsfigures",
    // robots.txt bodies written here: each origin allows everything with a 2 s delay.
    fetch: async (url) => {
      asked.push(new URL(url).origin);
      return { body: Buffer.from("User-agent: *\nCrawl-delay: 2\n") } as FetchedPage;
    },
    ...(maxEntries !== undefined ? { maxEntries } : {}),
    now: () => now,
  });
  return { robots, asked, advance: (ms: number) => (now += ms) };
}

describe("RobotsCache", () => {
  it("asks each origin once while its entry lives, and again after it expires", async () => {
    const { robots, asked, advance } = cache();
    expect(await robots.crawlDelayMs("https://a.example/x")).toBe(2000);
    expect(await robots.crawlDelayMs("https://a.example/y")).toBe(2000);
    expect(asked).toEqual(["https://a.example"]);
    advance(25 * 3600_000);
    await robots.crawlDelayMs("https://a.example/z");
    expect(asked).toEqual(["https://a.example", "https://a.example"]);
  });

  it("keeps at most maxEntries origins, dropping the least recently loaded", async () => {
    const { robots, asked } = cache(2);
    for (const o of ["a", "b", "c"]) await robots.crawlDelayMs(`https://${o}.example/`);
    await robots.crawlDelayMs("https://c.example/again");
    await robots.crawlDelayMs("https://b.example/again");
    expect(asked).toHaveLength(3);
    await robots.crawlDelayMs("https://a.example/again");
    expect(asked.map((o) => o.slice(8, 9))).toEqual(["a", "b", "c", "a"]);
  });
});
