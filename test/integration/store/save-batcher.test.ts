/**
 * Group commit: saves asked for together share one transaction, and one bad article in a
 * group fails alone. Runs on a real SQLite store; the wrapper only counts the calls.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../../src/store/index.js";
import { SaveBatcher } from "../../../src/store/save-batcher.js";
import type { SaveItem } from "../../../src/store/types.js";
import { article, KESTREL_TEXT, kestrelRecords, ORCHARD_TEXT, orchardRecords } from "./articles.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A real store whose saveExtractions calls are counted and can be held until released. */
async function counted(): Promise<{
  store: Store;
  groups: number[];
  hold: () => () => void;
}> {
  const dir = mkdtempSync(join(tmpdir(), "nf-batch-"));
  dirs.push(dir);
  const store = await openStore(`sqlite:${join(dir, "b.db")}`);
  const groups: number[] = [];
  let gate: Promise<void> = Promise.resolve();
  const save = store.saveExtractions.bind(store);
  store.saveExtractions = async (items, version) => {
    groups.push(items.length);
    await gate;
    return save(items, version);
  };
  const hold = () => {
    let release = () => {};
    gate = new Promise((r) => {
      release = r;
    });
    return release;
  };
  return { store, groups, hold };
}

/** A distinct article (no records) per `n`. */
const item = (text: string, n: number): SaveItem => {
  const a = article(`${text}Story ${n}.\n`, []);
  return { article: a.row, result: a.result };
};

describe("SaveBatcher", () => {
  it("puts saves asked for in one tick into one transaction, and later ones into the next", async () => {
    const { store, groups, hold } = await counted();
    const batcher = new SaveBatcher(store, "1.0.0", { maxBatch: 4 });
    const first = await Promise.all(
      Array.from({ length: 6 }, (_, i) => batcher.save(item(ORCHARD_TEXT, i))),
    );
    expect(groups).toEqual([4, 2]);
    expect(first.every((o) => o.changed)).toBe(true);
    // While a group is in flight, saves asked for one tick apart wait and go together.
    const release = hold();
    const asked = [batcher.save(item(KESTREL_TEXT, 1))];
    for (let i = 2; i <= 4; i++) {
      await new Promise((r) => setImmediate(r));
      asked.push(batcher.save(item(KESTREL_TEXT, i)));
    }
    expect(batcher.queued).toBe(3);
    release();
    await Promise.all(asked);
    expect(groups.slice(2)).toEqual([1, 3]);
    expect((await store.stats()).articles).toBe(10);
    await store.close();
  });

  it("fails only the bad article of a group; the others are stored", async () => {
    const { store } = await counted();
    const batcher = new SaveBatcher(store, "1.0.0");
    const good = article(ORCHARD_TEXT, orchardRecords());
    const other = article(KESTREL_TEXT, kestrelRecords());
    const [first] = kestrelRecords();
    if (!first) throw new Error("fixture");
    // Two records with one id: the database refuses the second.
    const bad = article(KESTREL_TEXT, [first, { ...first, metric: "revenue" }]);
    const results = await Promise.allSettled([
      batcher.save({ article: good.row, result: good.result }),
      batcher.save({ article: bad.row, result: bad.result }),
      batcher.save({ article: other.row, result: other.result }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await store.getRecords(good.row.articleId)).toEqual(orchardRecords());
    expect(await store.getRecords(other.row.articleId)).toEqual(kestrelRecords());
    await store.close();
  });
});
