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
  // Both groupings read an index ((metric, published_at) and (entity_lc, metric)) instead of
  // the records' rows; every record has a metric, so their sum is the record count.
  const byMetric = await c.all<{ metric: string; n: number }>(
    "SELECT metric, COUNT(*) AS n FROM records GROUP BY metric ORDER BY n DESC, metric",
  );
  // Entities are counted by folded name, as the entity page matches them; each is shown
  // under one of its stored spellings.
  const top = await c.all<{ lc: string; n: number }>(
    "SELECT entity_lc AS lc, COUNT(*) AS n FROM records WHERE entity_lc IS NOT NULL GROUP BY entity_lc ORDER BY n DESC, entity_lc LIMIT 10",
  );
  const topEntities: StoreStats["topEntities"] = [];
  for (const t of top) {
    const named = await c.all<{ name: string }>(
      "SELECT entity_name AS name FROM records WHERE entity_lc = ? LIMIT 1",
      [t.lc],
    );
    topEntities.push({ name: named[0]?.name ?? t.lc, count: Number(t.n) });
  }
  const metrics = byMetric.map((r) => ({ metric: r.metric, count: Number(r.n) }));
  return {
    articles: await count("articles"),
    records: metrics.reduce((n, m) => n + m.count, 0),
    entities: await count("entities"),
    runs: await count("extraction_runs"),
    byMetric: metrics,
    topEntities,
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
