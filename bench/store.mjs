// (f) Store: 1,000,000 synthetic records bulk-inserted into SQLite and PostgreSQL, then the
// median latency of entity + metric queries (the `newsfigures query --entity X --metric Y`
// path; the goal is < 50 ms, which needs an index range scan), then `export` of every
// record in a fresh process so its peak RSS is the export's own (constant memory means it
// does not grow with the store).
//   node bench/store.mjs [--records N] [--only sqlite|postgres] [--keep-sqlite PATH]
//   internal: node bench/store.mjs --export sqlite PATH | --export postgres URL SCHEMA
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fmt, importDist, median, peakRssMb } from "./lib.mjs";
import { ENTITIES, entityName, fill, METRICS, PER_ARTICLE } from "./store-data.mjs";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const store = await importDist("store/index.js");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

if (process.argv.includes("--export")) {
  await exportPhase();
  process.exit(0);
}

const TOTAL = Number(arg("--records", "1000000"));
async function queryLatency(s) {
  const times = [];
  let rows = 0;
  for (let q = 0; q < 41; q++) {
    const entity = entityName((q * 613) % ENTITIES).split(" ")[0];
    const metric = METRICS[q % METRICS.length];
    const t0 = performance.now();
    const got = await s.queryRecords({ entity, metric });
    times.push(performance.now() - t0);
    rows += got.length;
  }
  return {
    median: median(times.slice(1)),
    max: Math.max(...times.slice(1)),
    rows: rows / times.length,
  };
}

function exportInChild(args) {
  const child = spawnSync(process.execPath, [import.meta.filename, "--export", ...args], {
    encoding: "utf8",
  });
  if (child.status !== 0) return `export failed: ${child.stderr.trim().split("\n").at(-1)}`;
  return child.stdout.trim();
}

async function exportPhase() {
  const [kind, where, schema] = process.argv.slice(process.argv.indexOf("--export") + 1);
  const s =
    kind === "sqlite" ? store.openSqliteStore(where) : store.openPostgresStore(where, { schema });
  const baseline = process.memoryUsage().rss / 1048576;
  const t0 = performance.now();
  let n = 0;
  let bytes = 0;
  for await (const r of s.exportRecords()) {
    n++;
    bytes += JSON.stringify(r).length + 1; // what `export` would write, without the disk
  }
  const secs = (performance.now() - t0) / 1000;
  await s.close();
  console.log(
    `export: ${n.toLocaleString("en-US")} records (${fmt(bytes / 1e6, 0)} MB of JSONL) in ${fmt(secs, 1)} s; peak RSS ${fmt(peakRssMb(), 0)} MB (${fmt(baseline, 0)} MB before the first row)`,
  );
}

async function run(label, open, exportArgs, cleanup) {
  const s = open();
  try {
    await s.migrate();
    // Export once at a tenth of the records and once at all of them: constant memory means
    // the two peak RSS figures are about the same.
    const articles = Math.ceil(TOTAL / PER_ARTICLE);
    const tenth = Math.ceil(articles / 10);
    let secs = await fill(s, 0, tenth);
    console.log(
      `${label}: at ${(tenth * PER_ARTICLE).toLocaleString("en-US")} records, ${exportInChild(exportArgs)}`,
    );
    secs += await fill(s, tenth, articles);
    console.log(
      `${label}: inserted ${TOTAL.toLocaleString("en-US")} records (${articles.toLocaleString("en-US")} articles, ${Math.min(ENTITIES, articles).toLocaleString("en-US")} entities) in ${fmt(secs, 1)} s with bulkInsert`,
    );
    const q = await queryLatency(s);
    console.log(
      `${label}: entity + metric query median ${fmt(q.median, 2)} ms, max ${fmt(q.max, 2)} ms (40 queries, ${fmt(q.rows, 0)} rows each on average; goal < 50 ms)`,
    );
  } finally {
    await s.close();
  }
  console.log(
    `${label}: at ${TOTAL.toLocaleString("en-US")} records, ${exportInChild(exportArgs)}`,
  );
  await cleanup();
}

const only = arg("--only", null);
console.log(`store: ${TOTAL.toLocaleString("en-US")} synthetic records per backend`);
if (only !== "postgres") {
  // --keep-sqlite PATH leaves the database behind, to look at its query plans.
  const kept = arg("--keep-sqlite", null);
  const dir = kept ? null : mkdtempSync(join(tmpdir(), "newsfigures-bench-"));
  const path = kept ?? join(dir, "bench.db");
  await run(
    "SQLite",
    () => store.openSqliteStore(path),
    ["sqlite", path],
    async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  );
}
if (only !== "sqlite") {
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  try {
    await run(
      "PostgreSQL",
      () => store.openPostgresStore(PG_URL, { schema }),
      ["postgres", PG_URL, schema],
      () => store.dropPostgresSchema(PG_URL, schema),
    );
  } catch (err) {
    console.log(
      `PostgreSQL: skipped or failed at ${PG_URL.replace(/\/\/[^@]*@/, "//***@")}: ${err.message} (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)`,
    );
    await store.dropPostgresSchema(PG_URL, schema).catch(() => {});
  }
}
