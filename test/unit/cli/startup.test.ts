/**
 * Registration stays cheap: what `newsfigures --version` or a usage error loads is the
 * static import graph of src/cli/main.ts and of the command files it registers, and it must
 * reach no package but commander and no stage of the pipeline. A command line that names a
 * command loads that command's file only. Commands load the rest with `await import()` in
 * their actions.
 * `extract` of a text file loads the extractor and the file reader only: the HTML reader
 * when an input is HTML, and compromise never (the clause tagger's words are generated data).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../../src");
// `import … from`, `export … from` and bare `import "…"`, but not `import type` / `export type`.
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?"([^"]+)"/gm;

// `await import("…")` with a literal path: what a command loads when it runs.
const DYNAMIC_IMPORT = /\bimport\(\s*"([^"]+)"\s*\)/g;

/** The files a module loads with a literal `import("…")`, resolved to their sources. */
function dynamicImports(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(DYNAMIC_IMPORT)].map(([, spec]) =>
    resolve(dirname(file), (spec as string).replace(/\.js$/, ".ts")),
  );
}

function staticGraph(...entries: string[]): { files: string[]; packages: string[] } {
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
  for (const entry of entries) visit(entry);
  return { files: [...files].map((f) => relative(SRC, f)).sort(), packages: [...packages].sort() };
}

describe("CLI start-up", () => {
  const main = resolve(SRC, "cli/main.ts");
  // Its registrations; its other imports (config, logger) load when a command asks for them.
  const commandFiles = dynamicImports(main).filter((f) => f.includes("/cli/commands/"));
  const graph = staticGraph(main, ...commandFiles);

  it("loads no command file before it knows which command runs", () => {
    const own = staticGraph(main).files.filter((f) => f.startsWith("cli/commands/"));
    expect(own).toEqual([]);
    // Every command file is registered through one of main.ts's imports.
    const registered = commandFiles.map((f) => relative(SRC, f));
    expect(registered).toContain("cli/commands/extract.ts");
    expect(registered).toContain("cli/commands/serve.ts");
  });

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

  describe("extract of a text file", () => {
    const graph = staticGraph(...dynamicImports(resolve(SRC, "cli/commands/extract.ts")));

    it("loads the extractor and the file reader when it runs", () => {
      expect(graph.files).toContain("extract/index.ts");
      expect(graph.files).toContain("sources/local-files.ts");
    });

    it("loads no package but zod: no HTML parser, charset tables, compromise, logger, store or queue", () => {
      expect(graph.packages.filter((p) => !p.startsWith("node:"))).toEqual(["zod"]);
      const heavy = graph.files.filter((f) =>
        /^(store|fetch|queue|serve|config)\/|^log\.ts$|^parse\/(?!text-article|charset)|^pipeline\/(?!read-files)/.test(
          f,
        ),
      );
      expect(heavy).toEqual([]);
    });

    it("requires nothing at run time but iconv-lite for a page in a legacy charset (compromise's lexicon is generated data)", () => {
      const requiring = graph.files.filter((f) =>
        /\bcreateRequire\b|\brequire\(/.test(readFileSync(resolve(SRC, f), "utf8")),
      );
      expect(requiring).toEqual(["parse/charset.ts"]);
      const required = [
        ...readFileSync(resolve(SRC, "parse/charset.ts"), "utf8").matchAll(
          /createRequire\([^)]*\)\(\s*"([^"]+)"\s*\)/g,
        ),
      ].map((m) => m[1]);
      expect(required).toEqual(["iconv-lite"]);
    });
  });
});
