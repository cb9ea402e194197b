// (d) Linearity: MB/s on single inputs of 1 KB .. 5 MB. First the extractor (and figure
// recognition alone) on text made by joining corpus articles; then whole pages through
// parse + extract (analysePage, what a queue worker's thread runs) for normal articles and
// for the hostile shapes: deep nesting, unclosed tags, one giant paragraph. A cost linear
// in size keeps MB/s flat across the sizes; a quadratic step shows as a drop. A shape the
// limits refuse is timed to its typed error, and the cell says which.
import { performance } from "node:perf_hooks";
import { cpuMsSince, fmt, importDist, loadCorpus, median, runsArg, settle } from "./lib.mjs";

const { extractArticle } = await importDist("extract/index.js");
const { findFigures } = await importDist("extract/figures/index.js");
const { analysePage } = await importDist("pipeline/analyse-page.js");
const corpus = loadCorpus();
const joined = corpus.texts.join("\n\n");
const SIZES = [1e3, 1e4, 1e5, 1e6, 5e6];
const label = (size) => (size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`);

/** The first `bytes` of the corpus, cut at white space so no figure is split. */
function inputOf(bytes) {
  let text = joined;
  while (Buffer.byteLength(text, "utf8") < bytes) text += `\n\n${joined}`;
  const cut = text.lastIndexOf(" ", bytes);
  return text.slice(0, cut > 0 ? cut : bytes);
}

/**
 * Repeat fn on the input until about 2 MB have gone through (at least `minReps` times);
 * median MB/s by wall time and by CPU time (steadier on a shared machine).
 */
async function mbPerSecond(input, fn, minReps = 3) {
  const mb = (typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.length) / 1e6;
  const reps = Math.max(minReps, Math.ceil(2 / mb));
  await fn(input); // warm
  const wall = [];
  const cpu = [];
  for (let run = 0; run < runsArg(3); run++) {
    settle();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) await fn(input);
    wall.push((mb * reps) / ((performance.now() - t0) / 1000));
    cpu.push((mb * reps) / (cpuMsSince(c0) / 1000));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

console.log(`corpus: ${corpus.name}`);
console.log("\ntext (extractArticle on joined corpus articles):");
console.log(
  `${"input".padEnd(8)} ${"extractor MB/s".padStart(15)} ${"(per CPU-s)".padStart(12)} ${"figures MB/s".padStart(13)} ${"(per CPU-s)".padStart(12)}`,
);
const rates = [];
for (const size of SIZES) {
  const text = inputOf(size);
  const whole = await mbPerSecond(
    text,
    (t) => extractArticle({ source: "bench", body: t }).result.metrics.length,
    1,
  );
  const figs = await mbPerSecond(text, (t) => findFigures(t).length, 1);
  rates.push(whole.cpu);
  console.log(
    `${label(size).padEnd(8)} ${fmt(whole.wall, 2).padStart(15)} ${fmt(whole.cpu, 2).padStart(12)} ${fmt(figs.wall, 2).padStart(13)} ${fmt(figs.cpu, 2).padStart(12)}`,
  );
}
// 1 KB carries a fixed cost per call (hashing, schema setup), so the ratio that shows the
// growth of the cost with size is 1 MB against 10 KB. CPU-time rates: steadier when shared.
const [at1k, at10k, , at1m, at5m] = rates;
console.log(
  `linearity: extractor MB per CPU-second at 1 MB = ${fmt((at1m / at10k) * 100, 0)}% of 10 KB, ${fmt((at1m / at1k) * 100, 0)}% of 1 KB; at 5 MB = ${fmt((at5m / rates[2]) * 100, 0)}% of 100 KB (100% = linear; well under 50% points to a super-linear step)`,
);

// Pages: the same work a queue worker's analysis thread does, from bytes to records.
const SENTENCE =
  "Brennock Cement said revenue rose 4% to $1.2 billion in the quarter, while net income was $310 million. ";
const escapeHtml = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const SHAPES = {
  normal: (bytes) =>
    `<!doctype html><html><head><title>News</title></head><body><article>${inputOf(bytes)
      .split(/\n\s*\n/)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join("\n")}</article></body></html>`,
  "nested div": (bytes) => {
    const n = Math.max(1, Math.round(bytes / 11));
    return `<html><body>${"<div>".repeat(n)}<p>${SENTENCE}</p>${"</div>".repeat(n)}</body></html>`;
  },
  "unclosed span": (bytes) =>
    `<html><body><article>${"<span>word ".repeat(Math.max(1, Math.round(bytes / 11)))}<p>${SENTENCE}</p></article></body></html>`,
  "giant paragraph": (bytes) =>
    `<html><body><article><p>${SENTENCE.repeat(Math.max(1, Math.round(bytes / SENTENCE.length)))}</p></article></body></html>`,
};

/** parse + extract, or the code of the typed error that stopped it. */
async function analyse(raw) {
  try {
    await analysePage({
      document: {
        source: "bench",
        bytes: raw,
        contentType: "text/html; charset=utf-8",
        url: "https://bench.example/page",
      },
      minBodyChars: 0,
    });
    return "ok";
  } catch (err) {
    if (typeof err?.code !== "string") throw err;
    return err.code;
  }
}

console.log(
  "\npages (analysePage: decode, parse, extract), MB per CPU-second; ! = refused with the code given:",
);
console.log(
  `${"shape".padEnd(16)} ${SIZES.map((s) => label(s).padStart(10)).join(" ")}   5 MB / 100 KB`,
);
const refusals = new Map();
for (const [name, make] of Object.entries(SHAPES)) {
  const cells = [];
  const cpu = [];
  for (const size of SIZES) {
    const raw = Buffer.from(make(size));
    const outcome = await analyse(raw);
    const r = await mbPerSecond(raw, analyse, 1);
    cpu.push(r.cpu);
    if (outcome !== "ok") refusals.set(`${name} ${label(size)}`, outcome);
    cells.push(`${fmt(r.cpu, 2)}${outcome === "ok" ? " " : "!"}`.padStart(10));
  }
  console.log(
    `${name.padEnd(16)} ${cells.join(" ")}   ${fmt((cpu[4] / cpu[2]) * 100, 0).padStart(5)}%`,
  );
}
for (const [cell, code] of refusals) console.log(`  ! ${cell}: ${code}`);
console.log(
  "goal: the 5 MB rate within a factor of 2 of the 100 KB rate for every shape (50%..200%); a refused shape stops at its limit, so its rate is that of reading up to it",
);
