// The store benchmarks' synthetic data: articles of PER_ARTICLE valid records each, for
// ENTITIES companies with varied name prefixes (so a prefix range selects one company, as
// in real use), inserted with bulkInsert. Shared by bench/store.mjs and bench/serve.mjs.
import { performance } from "node:perf_hooks";

export const PER_ARTICLE = 10;
export const ENTITIES = 5_000; // 20 articles each at 1,000,000 records
export const METRICS = [
  "revenue",
  "net_income",
  "eps",
  "orders",
  "backlog",
  "guidance",
  "margin",
  "employees",
  "customers",
  "deal_value",
];

/** Entity names with varied prefixes, so a prefix range selects one company, as in real use. */
const SYLLABLES = [
  "al",
  "bor",
  "cen",
  "dar",
  "el",
  "fen",
  "gal",
  "hor",
  "iv",
  "jun",
  "kal",
  "lor",
  "mer",
  "nor",
  "ost",
  "pel",
  "quin",
  "ros",
  "sel",
  "tor",
];
export const entityName = (i) => {
  const a = SYLLABLES[i % 20];
  const b = SYLLABLES[Math.floor(i / 20) % 20];
  const c = SYLLABLES[Math.floor(i / 400) % 20];
  const name = `${a}${b}${c}`;
  return `${name[0].toUpperCase()}${name.slice(1)} ${["Holdings", "Corp", "Group", "Industries"][i % 4]} ${Math.floor(i / 8000) || ""}`.trim();
};

/** A batch of articles, each with PER_ARTICLE valid records of one entity. */
export function batch(first, count) {
  const items = [];
  for (let a = first; a < first + count; a++) {
    const articleId = `sha256:${a.toString(16).padStart(64, "0")}`;
    const entity = { name: entityName(a % ENTITIES), type: "organization" };
    const day = String(1 + (a % 28)).padStart(2, "0");
    const publishedAt = `2026-${String(1 + (a % 12)).padStart(2, "0")}-${day}T12:00:00Z`;
    const body = `${entity.name} reported results. Revenue was $1.2 billion.`;
    const metrics = [];
    for (let k = 0; k < PER_ARTICLE; k++) {
      const metric = METRICS[(a + k) % METRICS.length];
      const money = metric !== "margin" && metric !== "employees" && metric !== "customers";
      metrics.push({
        id: `bench-${a}-${k}`,
        kind: money ? "money" : metric === "margin" ? "percent" : "count",
        text: "$1.2 billion",
        span: { start: 40 + k, end: 52 + k },
        sentence: body,
        value: {
          amount: 1e6 * (1 + ((a * 7 + k) % 997)),
          currency: money ? "USD" : null,
          unit: money ? null : metric === "margin" ? "percent" : metric,
          approximate: false,
          bound: "exact",
          range: null,
        },
        rate: null,
        metric,
        metricPhrase: metric.replace("_", " "),
        entity,
        period: {
          text: "third quarter",
          fiscal: false,
          year: 2026,
          quarter: 3,
          start: null,
          end: null,
          ytd: false,
        },
        change: null,
        forecast: false,
      });
    }
    const result = {
      source: `bench-${a}`,
      articleId,
      url: `https://bench.example/${a}`,
      title: `${entity.name} results`,
      publishedAt,
      publisher: "Bench Wire",
      authors: [],
      entities: [{ name: entity.name, type: "organization", mentions: 3 }],
      metrics,
    };
    const article = {
      articleId,
      source: result.source,
      url: result.url,
      canonicalUrl: null,
      title: result.title,
      publishedAt,
      publisher: "Bench Wire",
      authors: [],
      fetchedAt: publishedAt,
      etag: null,
      lastModified: null,
      raw: null,
      contentType: "text/plain",
      body,
    };
    items.push({ article, result });
  }
  return items;
}

/** Insert the articles [from, to) in batches of 1,000; seconds taken. */
export async function fill(s, from, to) {
  const t0 = performance.now();
  for (let a = from; a < to; a += 1000)
    await s.bulkInsert(batch(a, Math.min(1000, to - a)), "bench");
  return (performance.now() - t0) / 1000;
}
