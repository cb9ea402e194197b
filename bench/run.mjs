#!/usr/bin/env node
// `npm run bench [-- --only figures,extractor] [--runs N]`: every benchmark section in its
// own process (so each peak RSS is that section's own and one section's garbage does not
// slow the next), one after the other on an otherwise idle machine. A benchmark, not a
// test: nothing here asserts a time; the figures are printed for the reader. Medians.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { REUTERS, ROOT } from "./lib.mjs";

const SECTIONS = [
  { name: "figures", title: "(a) figure recognition alone (findFigures)", file: "figures.mjs" },
  { name: "extractor", title: "(b) whole extractor (extractArticle)", file: "extractor.mjs" },
  {
    name: "compromise",
    title: "(c) baseline: compromise nlp() money/percentages/organizations",
    file: "compromise.mjs",
  },
  {
    name: "linearity",
    title: "(d) linearity: one input of 1 KB .. 5 MB; normal and hostile pages",
    file: "linearity.mjs",
  },
  {
    name: "pages",
    title: "(e) page parsing: parseArticle vs Readability + linkedom",
    file: "pages.mjs",
  },
  {
    name: "store",
    title: "(f) store: 1,000,000 records, entity + metric query, export",
    file: "store.mjs",
  },
  {
    name: "queue",
    title: "(g) end to end: local server -> fetch -> extract -> PostgreSQL (bench/queue-e2e.mjs)",
    file: "queue-e2e.mjs",
    optional: true,
  },
  {
    name: "queue-memory",
    title:
      "(i) Redis memory: 10,000 queued references, a finished extract job (bench/queue-memory.mjs)",
    file: "queue-memory.mjs",
    optional: true,
  },
  {
    name: "cli-startup",
    title: "(j) CLI start-up: CPU seconds of --version and of extracting one short article",
    file: "cli-startup.mjs",
  },
  {
    name: "reprocess",
    title: "(h) reprocess after a rule change: grouped saves vs one transaction per article",
    file: "reprocess.mjs",
  },
  {
    name: "serve",
    title: "(i) serve: API and entity page latency at 1,000,000 records, a 10,000-point chart",
    file: "serve.mjs",
  },
];

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf("--only");
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? "").split(",").filter(Boolean)) : null;
const passOn = argv.filter((a, i) => a !== "--only" && i !== onlyAt + 1);
const unknown = [...(only ?? [])].filter((n) => !SECTIONS.some((s) => s.name === n));
if (unknown.length > 0) {
  process.stderr.write(
    `bench: unknown section(s) ${unknown.join(", ")}; choose from ${SECTIONS.map((s) => s.name).join(", ")}\n`,
  );
  process.exit(2);
}
if (!existsSync(join(ROOT, "dist", "extract", "index.js"))) {
  process.stderr.write(
    "bench: dist/ is missing; run `npm run build` first (benchmarks measure the built code).\n",
  );
  process.exit(2);
}

const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], {
  cwd: ROOT,
  encoding: "utf8",
}).stdout.trim();
console.log(
  `newsfigures bench: ${new Date().toISOString()}, commit ${head || "?"}, node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}`,
);
// Other work on the machine slows wall-time figures; say how busy it was when we started.
console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} (1, 5, 15 min)`,
);
console.log(`corpus: ${existsSync(REUTERS) ? REUTERS : "fixtures/ (Reuters corpus not found)"}`);

let failed = 0;
for (const section of SECTIONS) {
  if (only && !only.has(section.name)) continue;
  console.log(`\n== ${section.title}`);
  const file = join(ROOT, "bench", section.file);
  if (!existsSync(file)) {
    console.log(
      section.optional
        ? `not run: ${section.file} does not exist yet (the queue issue adds it)`
        : `missing: ${file}`,
    );
    if (!section.optional) failed++;
    continue;
  }
  const started = Date.now();
  const child = spawnSync(process.execPath, ["--expose-gc", file, ...passOn], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (child.status !== 0) {
    failed++;
    console.log(
      `section ${section.name} failed (exit ${child.status ?? child.signal}); the others still run`,
    );
  } else {
    console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}
process.exit(failed > 0 ? 1 : 0);
