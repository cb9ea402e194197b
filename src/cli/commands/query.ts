/**
 * `newsfigures query [filters] [--format table|csv|jsonl|json]`: find stored figures.
 * --entity matches canonical names case-insensitively: names starting with the text, or
 * (when none does) names containing it, so "Dell" finds "Dell Technologies".
 */
import type { Command } from "commander";
import { NewsfiguresError } from "../../errors.js";
import type { ArticleRevision, RecordQuery } from "../../store/types.js";
import type { CliContext } from "../context.js";
import { intFlag, isoDate, oneOf, storedTimeBound } from "../flags.js";
import { formatTable } from "../format-table.js";
import { CSV_HEADER, csvRow, jsonOf, TABLE_HEADER, tableRow } from "../record-format.js";
import { addStoreOption, withStore } from "../store-option.js";

/** The filter flags `query` and `export` share. */
export interface FilterFlags {
  store?: string;
  entity?: string;
  metric?: string;
  kind?: string;
  since?: string;
  until?: string;
  period?: string;
  currency?: string;
  min?: string;
  max?: string;
  article?: string;
  storedSince?: string;
}

interface QueryFlags extends FilterFlags {
  limit: string;
  format: string;
  history?: string;
}

/** Adds the record filters to a command (`query`, `export`). */
export function addFilterOptions(command: Command): Command {
  return command
    .option("--entity <name>", "entity name, case-insensitive; prefix first, else contains")
    .option("--metric <metric>", "revenue, backlog, eps, … (see the spec's taxonomy)")
    .option("--kind <kind>", "money, percent or count")
    .option("--since <date>", "published on or after (YYYY-MM-DD)")
    .option("--until <date>", "published on or before (YYYY-MM-DD)")
    .option("--period <period>", "2025, FY2026, Q3, Q3 2025, or words of the period")
    .option("--currency <code>", "ISO 4217 code, e.g. USD")
    .option("--min <amount>", "smallest amount")
    .option("--max <amount>", "largest amount")
    .option("--article <id>", "one article's figures (sha256:…)")
    .option(
      "--stored-since <date>",
      "stored or re-extracted on or after (YYYY-MM-DD or an ISO date-time): increments",
    );
}

const FORMATS = ["table", "csv", "jsonl", "json"];

export function registerQuery(program: Command, ctx: CliContext): void {
  addStoreOption(
    addFilterOptions(program.command("query"))
      .description("find stored figures by entity, metric, kind, date, period, currency, amount")
      .option("--limit <n>", "at most this many rows", "50")
      .option("--format <format>", "table (default), csv, jsonl or json", "table")
      .option(
        "--history <url-or-id>",
        "the replaced revisions of one article (by URL or article id), oldest first, with what changed",
      ),
  ).action(async (flags: QueryFlags) => {
    const query = await toQuery(flags);
    if (!FORMATS.includes(flags.format))
      throw new NewsfiguresError(
        "NF_CLI_BAD_FLAG",
        `--format must be one of ${FORMATS.join(", ")}, not "${flags.format}"`,
      );
    const history = flags.history;
    if (history !== undefined)
      return withStore(ctx, flags, async (store) =>
        printHistory(ctx, await store.listRevisions(history), flags.format),
      );
    await withStore(ctx, flags, async (store) => {
      const rows = await store.queryRecords(query);
      if (flags.format === "json")
        await ctx.stdout(`${JSON.stringify(rows.map(jsonOf), null, 2)}\n`);
      else if (flags.format === "jsonl")
        for (const r of rows) await ctx.stdout(`${JSON.stringify(jsonOf(r))}\n`);
      else if (flags.format === "csv") {
        await ctx.stdout(`${CSV_HEADER.join(",")}\n`);
        for (const r of rows) await ctx.stdout(`${csvRow(r)}\n`);
      } else if (rows.length === 0)
        ctx.stderr("no figures match; try fewer filters or a shorter --entity\n");
      else
        await ctx.stdout(
          `${formatTable(TABLE_HEADER, rows.map(tableRow), 60)}\n(${rows.length} figure(s)${rows.length === query.limit ? `; more with --limit` : ""})\n`,
        );
    });
  });
}

/** `query --history`: one block per replaced revision (table), or the revisions as JSON. */
async function printHistory(
  ctx: CliContext,
  revisions: ArticleRevision[],
  format: string,
): Promise<void> {
  if (format === "json") return ctx.stdout(`${JSON.stringify(revisions, null, 2)}\n`);
  if (format === "jsonl" || format === "csv") {
    for (const r of revisions) await ctx.stdout(`${JSON.stringify(r)}\n`);
    return;
  }
  if (revisions.length === 0) {
    ctx.stderr("no replaced revisions: the article was stored once, or is not in the store\n");
    return;
  }
  const lines: string[] = [];
  for (const [i, r] of revisions.entries()) {
    lines.push(
      `revision ${i + 1} of ${r.articleKey}: fetched ${r.fetchedAt}, replaced ${r.replacedAt} by ${r.replacedBy.slice(0, 19)}…`,
      `  ${r.records.length} figure(s); the next revision added ${r.added}, removed ${r.removed}, changed ${r.updated}`,
    );
    for (const c of r.changes.changed)
      for (const f of c.fields)
        lines.push(
          `    ${c.text}: ${f.path} ${JSON.stringify(f.before)} -> ${JSON.stringify(f.after)}`,
        );
    for (const t of r.changes.added) lines.push(`    + ${t}`);
    for (const t of r.changes.removed) lines.push(`    - ${t}`);
  }
  await ctx.stdout(`${lines.join("\n")}\n`);
}

export async function toQuery(f: QueryFlags): Promise<RecordQuery> {
  return { ...(await toFilter(f)), limit: intFlag("--limit", f.limit) };
}

/** The filter flags as a query without a row limit (`export` streams everything they keep). */
export async function toFilter(f: FilterFlags): Promise<RecordQuery> {
  const { FigureKind, Metric } = await import("../../model/index.js");
  const { parsePeriodFilter } = await import("../../store/query-sql.js");
  const q: RecordQuery = {};
  if (f.entity !== undefined) q.entity = f.entity;
  if (f.metric !== undefined) q.metric = oneOf("--metric", f.metric, Metric.options);
  if (f.kind !== undefined) q.kind = oneOf("--kind", f.kind, FigureKind.options);
  if (f.since !== undefined) q.since = isoDate("--since", f.since);
  if (f.until !== undefined) q.until = isoDate("--until", f.until);
  if (f.period !== undefined) q.period = parsePeriodFilter(f.period);
  if (f.currency !== undefined) {
    if (!/^[A-Za-z]{3}$/.test(f.currency))
      throw new NewsfiguresError(
        "NF_CLI_BAD_FLAG",
        `--currency takes an ISO 4217 code like USD or EUR, not "${f.currency}"`,
      );
    q.currency = f.currency;
  }
  if (f.min !== undefined) q.min = amount(f.min, "--min");
  if (f.max !== undefined) q.max = amount(f.max, "--max");
  if (f.article !== undefined) q.articleId = f.article;
  if (f.storedSince !== undefined) q.storedSince = storedTimeBound("--stored-since", f.storedSince);
  return q;
}

function amount(value: string, flag: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (value.trim() === "" || !Number.isFinite(n))
    throw new NewsfiguresError(
      "NF_CLI_BAD_FLAG",
      `${flag} "${value}" is not a number; write e.g. 1000000 or 1e9`,
    );
  return n;
}
