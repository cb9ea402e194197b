/**
 * A `files:` source reads only inside its folder, and its folder only inside the files
 * root: a symlink pointing out of the folder, `../..` and absolute paths elsewhere are
 * refused with a code, while the files inside are stored.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { parsePipeline } from "../../../src/pipeline/load.js";
import { createLocalPacer } from "../../../src/pipeline/local-pacer.js";
import { createPageFetcher } from "../../../src/pipeline/page-fetcher.js";
import { runPipelineInline } from "../../../src/pipeline/run-inline.js";
import { openStore } from "../../../src/store/index.js";

// Longer than extract.minBodyChars (200), which files are held to as pages are.
const ARTICLE = `Harbor Freight Lines posts results
Harbor Freight Lines said revenue rose 4% to $812 million in the second quarter.
The carrier added that it moved more containers through its western terminals than a year earlier.
`;

describe("files: sources stay inside their folder", () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "nf-confine-")));
  const outside = realpathSync(mkdtempSync(join(tmpdir(), "nf-outside-")));
  mkdirSync(join(root, "pipes", "articles"), { recursive: true });
  writeFileSync(join(root, "pipes", "articles", "a.txt"), ARTICLE);
  writeFileSync(join(outside, "secret.txt"), `Top secret\n${ARTICLE}`);
  symlinkSync(join(outside, "secret.txt"), join(root, "pipes", "articles", "leak.txt"));
  symlinkSync(outside, join(root, "pipes", "articles", "elsewhere"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  async function run(files: string) {
    const pipeline = parsePipeline(
      `name: confined\nsources:\n  - files: ${files}\n`,
      join(root, "pipes", "confined.yaml"),
    );
    const store = await openStore("sqlite::memory:");
    const fetcher = createPageFetcher();
    try {
      const tally = await runPipelineInline(pipeline, {
        store,
        fetcher,
        pacer: createLocalPacer(),
        logger: pino({ level: "silent" }),
        filesRoot: root,
      });
      return { tally, stats: await store.stats() };
    } finally {
      await fetcher.close();
      await store.close();
    }
  }

  it("stores the files inside and refuses the symlinks that point out", async () => {
    const { tally, stats } = await run("./articles");
    expect(stats.articles).toBe(1);
    expect(tally.failed.map((f) => [f.source, f.code]).sort()).toEqual([
      [join(root, "pipes", "articles", "elsewhere"), "NF_INPUT_OUTSIDE_FOLDER"],
      [join(root, "pipes", "articles", "leak.txt"), "NF_INPUT_OUTSIDE_FOLDER"],
    ]);
  });

  it("refuses ../.. and absolute paths outside the files root", async () => {
    for (const files of ["../../../../../../etc", outside, "/etc/hostname"]) {
      const { tally, stats } = await run(files);
      expect(stats.articles).toBe(0);
      expect(tally.failed.map((f) => f.code)).toEqual(["NF_INPUT_OUTSIDE_ROOT"]);
      expect(tally.failed[0]?.message).toMatch(/NEWSFIGURES_FILES_ROOT/);
    }
  });
});
