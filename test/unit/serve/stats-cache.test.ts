/** The overview's counts: counted once per max age, a stale answer given while a recount runs, failures reported. */
import { describe, expect, it } from "vitest";
import { NewsfiguresError } from "../../../src/errors.js";
import { statsCache } from "../../../src/serve/stats-cache.js";
import type { StoreStats } from "../../../src/store/types.js";

const statsOf = (records: number): StoreStats => ({
  articles: 1,
  records,
  entities: 0,
  runs: 0,
  byMetric: [],
  topEntities: [],
});

describe("statsCache", () => {
  it("counts once for many requests within the max age, and says when it counted", async () => {
    let clock = Date.UTC(2026, 11, 6, 2, 0, 0);
    let counted = 0;
    const read = statsCache(
      async () => statsOf(++counted),
      60_000,
      () => clock,
    );
    const [a, b] = await Promise.all([read(), read()]);
    expect(counted).toBe(1);
    expect(a).toEqual(b);
    expect(a.countedAt).toBe("2026-12-06T02:00:00.000Z");
    clock += 59_999;
    expect((await read()).stats.records).toBe(1);
    expect(counted).toBe(1);
  });

  it("gives the stale counts with their old time while one recount runs, then the new ones", async () => {
    let clock = 0;
    let release: () => void = () => {};
    let counted = 0;
    const read = statsCache(
      async () => {
        counted++;
        if (counted > 1) await new Promise<void>((r) => (release = r));
        return statsOf(counted);
      },
      1000,
      () => clock,
    );
    await read();
    clock = 5000;
    const stale = await read();
    const again = await read();
    expect(stale.stats.records).toBe(1);
    expect(again.countedAt).toBe(new Date(0).toISOString());
    expect(counted).toBe(2);
    release();
    await new Promise((r) => setTimeout(r, 0));
    const fresh = await read();
    expect(fresh.stats.records).toBe(2);
    expect(fresh.countedAt).toBe(new Date(5000).toISOString());
  });

  it("reports a failed recount to the next request, then counts again", async () => {
    let clock = 0;
    let fail = false;
    const read = statsCache(
      async () => {
        if (fail) throw new NewsfiguresError("NF_STORE_QUERY_FAILED", "down", { retryable: true });
        return statsOf(7);
      },
      1000,
      () => clock,
    );
    await read();
    clock = 2000;
    fail = true;
    await read();
    await new Promise((r) => setTimeout(r, 0));
    await expect(read()).rejects.toMatchObject({ code: "NF_STORE_QUERY_FAILED" });
    fail = false;
    await read();
    await new Promise((r) => setTimeout(r, 0));
    expect((await read()).countedAt).toBe(new Date(2000).toISOString());
  });
});
