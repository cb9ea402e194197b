// Shared helpers of the benchmarks: the corpus, timing, medians and percentiles, and the
// compiled modules under test. Benchmarks run the built code (dist/), the code users run.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

export const ROOT = resolve(import.meta.dirname, "..");
export const SHARED = resolve(process.env.NEWSFIGURES_SHARED ?? join(ROOT, "..", "shared"));
export const REUTERS = join(SHARED, "eval", "corpora", "reuters21578.jsonl");

/** Import a compiled module, or exit with the fix when dist/ has not been built. */
export async function importDist(rel) {
  const path = join(ROOT, "dist", rel);
  if (!existsSync(path)) {
    process.stderr.write(`bench: ${path} is missing; run \`npm run build\` first.\n`);
    process.exit(2);
  }
  return import(path);
}

/**
 * The benchmark corpus: Reuters-21578 (19,043 wire stories) when the shared folder is
 * present, else the project's own fixtures. A Reuters text is its body only (the corpus
 * README's 15.7 MB; titles are not in it). Read and decoded up front so no I/O is timed.
 */
export function loadCorpus() {
  if (existsSync(REUTERS)) {
    const texts = [];
    for (const line of readFileSync(REUTERS, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const a = JSON.parse(line);
      texts.push(a.text);
    }
    return { name: "Reuters-21578 (shared/eval/corpora/reuters21578.jsonl)", texts };
  }
  const dir = join(ROOT, "fixtures");
  const texts = readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((n) => readFileSync(join(dir, n), "utf8"));
  return {
    name: `fixtures/*.txt (${REUTERS} not found; figures are not comparable with Reuters runs)`,
    texts,
  };
}

export const bytesOf = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile of an unsorted list. */
export function percentile(xs, p) {
  const s = Float64Array.from(xs).sort();
  return s.length === 0
    ? Number.NaN
    : s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Collect garbage before a timed run when node was started with --expose-gc. */
export function settle() {
  globalThis.gc?.();
}

/**
 * Run fn over every text `runs` times. Returns the median run's wall time and every
 * per-article time (ms) of all runs, for percentiles. An untimed pass over the first
 * ~4 MB warms the JIT first (500 articles were not enough: the first timed run was 3x slower).
 */
export function timeOver(texts, fn, runs) {
  let warmed = 0;
  for (const t of texts) {
    if (warmed > 4e6) break;
    fn(t);
    warmed += t.length;
  }
  const walls = [];
  const cpus = [];
  const perArticle = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    settle();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const t of texts) {
      const a = performance.now();
      sink += fn(t);
      perArticle.push(performance.now() - a);
    }
    walls.push(performance.now() - t0);
    cpus.push(cpuMsSince(c0));
  }
  if (sink === -1) process.stdout.write(""); // keep the results observable so nothing is optimised away
  return { wallMs: median(walls), walls, cpuMs: median(cpus), perArticle };
}

/**
 * CPU time (user + system, ms) this process spent since `start` (a process.cpuUsage()).
 * On a shared machine wall time also counts the time other processes held the core; CPU
 * time is the work itself, so "MB per CPU-second" is the steadier per-core figure. It
 * includes the GC's helper threads, so it errs on the slow side.
 */
export function cpuMsSince(start) {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

export const fmt = (n, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "n/a";

/** `--runs N` from the section's own argv, else the default. */
export function runsArg(fallback) {
  const i = process.argv.indexOf("--runs");
  const n = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Throughput lines shared by the figure and extractor sections. */
export function throughputLines(label, texts, timing) {
  const mb = bytesOf(texts) / 1e6;
  const secs = timing.wallMs / 1000;
  return [
    `${label}: ${fmt(texts.length / secs, 0)} articles/s, ${fmt(mb / secs, 2)} MB/s (median of ${timing.walls.length} runs over ${texts.length} articles, ${fmt(mb, 2)} MB; runs ${timing.walls.map((w) => fmt(mb / (w / 1000), 2)).join(", ")} MB/s)`,
    `${label}: ${fmt(mb / (timing.cpuMs / 1000), 2)} MB per CPU-second (median; steadier than wall time when the machine is shared)`,
    `${label}: per article p50 ${fmt(percentile(timing.perArticle, 50) * 1000, 0)} µs, p99 ${fmt(percentile(timing.perArticle, 99) * 1000, 0)} µs, max ${fmt(Math.max(...timing.perArticle), 2)} ms`,
  ];
}
