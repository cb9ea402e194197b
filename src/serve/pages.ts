/**
 * The four pages, rendered on the server from the same reads as the API: overview,
 * search, entity (a chart per metric) and article (the body with every figure marked).
 * The one script (web/app.js) draws the charts and opens records; without it every page
 * still shows its tables and links.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { QueueStatus } from "../cli/commands/status.js";
import { formatAmount } from "../cli/format-table.js";
import { isNewsfiguresError, NewsfiguresError } from "../errors.js";
import { FigureKind, Metric, type MetricRecord } from "../model/index.js";
import type { EntityCount, StoredRecord } from "../store/types.js";
import type { RoutedDeps } from "./deps.js";
import { type Html, html, queryString } from "./html.js";
import {
  articleHref,
  dateOnly,
  entityLink,
  metricBadge,
  page,
  recordDetails,
  recordTable,
} from "./layout.js";
import {
  type Filtered,
  filterEntries,
  PageParams,
  parseFilter,
  SORT_LABEL,
  SORTS,
} from "./params.js";
import { readArticle, readEntity, readFigures } from "./reads.js";
import type { Timeline } from "./timeline.js";

/** Rows under each chart; the rest are one click away in search. */
const TABLE_ROWS = 100;

function send(reply: FastifyReply, body: Html, status = 200) {
  return reply.code(status).type("text/html; charset=utf-8").send(body.value);
}

