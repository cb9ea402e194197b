// (a) Figure recognition alone: findFigures over the corpus, one core.
import {
  fmt,
  importDist,
  loadCorpus,
  peakRssMb,
  runsArg,
  throughputLines,
  timeOver,
} from "./lib.mjs";

const { findFigures } = await importDist("extract/figures/index.js");
const corpus = loadCorpus();
const loadedRss = process.memoryUsage().rss / 1048576;
const timing = timeOver(corpus.texts, (t) => findFigures(t).length, runsArg(5));
let figures = 0;
for (const t of corpus.texts) figures += findFigures(t).length;
console.log(`corpus: ${corpus.name}`);
for (const line of throughputLines("figures alone", corpus.texts, timing)) console.log(line);
console.log(
  `figures alone: ${figures.toLocaleString("en-US")} figures found; peak RSS ${fmt(peakRssMb(), 0)} MB (${fmt(loadedRss, 0)} MB with just the corpus loaded)`,
);
