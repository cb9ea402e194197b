/** The one-screen summary after `ingest`: what came in, what it says, where it is, what to try. */
import { resolve } from "node:path";
import type { RunSummary } from "../pipeline/summary.js";
import { DEFAULT_SQLITE_PATH } from "../store/sqlite.js";
import type { StoreStats } from "../store/types.js";

const TOP = 8;

export function formatIngestSummary(s: RunSummary, stats: StoreStats, location: string): string {
  const lines: string[] = [];
  const secs = (s.durationMs / 1000).toFixed(1);
  lines.push(
    `Ingested ${s.articles} article(s) from ${s.files} file(s) in ${secs} s into ${location}`,
  );
  lines.push(
    `  new or re-extracted: ${s.changed}   unchanged: ${s.unchanged}   failed: ${s.failed.length}   skipped${s.files > 0 && s.skipped.some((x) => x.includes("://")) ? "" : " files"}: ${s.skipped.length}`,
  );
  lines.push(
    `  figures: ${s.records} (records added ${s.added}, removed ${s.removed}, changed ${s.updated})${s.warnings ? `   dropped as invalid: ${s.warnings}` : ""}`,
  );
  const metrics = top(s.byMetric);
  const entities = top(s.byEntity);
  if (metrics.length > 0) {
    lines.push("");
    const left = [
      "Figures by metric",
      ...metrics.map(([k, n]) => `  ${k.padEnd(16)} ${String(n).padStart(6)}`),
    ];
    const right = [
      "Top entities",
      ...entities.map(([k, n]) => `  ${cut(k, 28).padEnd(28)} ${String(n).padStart(5)}`),
    ];
    const width = Math.max(...left.map((l) => l.length)) + 4;
    for (let i = 0; i < Math.max(left.length, right.length); i++)
      lines.push(`${(left[i] ?? "").padEnd(width)}${right[i] ?? ""}`.trimEnd());
  }
  if (s.failed.length > 0) {
    lines.push("", "Failed:");
    for (const f of s.failed.slice(0, 5)) {
      // Messages may start with their code already (`CODE: …`); print it once, whole.
      const message = f.message.startsWith(`${f.code}: `)
        ? f.message.slice(f.code.length + 2)
        : f.message;
      lines.push(`  ${f.source}: ${f.code}: ${message}`);
    }
    if (s.failed.length > 5)
      lines.push(`  … and ${s.failed.length - 5} more (see the lines above)`);
  }
  lines.push(
    "",
    `The store now holds ${stats.articles} article(s) and ${stats.records} figure(s).`,
  );
  const example = stats.topEntities[0]?.name ?? entities[0]?.[0];
  const metric = metrics.find(([k]) => k !== "other")?.[0];
  lines.push(
    `Try: newsfigures query${example ? ` --entity "${example}"` : ""}${metric ? ` --metric ${metric}` : ""} --format table`,
    ...(location.startsWith("sqlite:")
      ? [`SQL:  sqlite3 ${location.slice(7)} "select name from sqlite_master where type = 'table'"`]
      : []),
    `Look: npx newsfigures serve${location === `sqlite:${resolve(DEFAULT_SQLITE_PATH)}` ? "" : ` --store ${location}`} → http://127.0.0.1:8080`,
  );
  return `${lines.join("\n")}\n`;
}

function top(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, TOP);
}

function cut(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
