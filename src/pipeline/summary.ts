/**
 * What a run did, tallied as it goes, and the summary a person reads at the end.
 */
import { describeError } from "../errors.js";
import type { ArticleOutcome, ArticleStatus } from "./run-article.js";

export interface RunFailure {
  what: string;
  code: string;
  message: string;
}

export class RunTally {
  readonly pipeline: string;
  readonly statuses: Record<ArticleStatus, number> = { stored: 0, unchanged: 0, "not-modified": 0, skipped: 0 };
  readonly metrics = new Map<string, number>();
  readonly entities = new Map<string, number>();
  readonly failures: RunFailure[] = [];
  figures = 0;
  added = 0;

  constructor(pipeline: string) {
    this.pipeline = pipeline;
  }

  add(o: ArticleOutcome): void {
    this.statuses[o.status]++;
    this.added += o.added;
    if (!o.result) return;
    for (const m of o.result.metrics) {
      this.figures++;
      this.metrics.set(m.metric, (this.metrics.get(m.metric) ?? 0) + 1);
      if (m.entity) this.entities.set(m.entity.name, (this.entities.get(m.entity.name) ?? 0) + 1);
    }
  }

  fail(what: string, err: unknown): void {
    const code = typeof (err as { code?: unknown })?.code === "string" ? (err as { code: string }).code : "NF_UNKNOWN";
    this.failures.push({ what, code, message: describeError(err) });
  }

  get articles(): number {
    return this.statuses.stored + this.statuses.unchanged;
  }
}

function top(map: Map<string, number>, n: number): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
}

/** The end-of-run summary: articles, figures by metric, top entities, where the data is. */
export function formatSummary(t: RunTally, store: string): string {
  const s = t.statuses;
  const lines = [
    `Pipeline ${t.pipeline}: ${t.articles} article(s) extracted (${s.stored} new or changed, ${s.unchanged} already stored), ` +
      `${s["not-modified"]} not modified, ${s.skipped} skipped, ${t.failures.length} failed.`,
    `Figures: ${t.figures} (${t.added} new records stored).`,
  ];
  if (t.metrics.size > 0) {
    lines.push("", "Figures by metric:");
    for (const [metric, n] of top(t.metrics, 12)) lines.push(`  ${String(n).padStart(5)}  ${metric}`);
  }
  if (t.entities.size > 0) {
    lines.push("", "Top entities:");
    for (const [name, n] of top(t.entities, 8)) lines.push(`  ${String(n).padStart(5)}  ${name}`);
  }
  if (t.failures.length > 0) {
    lines.push("", "Failures:");
    for (const f of t.failures.slice(0, 10)) lines.push(`  ${f.what}: ${f.message}`);
    if (t.failures.length > 10) lines.push(`  … and ${t.failures.length - 10} more`);
  }
  lines.push("", `Stored in ${store}`);
  if (store.startsWith("sqlite:")) {
    const file = store.slice("sqlite:".length);
    lines.push(
      `Query it:  npx newsfigures query --store ${store} --metric revenue`,
      `      or:  sqlite3 ${file} "select metric, count(*) from metrics group by metric"`,
    );
  } else {
    lines.push("Query it:  npx newsfigures query --metric revenue");
  }
  return `${lines.join("\n")}\n`;
}
