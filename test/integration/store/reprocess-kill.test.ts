/**
 * SIGKILL in the middle of `newsfigures reprocess`: every article must afterwards hold
 * either all of its old records (old extractor version) or all of its new ones (current
 * version), never a mix. Runs the built CLI (dist/) as a child process, on both backends.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extract/index.js";
import { EXTRACTOR_VERSION } from "../../../src/extract/version.js";
import type { MetricRecord } from "../../../src/model/index.js";
import type { BulkItem, Store } from "../../../src/store/index.js";
import { canonicalJson } from "../../../src/store/rows.js";
import { BIN, ROOT } from "../../helpers/cli.js";
import { backends } from "./backends.js";

const ARTICLES = 300;
const KILL_AFTER_LINES = 30;
const HAS_DIST = existsSync(resolve(ROOT, "dist/cli/commands/reprocess.js"));
const all = backends("kill");
afterAll(async () => {
  for (const b of all) await b.cleanup();
});

function body(i: number): string {
  return `Firm ${i} Holdings posts results\nFirm ${i} Holdings said revenue rose ${(i % 40) + 2}% to $${i + 3}.5 million in the second quarter of 2025.\nThe company employs ${1000 + i} people and expects a profit of $${i + 1} million next year.\n`;
}

/** The "old rules": every figure read as `other`, and the last one missed. */
function oldItem(i: number): BulkItem & { fresh: MetricRecord[] } {
  const text = body(i);
  const { result } = extractArticle({
    source: `kill/${i}.txt`,
    body: text,
    title: text.split("\n")[0] ?? null,
  });
  const metrics = result.metrics
    .slice(0, -1)
    .map((m) => ({ ...m, metric: "other" as const, entity: null }));
  return {
    article: {
      articleId: result.articleId,
      source: `kill/${i}.txt`,
      url: null,
      canonicalUrl: null,
      title: result.title,
      publishedAt: null,
      publisher: null,
      authors: [],
      fetchedAt: "2026-01-01T00:00:00.000Z",
      etag: null,
      lastModified: null,
      raw: null,
      contentType: "text/plain",
      body: text,
    },
    result: { ...result, metrics },
    fresh: result.metrics,
  };
}

function recordSet(records: unknown[]): string {
  return records
    .map((r) => canonicalJson(r))
    .sort()
    .join("\n");
}

function runUntilKilled(
  store: string,
): Promise<{ lines: number; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [BIN, "reprocess", "--store", store, "--format", "json"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let lines = 0;
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      lines += d.split("\n").length - 1;
      if (lines >= KILL_AFTER_LINES && child.exitCode === null) child.kill("SIGKILL");
    });
    child.on("error", fail);
    child.on("close", (_code, signal) => done({ lines, signal, stderr }));
  });
}

describe.skipIf(!HAS_DIST).each(all)("reprocess killed mid-way on $name", (backend) => {
  it("leaves every article wholly old or wholly new", async () => {
    const seeded: Store = await backend.open("k");
    const items = Array.from({ length: ARTICLES }, (_, i) => oldItem(i));
    try {
      await seeded.bulkInsert(items, "0.0.1-old");
    } finally {
      await seeded.close();
    }

    const run = await runUntilKilled(backend.spec("k"));
    expect(run.stderr).toBe("");
    expect(run.signal).toBe("SIGKILL");

    const store = await backend.open("k");
    try {
      let done = 0;
      let untouched = 0;
      for (const item of items) {
        const stored = await store.getArticle(item.article.articleId);
        const now = recordSet(await store.getRecords(item.article.articleId));
        if (stored?.extractorVersion === EXTRACTOR_VERSION) {
          expect(now).toBe(recordSet(item.fresh));
          done++;
        } else {
          expect(stored?.extractorVersion).toBe("0.0.1-old");
          expect(now).toBe(recordSet(item.result.metrics));
          untouched++;
        }
      }
      // The kill really landed in the middle.
      expect(done).toBeGreaterThanOrEqual(KILL_AFTER_LINES - 1);
      expect(untouched).toBeGreaterThan(0);
      console.info(
        `${backend.name}: killed after ${done} of ${ARTICLES} articles were re-extracted`,
      );
      expect((await store.listRuns()).length).toBe(done);
    } finally {
      await store.close();
    }
  });
});
