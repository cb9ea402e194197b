/**
 * Counts for `stats`, the overview page and entity suggestions. The entity counts read an
 * index range on the folded name, never the whole table.
 */
import type { SqlConn } from "./driver.js";
import { nextPrefix } from "./query-sql.js";
import { foldName } from "./rows.js";
import type { EntityCount, StoreStats } from "./types.js";

export async function stats(c: SqlConn): Promise<StoreStats> {
  const count = async (table: string) =>
    Number((await c.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n ?? 0);
  const byMetric = await c.all<{ metric: string; n: number }>(
    "SELECT metric, COUNT(*) AS n FROM records GROUP BY metric ORDER BY n DESC, metric",
  );
  const top = await c.all<{ name: string; n: number }>(
    "SELECT entity_name AS name, COUNT(*) AS n FROM records WHERE entity_name IS NOT NULL GROUP BY entity_name ORDER BY n DESC, entity_name LIMIT 10",
  );
  return {
    articles: await count("articles"),
    records: await count("records"),
    entities: await count("entities"),
    runs: await count("extraction_runs"),
    byMetric: byMetric.map((r) => ({ metric: r.metric, count: Number(r.n) })),
    topEntities: top.map((r) => ({ name: r.name, count: Number(r.n) })),
  };
}

/** Entities whose folded name starts with the folded `prefix`, most figures first. */
export async function entityCounts(
  c: SqlConn,
  prefix: string,
  limit: number,
): Promise<EntityCount[]> {
  const folded = foldName(prefix.trim());
  if (folded === "") return [];
  const rows = await c.all<{ name: string; metric: string; n: number }>(
    "SELECT entity_name AS name, metric, COUNT(*) AS n FROM records WHERE entity_lc >= ? AND entity_lc < ? GROUP BY entity_name, metric",
    [folded, nextPrefix(folded)],
  );
  const byName = new Map<string, EntityCount>();
  for (const r of rows) {
    const e = byName.get(r.name) ?? { name: r.name, count: 0, byMetric: [] };
    e.count += Number(r.n);
    e.byMetric.push({ metric: r.metric, count: Number(r.n) });
    byName.set(r.name, e);
  }
  const list = [...byName.values()].sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name),
  );
  for (const e of list)
    e.byMetric.sort((a, b) => b.count - a.count || a.metric.localeCompare(b.metric));
  return list.slice(0, Math.max(1, limit));
}
