/** The page shell every page shares, and the parts several pages draw (record details, tables). */
import { formatAmount } from "../cli/format-table.js";
import type { MetricRecord } from "../model/index.js";
import type { RecordSort, StoredRecord } from "../store/types.js";
import { Html, html } from "./html.js";

export function page(
  title: string,
  body: Html,
  options: { chart?: boolean; nav?: "overview" | "search" } = {},
): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · newsfigures</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="stylesheet" href="/static/metrics.css">
${options.chart ? html`<link rel="stylesheet" href="/static/uplot.css"><script src="/static/uplot.js" defer></script>` : ""}
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/">newsfigures</a>
  <nav>
    <a href="/"${options.nav === "overview" ? html` aria-current="page"` : ""}>Overview</a>
    <a href="/search"${options.nav === "search" ? html` aria-current="page"` : ""}>Search</a>
  </nav>
  <form class="quick" action="/search" method="get" role="search">
    <input name="entity" placeholder="Company or person" aria-label="Entity">
    <button>Find</button>
  </form>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}

export function errorPage(status: number, code: string, message: string): Html {
  return page(
    `Error ${status}`,
    html`<h1>${status === 404 ? "Not found" : "Cannot show this"}</h1>
<p class="error"><code>${code}</code> ${message}</p>
<p><a href="/">Back to the overview</a></p>`,
  );
}

export function metricBadge(metric: string): Html {
  return html`<span class="badge m-${metric}">${metric.replace(/_/g, " ")}</span>`;
}

export function entityLink(name: string | null | undefined): Html {
  if (!name) return html`<span class="none">—</span>`;
  return html`<a href="/entity/${encodeURIComponent(name)}">${name}</a>`;
}

export function articleHref(articleId: string, recordId?: string): string {
  return `/article/${articleId}${recordId === undefined ? "" : `#fig-${encodeURIComponent(recordId)}`}`;
}

export function dateOnly(iso: string | null): string {
  return iso === null ? "" : iso.slice(0, 10);
}

function flags(r: MetricRecord): string[] {
  const out: string[] = [];
  if (r.forecast) out.push("forecast");
  if (r.value.approximate) out.push("approximate");
  if (r.value.bound !== "exact") out.push(r.value.bound === "lower" ? "at least" : "at most");
  if (r.rate) out.push(r.rate.replace(/_/g, " "));
  return out;
}

/** Every field of a record a reader needs to judge it, as a definition list. */
export function recordDetails(r: MetricRecord): Html {
  const trace = (r as { trace?: unknown }).trace;
  return html`<dl class="record-fields">
<dt>Value</dt><dd>${formatAmount(r.value)}</dd>
<dt>Text</dt><dd>“${r.text}”</dd>
<dt>Metric</dt><dd>${metricBadge(r.metric)}${r.metricPhrase ? html` <span class="muted">from “${r.metricPhrase}”</span>` : ""}</dd>
<dt>Entity</dt><dd>${entityLink(r.entity?.name)}${r.entity ? html` <span class="muted">${r.entity.type}</span>` : ""}</dd>
<dt>Period</dt><dd>${r.period ? html`${r.period.text}${r.period.fiscal ? " (fiscal)" : ""}${r.period.year !== null ? html` <span class="muted">${r.period.quarter !== null ? `Q${r.period.quarter} ` : ""}${r.period.year}</span>` : ""}` : html`<span class="none">—</span>`}</dd>
<dt>Change</dt><dd>${r.change ? r.change.direction : html`<span class="none">—</span>`}</dd>
<dt>Forecast</dt><dd>${r.forecast ? "yes" : "no"}</dd>
${flags(r).length > 0 ? html`<dt>Notes</dt><dd>${flags(r).join(", ")}</dd>` : ""}
${trace !== undefined ? html`<dt>Rule trace</dt><dd><pre class="trace">${JSON.stringify(trace, null, 2)}</pre></dd>` : ""}
<dt>Record id</dt><dd><code>${r.id}</code></dd>
</dl>`;
}

/**
 * How a table's Published and Value headers sort: over the whole result on the server
 * (links to the same search in another order), or (absent) the rows shown, in the browser.
 */
export interface ServerSort {
  current: RecordSort;
  href: (sort: RecordSort) => string;
}

function sortHeader(label: string, sort: ServerSort, first: RecordSort, then: RecordSort): Html {
  const on = sort.current === first || sort.current === then;
  const target = sort.current === first ? then : first;
  const ariaSort =
    sort.current === "newest" || sort.current === "largest" ? "descending" : "ascending";
  return html`<th${on ? html` aria-sort="${ariaSort}"` : ""}><a href="${sort.href(target)}" title="sort all matches: ${target}">${label}</a></th>`;
}

/** A table of stored records (search results, the rows under a chart). */
export function recordTable(
  rows: readonly StoredRecord[],
  options: { entity?: boolean; sort?: ServerSort } = {},
): Html {
  const showEntity = options.entity ?? true;
  const sort = options.sort;
  return html`<table class="records${sort ? "" : " sortable"}">
<thead><tr>
${sort ? sortHeader("Published", sort, "newest", "oldest") : html`<th data-sort="text">Published</th>`}${sort ? sortHeader("Value", sort, "largest", "smallest") : html`<th data-sort="num">Value</th>`}<th${sort ? "" : html` data-sort="text"`}>Metric</th>${showEntity ? html`<th${sort ? "" : html` data-sort="text"`}>Entity</th>` : ""}<th${sort ? "" : html` data-sort="text"`}>Period</th><th>Sentence</th><th${sort ? "" : html` data-sort="text"`}>Article</th>
</tr></thead>
<tbody>
${rows.map(
  (s) => html`<tr>
<td>${s.publishedAt ? dateOnly(s.publishedAt) : html`<span class="none" title="no publication date">—</span>`}</td>
<td class="num" data-value="${s.record.value.amount}">${formatAmount(s.record.value)}${s.record.forecast ? html` <span class="tag">forecast</span>` : ""}</td>
<td>${metricBadge(s.record.metric)}</td>
${showEntity ? html`<td>${entityLink(s.record.entity?.name)}</td>` : ""}
<td>${s.record.period?.text ?? ""}</td>
<td class="sentence"><a href="${articleHref(s.articleId, s.record.id)}">${s.record.sentence}</a></td>
<td class="title"><a href="${articleHref(s.articleId)}" title="${s.title ?? s.source}">${s.title ?? s.source}</a></td>
</tr>`,
)}
</tbody>
</table>`;
}

export { Html };
