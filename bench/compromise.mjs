// (c) The baseline: the same text through compromise's own nlp(text) with .money(),
// .percentages() and .organizations(), against our whole extractor on the same texts in
// the same process. compromise is slow, so by default it runs on a sample (every Nth
// article, about 1.5 MB) and the full-corpus time is extrapolated; the output says so.

import { performance } from "node:perf_hooks";
import nlp from "compromise";
import {
  bytesOf,
  cpuMsSince,
  fmt,
  importDist,
  loadCorpus,
  median,
  runsArg,
  settle,
} from "./lib.mjs";

const { extractArticle } = await importDist("extract/index.js");
const corpus = loadCorpus();
const sampleArg = process.argv.indexOf("--sample-mb");
const sampleMb = sampleArg >= 0 ? Number(process.argv[sampleArg + 1]) : 1.5;
const totalMb = bytesOf(corpus.texts) / 1e6;
// Every Nth article keeps the sample's mix of tables and prose like the whole corpus.
const step = Math.max(1, Math.floor(totalMb / sampleMb));
const sample = corpus.texts.filter((_t, i) => i % step === 0);
const mb = bytesOf(sample) / 1e6;

function pass(fn) {
  settle();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let sink = 0;
  for (const t of sample) sink += fn(t);
  return { ms: performance.now() - t0, cpuMs: cpuMsSince(c0), sink };
}

const compromise = (t) => {
  const doc = nlp(t);
  return (
    doc.money().out("array").length +
    doc.percentages().out("array").length +
    doc.organizations().out("array").length
  );
};
const ours = (t) => extractArticle({ source: "bench", body: t }).result.metrics.length;

// Warm both, then alternate runs so machine noise hits both alike.
for (const t of sample.slice(0, 50)) {
  compromise(t);
  ours(t);
}
const runs = runsArg(3);
const c = [];
const o = [];
const cCpu = [];
const oCpu = [];
let found = 0;
for (let r = 0; r < runs; r++) {
  const rc = pass(compromise);
  found = rc.sink;
  c.push(rc.ms);
  cCpu.push(rc.cpuMs);
  const ro = pass(ours);
  o.push(ro.ms);
  oCpu.push(ro.cpuMs);
}
const cMbps = mb / (median(c) / 1000);
const oMbps = mb / (median(o) / 1000);
const sampled = sample.length < corpus.texts.length;
console.log(`corpus: ${corpus.name}`);
console.log(
  `sample: ${sampled ? `1 article in ${step}, ` : ""}${sample.length} articles, ${fmt(mb, 2)} MB${sampled ? ` of ${fmt(totalMb, 2)} MB (full-corpus times below are extrapolated from it)` : " (whole corpus)"}`,
);
console.log(
  `compromise nlp() + money/percentages/organizations: ${fmt(cMbps, 3)} MB/s, ${fmt(sample.length / (median(c) / 1000), 0)} articles/s (median of ${runs}); ${found.toLocaleString("en-US")} matches`,
);
console.log(
  `our whole extractor on the same sample: ${fmt(oMbps, 2)} MB/s, ${fmt(sample.length / (median(o) / 1000), 0)} articles/s (median of ${runs})`,
);
console.log(
  `ratio: our extractor is ${fmt(oMbps / cMbps, 1)}x compromise's throughput by wall time, ${fmt(median(cCpu) / median(oCpu), 1)}x by CPU time`,
);
console.log(
  `whole corpus${sampled ? ", extrapolated" : ""}: compromise ${fmt(totalMb / cMbps, 1)} s, ours ${fmt(totalMb / oMbps, 1)} s`,
);
