// (b) The whole extractor (figures, entities, attribution, validation) over the corpus.
import {
  fmt,
  importDist,
  loadCorpus,
  peakRssMb,
  runsArg,
  throughputLines,
  timeOver,
} from "./lib.mjs";

const { extractArticle } = await importDist("extract/index.js");
const corpus = loadCorpus();
const loadedRss = process.memoryUsage().rss / 1048576;
const extract = (t) => extractArticle({ source: "bench", body: t }).result.metrics.length;
const timing = timeOver(corpus.texts, extract, runsArg(3));
let records = 0;
for (const t of corpus.texts) records += extract(t);
console.log(`corpus: ${corpus.name}`);
for (const line of throughputLines("whole extractor", corpus.texts, timing)) console.log(line);
console.log(
  `whole extractor: ${records.toLocaleString("en-US")} records; peak RSS ${fmt(peakRssMb(), 0)} MB (${fmt(loadedRss, 0)} MB with just the corpus loaded)`,
);