export function registerPages(app: FastifyInstance, deps: RoutedDeps): void {
  const { store } = deps;

  app.get("/", async (_req, reply) => {
    // Redis being down costs the overview its queue table, not the page.
    const [{ stats, countedAt }, runs, queues] = await Promise.all([
      deps.stats(),
      store.listRuns(undefined, 10),
      deps.queueStatus
        ? deps
            .queueStatus()
            .catch((err: unknown) => (isNewsfiguresError(err) ? err : Promise.reject(err)))
        : Promise.resolve(null),
    ]);
    const most = Math.max(1, ...stats.byMetric.map((m) => m.count));
    const topMost = Math.max(1, ...stats.topEntities.map((e) => e.count));
    return send(
      reply,
      page(
        "Overview",
        html`<h1>Overview</h1>
<p class="muted">Store <code>${store.location}</code> · counted <time datetime="${countedAt}">${countedAt.slice(0, 19).replace("T", " ")} UTC</time> (counts are read at most once a minute, so the newest figures can be missing from them for that long)</p>
<ul class="counts">
<li><strong>${stats.articles.toLocaleString("en-US")}</strong> articles</li>
<li><strong>${stats.records.toLocaleString("en-US")}</strong> figures</li>
<li><strong>${stats.entities.toLocaleString("en-US")}</strong> entity mentions</li>
<li><strong>${stats.runs.toLocaleString("en-US")}</strong> extraction runs</li>
</ul>
<div class="columns">
<section>
<h2>Figures by metric</h2>
<table class="bars"><tbody>
${stats.byMetric.map(
  (m) =>
    html`<tr><td><a href="/search${queryString({ metric: m.metric })}">${metricBadge(m.metric)}</a></td><td class="num">${m.count.toLocaleString("en-US")}</td><td><progress class="m-${m.metric}" max="${most}" value="${m.count}"></progress></td></tr>`,
)}
</tbody></table>
</section>
<section>
<h2>Top entities</h2>
<table class="bars"><tbody>
${stats.topEntities.map(
  (e) =>
    html`<tr><td>${entityLink(e.name)}</td><td class="num">${e.count.toLocaleString("en-US")}</td><td><progress max="${topMost}" value="${e.count}"></progress></td></tr>`,
)}
</tbody></table>
</section>
</div>
<section>
<h2>Recent runs</h2>
${
  runs.length === 0
    ? html`<p class="muted">No extraction run recorded yet.</p>`
    : html`<table class="records"><thead><tr><th>When</th><th>Article</th><th>Action</th><th>Extractor</th><th class="num">Figures</th><th class="num">Added</th><th class="num">Removed</th><th class="num">Changed</th></tr></thead><tbody>
${runs.map(
  (r) =>
    html`<tr><td>${r.ranAt.replace("T", " ").slice(0, 19)}</td><td><a href="${articleHref(r.articleId)}"><code>${r.articleId.slice(7, 19)}</code></a></td><td>${r.action}</td><td>${r.extractorVersion}</td><td class="num">${r.records}</td><td class="num">${r.added}</td><td class="num">${r.removed}</td><td class="num">${r.updated}</td></tr>`,
)}
</tbody></table>`
}
</section>
${queues instanceof NewsfiguresError ? html`<section><h2>Queues</h2><p class="error"><code>${queues.code}</code> ${queues.message}</p></section>` : queues ? queueSection(queues) : html`<p class="muted">Queues: not shown (start serve with <code>REDIS_URL</code> set to see them).</p>`}`,
        { nav: "overview" },
      ),
    );
  });

  app.get("/search", async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, string>;
    let filtered: Filtered<PageParams>;
    try {
      filtered = parseFilter(PageParams, raw);
    } catch (err) {
      if (!isNewsfiguresError(err)) throw err;
      return send(reply, searchPage(raw, null, err.message), 400);
    }
    const params = filtered.params;
    const searched = Object.keys(filterEntries(params)).length > 0;
    try {
      // The page and the matching entities are independent reads: one wait for both.
      const result = searched
        ? await Promise.all([
            readFigures(store, filtered),
            params.entity ? store.entityCounts(params.entity, 8) : [],
          ]).then(([figures, entities]) => ({ params, ...figures, entities }))
        : null;
      return send(reply, searchPage(raw, result));
    } catch (err) {
      // A bad filter value is the form's to show; a store failure is the server's.
      if (!isNewsfiguresError(err) || !err.code.startsWith("NF_SERVE_")) throw err;
      return send(reply, searchPage(raw, null, err.message), 400);
    }
  });

  app.get<{ Params: { name: string } }>("/entity/:name", async (req, reply) => {
    const view = await readEntity(store, req.params.name);
    return send(
      reply,
      page(
        view.name,
        html`<h1>${view.name}</h1>
<p class="muted">${view.metrics.reduce((n, m) => n + m.count, 0).toLocaleString("en-US")} figures in ${view.metrics.length} metrics${view.truncated ? html` (the newest ${view.read.toLocaleString("en-US")} read; older ones are in <a href="/search${queryString({ entity: view.name })}">search</a>)` : ""}. Points sit at the figure's period where it has a date, else at the article's publication date, else (marked ◇) at the date the article was stored.</p>
<nav class="toc">${view.timelines.map((t) => html`<a href="#${anchorOf(t)}">${metricBadge(t.metric)}${t.unit ? html` <span class="muted">${t.unit}</span>` : ""} <span class="muted">${t.points.length}</span></a> `)}</nav>
${view.timelines.map((t) => timelineSection(view.name, t))}`,
        { chart: true },
      ),
    );
  });

  app.get<{ Params: { id: string } }>("/article/:id", async (req, reply) => {
    const { article, records } = await readArticle(store, req.params.id);
    const marked = markBody(article.body, records);
    return send(
      reply,
      page(
        article.title ?? article.source,
        html`<h1>${article.title ?? article.source}</h1>
<p class="muted">${article.publisher ?? ""} ${dateOnly(article.publishedAt) || "no publication date"} · ${article.url ? html`<a href="${safeUrl(article.url)}" rel="noreferrer noopener">${article.url}</a>` : article.source} · extractor ${article.extractorVersion}</p>
<p class="legend">${records.length - marked.skipped} of ${records.length} figures marked${marked.skipped > 0 ? html`; ${marked.skipped} overlap another or miss their text and are listed below only` : ""}. Click or hover a figure for its record.</p>
<p class="metric-legend">${[...new Set(records.map((r) => r.metric))].map((m) => metricBadge(m))}</p>
<div class="article-layout">
<article class="body" id="body">${marked.html}</article>
<aside class="card" id="record-card" aria-live="polite"><p class="muted">Click a marked figure to see its record.</p></aside>
</div>
<div id="records" hidden>
${records.map((r, i) => html`<div class="record" id="rec-${i}" data-fig="fig-${r.id}"><h3>${metricBadge(r.metric)} ${formatAmount(r.value)}</h3>${recordDetails(r)}</div>`)}
</div>
<h2>Records</h2>
<table class="records sortable"><thead><tr><th data-sort="num">Offset</th><th data-sort="num">Value</th><th data-sort="text">Metric</th><th data-sort="text">Entity</th><th data-sort="text">Period</th><th>Text</th></tr></thead><tbody>
${records.map(
  (r) =>
    html`<tr><td class="num" data-value="${r.span.start}">${r.span.start}</td><td class="num" data-value="${r.value.amount}">${formatAmount(r.value)}${r.forecast ? html` <span class="tag">forecast</span>` : ""}</td><td>${metricBadge(r.metric)}</td><td>${entityLink(r.entity?.name)}</td><td>${r.period?.text ?? ""}</td><td><a href="#fig-${encodeURIComponent(r.id)}">${r.text}</a></td></tr>`,
)}
</tbody></table>`,
      ),
    );
  });
}

