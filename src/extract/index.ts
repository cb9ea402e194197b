/**
 * The extractor: text in, records out. Pure: no I/O, no logging. Every record is
 * validated against the schema before it leaves; a figure that does not validate is
 * dropped and reported as a warning (a wrong number is worse than a missing one).
 */
import { ArticleInput, ArticleResult, MetricRecord } from "../model/index.js";
import { attributeFigures } from "./attribution/index.js";
import { findEntities } from "./entities/index.js";
import { findFigures } from "./figures/index.js";
import { readHeadline, withHeadlineOwner } from "./headline.js";
import { articleIdOf, recordIdOf } from "./ids.js";
import { checkBodyLimits } from "./limits.js";
import { splitSentences } from "./sentences.js";
import { type RowLabel, readTables } from "./tables/index.js";
import type { Attribution, Figure, Sentence } from "./types.js";

/** The article result without its records, which are validated one by one. */
const ArticleEnvelope = ArticleResult.omit({ metrics: true });

export interface ExtractWarning {
  code: string;
  message: string;
  span?: { start: number; end: number };
}

export interface ExtractOutput {
  result: ArticleResult;
  warnings: ExtractWarning[];
}

export interface ExtractOptions {
  withBody?: boolean;
  /** More results-table row labels, tried before the built-in ones (docs/tables.md). */
  tableLabels?: readonly RowLabel[];
  /** Add to each record which rule chose its entity, metric and period (never stored). */
  explain?: boolean;
}

/**
 * Extract every figure of one article.
 *
 * @example
 * const { result } = extractArticle({ source: "a.txt", body: "Revenue rose 8% to $1.2 billion." });
 * result.metrics[1].value.amount; // 1200000000
 */
export function extractArticle(
  input: ArticleInput | Parameters<typeof ArticleInput.parse>[0],
  options: ExtractOptions = {},
): ExtractOutput {
  const article = ArticleInput.parse(input);
  const body = article.body;
  checkBodyLimits(body);
  const articleId = articleIdOf(body);
  const warnings: ExtractWarning[] = [];

  const sentences = splitSentences(body);
  // A wire headline in capitals names the company that owns the story (and its table).
  const found = article.title ? body.indexOf(article.title) : -1;
  const titleAt = found >= 0 && found < 300 ? found : -1;
  const headline = article.title
    ? readHeadline(article.title, titleAt === 0 ? body.slice(article.title.length) : body)
    : null;
  const entities = withHeadlineOwner(findEntities(body, article.title), headline, titleAt);
  // Table rows take metric, entity and period from the table; the rest of the text is prose.
  const tables = readTables(body, {
    entity: entities.main,
    firstPeriod: headline?.period?.text ?? null,
    from: titleAt === 0 && article.title ? article.title.length : 0,
    ...(options.tableLabels ? { labels: options.tableLabels } : {}),
  });
  const figures = outside(findFigures(body), tables.owned);
  const attributions = attributeFigures(figures, {
    text: body,
    title: article.title,
    sentences,
    entities,
  });
  const read: Array<{ figure: Figure; attribution: Attribution | undefined }> = figures.map(
    (figure, i) => ({ figure, attribution: attributions[i] }),
  );
  for (const t of tables.figures) read.push(t);
  read.sort((x, y) => x.figure.start - y.figure.start);

  const metrics: MetricRecord[] = [];
  read.forEach(({ figure, attribution: a }) => {
    if (a === undefined) return;
    const amount = a.amount ?? figure.amount;
    const range = figure.range && amount !== figure.amount ? null : figure.range;
    const candidate = {
      id: recordIdOf(articleId, figure.start, figure.end, figure.kind),
      kind: figure.kind,
      text: figure.text,
      span: { start: figure.start, end: figure.end },
      sentence: sentenceAt(sentences, figure.start, body),
      value: {
        amount,
        currency: a.currency ?? figure.currency,
        unit: figure.unit,
        approximate: a.approximate ?? figure.approximate,
        bound: a.bound ?? figure.bound,
        range,
      },
      rate: a.rate === undefined ? figure.rate : a.rate,
      // The guide puts one-off items (gains, charges, credits, write-offs) in `other`.
      metric: figure.hints.includes("one-off") ? "other" : a.metric,
      metricPhrase: a.metricPhrase,
      entity: a.entity,
      period: a.period,
      change: a.change,
      forecast: a.forecast,
      ...(options.explain && a.explain ? { explain: a.explain } : {}),
    };
    const parsed = MetricRecord.safeParse(candidate);
    if (parsed.success && body.slice(figure.start, figure.end) === figure.text) {
      metrics.push(parsed.data);
    } else {
      warnings.push({
        code: "NF_EXTRACT_INVALID_RECORD",
        message: parsed.success
          ? "span does not match its text"
          : parsed.error.issues.map((x) => x.message).join("; "),
        span: { start: figure.start, end: figure.end },
      });
    }
  });

  // Each record was validated above; check the envelope only, not every record twice.
  const envelope = ArticleEnvelope.parse({
    source: article.source,
    articleId,
    url: article.url,
    title: article.title,
    publishedAt: article.publishedAt,
    publisher: article.publisher,
    authors: article.authors,
    entities: entities.entities,
    ...(options.withBody ? { body } : {}),
  });
  // Key order as the spec prints it: metrics before the optional body. Each field named,
  // not spread: object rest and spread take V8's slow generic copy, once per article.
  const result: ArticleResult = {
    source: envelope.source,
    articleId: envelope.articleId,
    url: envelope.url,
    title: envelope.title,
    publishedAt: envelope.publishedAt,
    publisher: envelope.publisher,
    authors: envelope.authors,
    entities: envelope.entities,
    metrics,
  };
  if (envelope.body !== undefined) result.body = envelope.body;
  return { result, warnings };
}

/** The figures that lie outside every span in `owned` (both sorted by start). */
function outside(figures: Figure[], owned: Array<{ start: number; end: number }>): Figure[] {
  if (owned.length === 0) return figures;
  let k = 0;
  return figures.filter((f) => {
    while (k < owned.length && (owned[k] as { end: number }).end <= f.start) k++;
    const o = owned[k];
    return o === undefined || f.end <= o.start;
  });
}

function sentenceAt(sentences: Sentence[], offset: number, body: string): string {
  // Binary search: sentences are in text order and do not overlap.
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s.text;
  }
  // A figure outside any sentence (should not happen): give its line.
  const ls = body.lastIndexOf("\n", offset) + 1;
  const le = body.indexOf("\n", offset);
  return body.slice(ls, le === -1 ? body.length : le).trim();
}
