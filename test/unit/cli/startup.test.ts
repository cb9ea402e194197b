/**
 * Registration stays cheap: what `newsfigures --version` or a usage error loads is the
 * static import graph of src/cli/main.ts, and it must reach no package but commander and no
 * stage of the pipeline. Commands load the rest with `await import()` in their actions.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../../src");
// `import … from`, `export … from` and bare `import "…"`, but not `import type` / `export type`.
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?"([^"]+)"/gm;

function staticGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(STATIC_IMPORT)) {
      if (spec === undefined) continue;
      if (!spec.startsWith(".")) {
        packages.add(spec);
        continue;
      }
      const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
      if (!existsSync(target)) throw new Error(`${file}: cannot resolve ${spec}`);
      visit(target);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(SRC, f)).sort(), packages: [...packages].sort() };
}

describe("CLI start-up", () => {
  const graph = staticGraph(resolve(SRC, "cli/main.ts"));

  it("loads no package but commander before a command runs", () => {
    expect(graph.packages.filter((p) => !p.startsWith("node:"))).toEqual(["commander"]);
  });

  it("loads no pipeline stage, store, queue or schema before a command runs", () => {
    const heavy = graph.files.filter((f) =>
      /^(extract|parse|store|pipeline|sources|fetch|model|config)\/|^log\.ts$|^queue\/(?!queue-names\.ts)/.test(
        f,
      ),
    );
    expect(heavy).toEqual([]);
    // The walk itself sees every command file, so a new command is checked too.
    expect(graph.files).toContain("cli/commands/extract.ts");
  });
});