function queueSection(q: QueueStatus): Html {
  const states = ["waiting", "active", "delayed", "failed", "completed", "workers"];
  return html`<section>
<h2>Queues</h2>
<table class="records"><thead><tr><th>Queue</th>${states.map((s) => html`<th class="num">${s}</th>`)}</tr></thead><tbody>
${Object.entries(q.counts).map(([name, c]) => html`<tr><td>${name}</td>${states.map((s) => html`<td class="num">${c[s] ?? 0}</td>`)}</tr>`)}
</tbody></table>
<h3>Recent failures</h3>
${
  q.failed.length === 0
    ? html`<p class="muted">None.</p>`
    : html`<table class="records"><thead><tr><th>Queue</th><th>Job</th><th>Code</th><th>Reason</th><th>When</th></tr></thead><tbody>
${q.failed.map((f) => html`<tr><td>${f.queue}</td><td><code>${f.id}</code></td><td><code>${f.code}</code></td><td>${f.reason}</td><td>${f.at ?? ""}</td></tr>`)}
</tbody></table>`
}
</section>`;
}

/** Only http(s) links leave the page: a stored `javascript:` URL is shown, never linked. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "#";
}

function anchorOf(t: Timeline): string {
  return `m-${t.metric}-${t.unit.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/** One letter per point in the chart data (web/app.js reads them). */
const BASIS_CODE = { period: "p", published: "u", stored: "s" } as const;

/** What the chart script needs, as columns (10,000 points stay a few hundred KB). */
function chartData(t: Timeline): string {
  const articles: string[] = [];
  const index = new Map<string, number>();
  const col = {
    metric: t.metric,
    unit: t.unit,
    kind: t.points[0]?.stored.record.kind ?? "money",
    articles,
    x: [] as number[],
    y: [] as number[],
    lo: [] as (number | null)[],
    hi: [] as (number | null)[],
    forecast: [] as number[],
    basis: [] as string[],
    article: [] as number[],
    id: [] as string[],
    label: [] as string[],
  };
  for (const p of t.points) {
    const r = p.stored.record;
    let a = index.get(p.stored.articleId);
    if (a === undefined) {
      a = articles.push(p.stored.articleId) - 1;
      index.set(p.stored.articleId, a);
    }
    col.x.push(p.x);
    col.y.push(r.value.amount);
    col.lo.push(r.value.range?.min ?? null);
    col.hi.push(r.value.range?.max ?? null);
    col.forecast.push(r.forecast ? 1 : 0);
    col.basis.push(BASIS_CODE[p.basis]);
    col.article.push(a);
    col.id.push(r.id);
    col.label.push(`${formatAmount(r.value)}${r.period ? ` · ${r.period.text}` : ""}`);
  }
  return JSON.stringify(col);
}

function timelineSection(entity: string, t: Timeline): Html {
  const rows: StoredRecord[] = t.points
    .slice(-TABLE_ROWS)
    .reverse()
    .map((p) => p.stored);
  return html`<section class="timeline m-${t.metric}" id="${anchorOf(t)}">
<h2>${metricBadge(t.metric)} ${t.unit ? html`<span class="muted">${t.unit}</span>` : ""}</h2>
<div class="chart" data-series="${chartData(t)}" role="img" aria-label="${t.metric} of ${entity} over time, ${t.points.length} figures"></div>
<p class="legend"><span class="key dot"></span> reported${t.points.some((p) => p.stored.record.forecast) ? html` <span class="key ring"></span> forecast` : ""}${t.points.some((p) => p.stored.record.value.range) ? html` <span class="key band"></span> range` : ""}${t.points.some((p) => p.basis === "stored") ? html` <span class="key diamond"></span> dated by when it was stored` : ""} · click a point to open its sentence</p>
${recordTable(rows, { entity: false })}
${t.points.length > TABLE_ROWS ? html`<p class="muted">The ${TABLE_ROWS} newest of ${t.points.length}; <a href="/search${queryString({ entity, metric: t.metric })}">all of them in search</a>.</p>` : ""}
</section>`;
}

/**
 * The body as escaped text with each figure in a <mark> at its span. A span that does not
 * hold its text (a record stored against another revision of the body) or that overlaps
 * the figure before it is not marked, and counted, never guessed at.
 */
