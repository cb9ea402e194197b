// (e) Page parsing: our parseArticle against @mozilla/readability on linkedom, over the
// 181 real pages of shared/eval/peers/article-extraction. Pages are read and decoded first;
// only parsing is timed. Both sides get a fresh DOM per page (Readability mutates it).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { cpuMsSince, fmt, importDist, median, peakRssMb, runsArg, SHARED, settle } from "./lib.mjs";

const DIR = join(SHARED, "eval", "peers", "article-extraction");
if (!existsSync(DIR)) {
  console.log(`pages: skipped; ${DIR} not found (set NEWSFIGURES_SHARED)`);
  process.exit(0);
}
const { parseArticle } = await importDist("parse/index.js");
const pages = readdirSync(DIR)
  .filter((n) => n.endsWith(".html"))
  .sort()
  .map((n) => new TextDecoder("utf-8").decode(readFileSync(join(DIR, n))));
const mb = pages.reduce((n, p) => n + Buffer.byteLength(p, "utf8"), 0) / 1e6;

const ours = (html) => parseArticle(html).body.length;
const readability = (html) => {
  const { document } = parseHTML(html);
  return new Readability(document).parse()?.textContent?.length ?? 0;
};

function pagesPerSecond(fn) {
  for (const p of pages.slice(0, 10)) fn(p); // warm
  const rates = [];
  const cpuRates = [];
  for (let r = 0; r < runsArg(5); r++) {
    settle();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const p of pages) fn(p);
    rates.push(pages.length / ((performance.now() - t0) / 1000));
    cpuRates.push(pages.length / (cpuMsSince(c0) / 1000));
  }
  return { median: median(rates), rates, cpu: median(cpuRates) };
}

const o = pagesPerSecond(ours);
const r = pagesPerSecond(readability);
console.log(`pages: ${pages.length} pages, ${fmt(mb, 1)} MB (${DIR})`);
console.log(
  `our parseArticle: ${fmt(o.median, 1)} pages/s, ${fmt(o.cpu, 1)} per CPU-second (median; runs ${o.rates.map((x) => fmt(x, 1)).join(", ")})`,
);
console.log(
  `Readability + linkedom: ${fmt(r.median, 1)} pages/s, ${fmt(r.cpu, 1)} per CPU-second (median; runs ${r.rates.map((x) => fmt(x, 1)).join(", ")})`,
);
console.log(
  `ratio: our parser is ${fmt(o.median / r.median, 2)}x Readability + linkedom by wall time, ${fmt(o.cpu / r.cpu, 2)}x by CPU time; peak RSS ${fmt(peakRssMb(), 0)} MB`,
);
