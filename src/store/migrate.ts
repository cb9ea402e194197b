/**
 * Apply the driver's numbered migrations not yet recorded in `schema_migrations`, in one
 * transaction, after the driver's own preparation (on PostgreSQL a lock, so many workers
 * starting at once migrate once).
 */
import type { SqlDriver } from "./driver.js";

export async function migrate(db: SqlDriver): Promise<void> {
  await db.transaction(async (c) => {
    await db.prepareMigration(c);
    await c.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    const done = new Set(
      (await c.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) =>
        Number(r.version),
      ),
    );
    for (const m of db.migrations) {
      if (done.has(m.version)) continue;
      await c.exec(m.sql);
      await c.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    }
  });
}
