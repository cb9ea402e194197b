/** What a run works on: decided once for inline runs and the queue's discover jobs. */
import { describe, expect, it } from "vitest";
import type { ArticleRef } from "../../../src/model/index.js";
import { planRefs } from "../../../src/pipeline/plan-refs.js";
import type { FetchState } from "../../../src/store/types.js";

const ref = (url: string): ArticleRef => ({ url, title: null, publishedAt: null, source: "t" });

/** A store that knows two URLs, one of them published recently, with validators for both. */
function store() {
  const asked: string[][] = [];
  const state = (url: string): FetchState => ({
    url,
    etag: `"${url.slice(-1)}"`,
    lastModified: null,
    articleId: null,
    fetchedAt: "2026-12-01T00:00:00.000Z",
  });
  return {
    asked,
    async knownUrls(urls: readonly string[]) {
      asked.push([...urls]);
      return new Set(urls.filter((u) => u.endsWith("/old") || u.endsWith("/young")));
    },
    async recentUrls(urls: readonly string[]) {
      return new Set(urls.filter((u) => u.endsWith("/young")));
    },
    async getFetchStates(urls: readonly string[]) {
      return new Map(urls.map((u) => [u, state(u)]));
    },
  };
}

describe("planRefs", () => {
  const refs = [
    ref("file:///data/a.txt"),
    ref("https://example.test/new"),
    ref("https://example.test/old"),
    ref("https://example.test/young"),
  ];

  it("reads files, fetches new URLs and leaves stored ones", async () => {
    const s = store();
    const plan = await planRefs(refs, s, {});
    expect(plan.run.map((p) => [p.ref.url, p.action])).toEqual([
      ["file:///data/a.txt", "read"],
      ["https://example.test/new", "fetch"],
    ]);
    expect(plan.stored.map((r) => r.url)).toEqual([
      "https://example.test/old",
      "https://example.test/young",
    ]);
    // One question for all the URLs, none for the file.
    expect(s.asked).toEqual([
      ["https://example.test/new", "https://example.test/old", "https://example.test/young"],
    ]);
  });

  it("asks again, conditionally, for a stored URL young enough to be corrected", async () => {
    const plan = await planRefs(refs, store(), { recheckWithin: "2d" });
    const young = plan.run.find((p) => p.ref.url.endsWith("/young"));
    expect(young).toEqual({
      ref: refs[3],
      action: "fetch",
      known: { etag: '"g"', lastModified: null },
    });
    expect(plan.stored.map((r) => r.url)).toEqual(["https://example.test/old"]);
  });
});
