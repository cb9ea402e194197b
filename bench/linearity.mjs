// (d) Linearity: MB/s of the whole extractor (and of figure recognition alone) on single
// inputs of 1 KB, 10 KB, 100 KB and 1 MB, built by concatenating corpus articles. A cost
// linear in size keeps MB/s flat across the sizes; a quadratic step shows as a drop.
import { performance } from "node:perf_hooks";
import { cpuMsSince, fmt, importDist, loadCorpus, median, runsArg, settle } from "./lib.mjs";

const { extractArticle } = await importDist("extract/index.js");
const { findFigures } = await importDist("extract/figures/index.js");
const corpus = loadCorpus();
const joined = corpus.texts.join("\n\n");
const SIZES = [1e3, 1e4, 1e5, 1e6];

/** The first `bytes` of the corpus, cut at white space so no figure is split. */
function inputOf(bytes) {
  let text = joined;
  while (Buffer.byteLength(text, "utf8") < bytes) text += `\n\n${joined}`;
  const cut = text.lastIndexOf(" ", bytes);
  return text.slice(0, cut > 0 ? cut : bytes);
}

/**
 * Repeat fn on the input until about 2 MB have gone through (at least 3 times); median
 * MB/s by wall time and by CPU time (steadier on a shared machine).
 */
function mbPerSecond(text, fn) {
  const mb = Buffer.byteLength(text, "utf8") / 1e6;
  const reps = Math.max(3, Math.ceil(2 / mb));
  fn(text); // warm
  const wall = [];
  const cpu = [];
  for (let run = 0; run < runsArg(3); run++) {
    settle();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn(text);
    wall.push((mb * reps) / ((performance.now() - t0) / 1000));
    cpu.push((mb * reps) / (cpuMsSince(c0) / 1000));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

console.log(`corpus: ${corpus.name}`);
console.log(
  `${"input".padEnd(8)} ${"extractor MB/s".padStart(15)} ${"(per CPU-s)".padStart(12)} ${"figures MB/s".padStart(13)} ${"(per CPU-s)".padStart(12)}`,
);
const rates = [];
for (const size of SIZES) {
  const text = inputOf(size);
  const whole = mbPerSecond(
    text,
    (t) => extractArticle({ source: "bench", body: t }).result.metrics.length,
  );
  const figs = mbPerSecond(text, (t) => findFigures(t).length);
  rates.push(whole.cpu);
  const label = size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`;
  console.log(
    `${label.padEnd(8)} ${fmt(whole.wall, 2).padStart(15)} ${fmt(whole.cpu, 2).padStart(12)} ${fmt(figs.wall, 2).padStart(13)} ${fmt(figs.cpu, 2).padStart(12)}`,
  );
}
// 1 KB carries a fixed cost per call (hashing, schema setup), so the ratio that shows the
// growth of the cost with size is 1 MB against 10 KB. CPU-time rates: steadier when shared.
const [at1k, at10k, , at1m] = rates;
console.log(
  `linearity: extractor MB per CPU-second at 1 MB = ${fmt((at1m / at10k) * 100, 0)}% of 10 KB, ${fmt((at1m / at1k) * 100, 0)}% of 1 KB (100% = linear; well under 50% points to a super-linear step)`,
);
