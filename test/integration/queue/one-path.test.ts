/**
 * One path for one job: the same HTML and text files stored through `ingest PATH`, a
 * pipeline's `files` source run inline, and the same pipeline run through the queue (real
 * Redis, a key prefix of its own) give the same stored articles and records, and each run
 * reports the same numbers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningWorkers, startWorkers } from "../../../src/queue/workers.js";
import { openStore } from "../../../src/store/index.js";
import { runCli } from "../../helpers/cli.js";
import { stopQueue, workerDeps } from "./helpers.js";

const HTML = `<!doctype html><html lang="en"><head>
<title>Harrowgate Mills lifts sales | Example Wire</title>
<link rel="canonical" href="https://news.example.com/harrowgate-mills-sales">
<meta property="og:title" content="Harrowgate Mills lifts sales">
</head><body><article><h1>Harrowgate Mills lifts sales</h1>
<p>Harrowgate Mills said on Monday that revenue rose 9% to $412 million in the second quarter, as demand for its flour held up in its home market.</p>
<p>Net income was $38.5 million, up from $31 million a year earlier, and the miller now employs 1,240 people at four sites.</p>
<p>The company kept its forecast for the year and said it would open a fifth mill next spring.</p>
</article></body></html>`;

const TEXT = `Pellworth Rail reports higher traffic

Pellworth Rail said on Thursday that operating profit climbed 14% to 86 million euros in the first half, on more freight carried between its northern ports.

Revenue reached 1.1 billion euros, and the operator said it would hire 300 drivers before the end of the year.
`;

interface Stored {
  source: string;
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  body: string;
  records: unknown[];
}

async function storedIn(url: string): Promise<Stored[]> {
  const store = await openStore(url);
  try {
    const out: Stored[] = [];
    for await (const a of store.listArticles()) {
      out.push({
        source: a.source,
        url: a.url,
        canonicalUrl: a.canonicalUrl,
        title: a.title,
        body: a.body,
        records: await store.getRecords(a.articleId),
      });
    }
    return out.sort((x, y) => x.source.localeCompare(y.source));
  } finally {
    await store.close();
  }
}

/** The numbers a run reports, without what differs by nature (timings, totals of the store). */
function numbers(json: string): Record<string, unknown> {
  const s = JSON.parse(json) as Record<string, unknown>;
  return {
    files: s.files,
    skipped: s.skipped,
    articles: s.articles,
    changed: s.changed,
    unchanged: s.unchanged,
    records: s.records,
    added: s.added,
    removed: s.removed,
    updated: s.updated,
    warnings: s.warnings,
    byMetric: s.byMetric,
    byEntity: s.byEntity,
    failed: s.failed,
  };
}

describe("one path: ingest PATH, an inline files pipeline and the queue store the same", () => {
  const prefix = `nf-${inject("runId")}-onepath`;
  const root = mkdtempSync(join(tmpdir(), "nf-onepath-"));
  const articles = join(root, "articles");
  let workers: RunningWorkers;
  let redis: Redis;

  beforeAll(() => {
    mkdirSync(articles);
    writeFileSync(join(articles, "harrowgate.html"), HTML);
    writeFileSync(join(articles, "pellworth.txt"), TEXT);
    // Not an article: passed over, and said so, on every path.
    writeFileSync(join(articles, "notes.md"), "# Notes\n");
    redis = new Redis(inject("redisUrl"));
    workers = startWorkers({ ...workerDeps(prefix), filesRoot: root });
  });

  afterAll(async () => {
    await stopQueue(prefix, redis, workers);
    rmSync(root, { recursive: true, force: true });
  });

  it("stores identical articles and records and reports the same numbers on every path", async () => {
    const pipelineFor = (name: string) => {
      const file = join(root, `${name}.yaml`);
      writeFileSync(
        file,
        `name: ${name}\nsources:\n  - files: ./articles\nstore: sqlite:${join(root, `${name}.db`)}\n`,
      );
      return file;
    };
    const env = { NEWSFIGURES_FILES_ROOT: root, REDIS_URL: "", LOG_LEVEL: "silent" };

    const ingest = await runCli(
      ["ingest", articles, "--store", `sqlite:${join(root, "ingest.db")}`, "--format", "json"],
      { env },
    );
    expect(ingest.stderr).not.toMatch(/NF_/);
    expect(ingest.code).toBe(0);

    const inline = await runCli(["ingest", pipelineFor("inline"), "--format", "json"], { env });
    expect(inline.stderr).not.toMatch(/NF_/);
    expect(inline.code).toBe(0);

    const queued = await runCli(["ingest", pipelineFor("queued"), "--format", "json"], {
      env: { ...env, REDIS_URL: inject("redisUrl"), NEWSFIGURES_QUEUE_PREFIX: prefix },
    });
    expect(queued.code).toBe(0);

    const byIngest = await storedIn(`sqlite:${join(root, "ingest.db")}`);
    expect(byIngest.map((a) => a.source)).toEqual([
      join(articles, "harrowgate.html"),
      join(articles, "pellworth.txt"),
    ]);
    // The page says where it lives; a file keeps that URL whichever way it came in.
    expect(byIngest[0]?.url).toBe("https://news.example.com/harrowgate-mills-sales");
    expect(byIngest[0]?.title).toBe("Harrowgate Mills lifts sales");
    expect(byIngest[1]?.title).toBe("Pellworth Rail reports higher traffic");
    for (const a of byIngest) expect(a.records.length).toBeGreaterThan(1);

    expect(await storedIn(`sqlite:${join(root, "inline.db")}`)).toEqual(byIngest);
    expect(await storedIn(`sqlite:${join(root, "queued.db")}`)).toEqual(byIngest);

    const reported = numbers(ingest.stdout);
    expect(reported.articles).toBe(2);
    expect(reported.files).toBe(2);
    expect(reported.skipped).toEqual([join(articles, "notes.md")]);
    expect(reported.added).toBe(byIngest.reduce((n, a) => n + a.records.length, 0));
    expect(numbers(inline.stdout)).toEqual(reported);
    expect(numbers(queued.stdout)).toEqual(reported);
  });
});
