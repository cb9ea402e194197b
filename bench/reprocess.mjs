#!/usr/bin/env node
// (h) Reprocess: the extractor re-run over articles already stored, after a rule change (a
// new extractor version, so every article is rewritten) and again with nothing to change.
// Beside it, in the same run, the baseline of one transaction per article (what reprocess
// did before its saves were grouped). SQLite in a temp folder and PostgreSQL in a schema
// of its own (BENCH_DATABASE_URL; 127.0.0.1 default), dropped afterwards.
//   node bench/reprocess.mjs [--articles 3000]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { importDist, loadCorpus } from "./lib.mjs";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const i = process.argv.indexOf("--articles");
const N = i >= 0 ? Number(process.argv[i + 1]) : 3000;

const { openStore, dropPostgresSchema } = await importDist("store/index.js");
const { inputOf, reprocessStore } = await importDist("pipeline/reprocess.js");
const { ingestFiles } = await importDist("pipeline/ingest-files.js");
const { extractArticle } = await importDist("extract/index.js");

const { name, texts } = loadCorpus();
const dir = mkdtempSync(join(tmpdir(), "nf-bench-reprocess-"));
const jsonl = join(dir, "articles.jsonl");
writeFileSync(
  jsonl,
  texts
    .slice(0, N)
    .map((text, k) => JSON.stringify({ id: `r${k}`, text }))
    .join("\n"),
);
console.log(`corpus: ${name}; ${Math.min(N, texts.length)} articles stored first with ingest`);

/** Seconds for one call. */
async function timed(fn) {
  const t = performance.now();
  const out = await fn();
  return { secs: (performance.now() - t) / 1000, out };
}

/** The old way: each article extracted and saved in its own transaction. */
async function oneByOne(store, version) {
  let n = 0;
  for await (const a of store.listArticles()) {
    const { extractorVersion: _v, ...row } = a;
    const { result } = extractArticle(inputOf(a));
    await store.getRecords(a.articleId);
    await store.saveExtraction(row, result, version);
    n++;
  }
  return n;
}

async function run(label, url, cleanup) {
  const store = await openStore(url);
  try {
    await ingestFiles([jsonl], store);
    const base = await timed(() => oneByOne(store, "bench-1"));
    const changed = await timed(() => reprocessStore(store, { extractorVersion: "bench-2" }));
    const same = await timed(() => reprocessStore(store, { extractorVersion: "bench-2" }));
    const n = changed.out.articles;
    const rate = (s) => `${(n / s).toFixed(0)} articles/s`;
    console.log(
      `${label}: one transaction per article (baseline): ${base.secs.toFixed(2)} s, ${rate(base.secs)}`,
    );
    console.log(
      `${label}: reprocess, every article rewritten: ${changed.secs.toFixed(2)} s, ${rate(changed.secs)} (${(base.secs / changed.secs).toFixed(1)}x the baseline; ${changed.out.failed.length} failed)`,
    );
    console.log(
      `${label}: reprocess, nothing to change: ${same.secs.toFixed(2)} s, ${rate(same.secs)}`,
    );
  } finally {
    await store.close();
    await cleanup();
  }
}

try {
  await run("SQLite", `sqlite:${join(dir, "r.db")}`, async () => {});
  const schema = `nfbench_reprocess_${process.pid}`;
  const u = new URL(PG_URL);
  u.searchParams.set("schema", schema);
  await run("PostgreSQL", u.toString(), () => dropPostgresSchema(PG_URL, schema));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
