/**
 * The two backends the conformance suite runs on: SQLite in a temp folder and PostgreSQL
 * in a schema of its own per test run (dropped afterwards), from inject("databaseUrl").
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { dropPostgresSchema, openStore, type Store } from "../../../src/store/index.js";

export interface Backend {
  name: "sqlite" | "postgres";
  /** A fresh, migrated, empty store; `label` keeps stores of one file apart. */
  open(label: string): Promise<Store>;
  /** The `--store` value for the same store, for CLI runs. */
  spec(label: string): string;
  cleanup(): Promise<void>;
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), "nf-store-"));
  return {
    name: "sqlite",
    spec: (label) => `sqlite:${join(dir, `${label}.db`)}`,
    open: (label) => openStore(`sqlite:${join(dir, `${label}.db`)}`),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function postgresBackend(fileTag: string): Backend {
  const url = inject("databaseUrl");
  const schemas = new Set<string>();
  const schemaOf = (label: string) =>
    `nf_${inject("runId")}_${fileTag}_${label}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const spec = (label: string) => {
    const u = new URL(url);
    u.searchParams.set("schema", schemaOf(label));
    return u.toString();
  };
  return {
    name: "postgres",
    spec,
    open: async (label) => {
      schemas.add(schemaOf(label));
      return openStore(spec(label));
    },
    cleanup: async () => {
      for (const s of schemas) await dropPostgresSchema(url, s);
    },
  };
}

export function backends(fileTag: string): Backend[] {
  return [sqliteBackend(), postgresBackend(fileTag)];
}