export function markBody(
  body: string,
  records: readonly MetricRecord[],
): { html: Html; skipped: number } {
  const order = records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.span.start - b.r.span.start || a.r.span.end - b.r.span.end);
  const parts: Html[] = [];
  let at = 0;
  let skipped = 0;
  for (const { r, i } of order) {
    const { start, end } = r.span;
    if (start < at || end > body.length || body.slice(start, end) !== r.text) {
      skipped++;
      continue;
    }
    parts.push(
      html`${body.slice(at, start)}<mark class="fig m-${r.metric}${r.forecast ? " forecast" : ""}" id="fig-${r.id}" data-rec="rec-${i}" tabindex="0" title="${r.metric.replace(/_/g, " ")}: ${formatAmount(r.value)}">${r.text}</mark>`,
    );
    at = end;
  }
  parts.push(html`${body.slice(at)}`);
  return { html: html`${parts}`, skipped };
}

/** The default order stays out of links, so they read as the filters alone. */
function sortParam(sort: PageParams["sort"]): string | undefined {
  return sort === "newest" ? undefined : sort;
}

function searchPage(
  raw: Record<string, string>,
  result: {
    params: PageParams;
    items: StoredRecord[];
    next: string | null;
    entities: EntityCount[];
  } | null,
  error?: string,
): Html {
  const v = (k: string) => (typeof raw[k] === "string" ? raw[k] : "");
  const filters = result ? filterEntries(result.params) : {};
  // What every link of the result keeps: the filters, the page size and the order.
  const kept = result
    ? { ...filters, limit: result.params.limit, sort: sortParam(result.params.sort) }
    : {};
  const input = (name: string, label: string, type = "text", placeholder = "") =>
    html`<label>${label}<input name="${name}" type="${type}" value="${v(name)}" placeholder="${placeholder}"></label>`;
  const select = (name: string, label: string, options: readonly string[]) =>
    html`<label>${label}<select name="${name}"><option value="">any</option>${options.map((o) => html`<option${v(name) === o ? html` selected` : ""}>${o}</option>`)}</select></label>`;
  return page(
    "Search",
    html`<h1>Search figures</h1>
<form class="filters" action="/search" method="get">
${input("entity", "Entity", "text", "Dell")}
${select("metric", "Metric", Metric.options)}
${select("kind", "Kind", FigureKind.options)}
${input("since", "Published since", "date")}
${input("until", "Published until", "date")}
${input("period", "Period", "text", "Q3 2025, FY2026")}
${input("currency", "Currency", "text", "USD")}
${input("min", "Min amount", "text", "1e9")}
${input("max", "Max amount", "text")}
${input("article", "Article id", "text", "sha256:…")}
${input("stored-since", "Stored since", "date")}
<label>Sort<select name="sort">${SORTS.map((o) => html`<option value="${o}"${v("sort") === o || (v("sort") === "" && o === "newest") ? html` selected` : ""}>${o}</option>`)}</select></label>
<label>Per page<select name="limit">${[25, 50, 100, 250].map((n) => html`<option${v("limit") === String(n) || (v("limit") === "" && n === 50) ? html` selected` : ""}>${n}</option>`)}</select></label>
<div class="actions"><button type="submit">Search</button> <a href="/search">Clear</a></div>
</form>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
${
  result === null
    ? error
      ? ""
      : html`<p class="muted">Choose at least one filter. Entities match as in <code>newsfigures query --entity</code>: names starting with the text, else names containing it.</p>`
    : html`${result.entities.length > 0 ? html`<p class="toc">Entities starting with “${result.params.entity}”: ${result.entities.map((e) => html`${entityLink(e.name)} <span class="muted">${e.count}</span> `)}</p>` : ""}
<div class="result-head">
<p><strong>${result.items.length}</strong> figures${result.params.cursor !== undefined ? " further on" : ""}, sorted over all matches: ${SORT_LABEL[result.params.sort]}. Click Published or Value to sort all matches by it.</p>
<p class="downloads">Download all matches: <a href="/api/figures.csv${queryString(filters)}" download>CSV</a> · <a href="/api/figures.jsonl${queryString(filters)}" download>JSONL</a> · <a href="/api/figures${queryString({ ...kept, cursor: result.params.cursor })}">JSON of this page</a></p>
</div>
${
  result.items.length === 0
    ? html`<p class="muted">No figures match; try fewer filters or a shorter entity name.</p>`
    : recordTable(result.items, {
        sort: {
          current: result.params.sort,
          href: (sort) => `/search${queryString({ ...kept, sort: sortParam(sort) })}`,
        },
      })
}
<nav class="pager">
${result.params.cursor !== undefined ? html`<a href="/search${queryString(kept)}">« First</a>` : ""}
${result.next !== null ? html`<a rel="next" href="/search${queryString({ ...kept, cursor: result.next })}">Next ${result.params.limit} »</a>` : ""}
</nav>`
}`,
    { nav: "search" },
  );
}
