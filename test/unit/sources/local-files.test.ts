/**
 * Folder expansion: article files are taken, other files are reported as skipped, and the
 * goldens kept beside fixture articles are passed over without a word.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { expandPaths } from "../../../src/sources/local-files.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("expandPaths", () => {
  it("takes articles, reports other files, and passes over goldens and hidden files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nf-expand-"));
    dirs.push(dir);
    mkdirSync(join(dir, "more"));
    for (const name of [
      "b.txt",
      "b.golden.json",
      "a.html",
      "notes.md",
      ".hidden.txt",
      "more/c.jsonl",
      "more/data.json",
    ])
      writeFileSync(join(dir, name), "x");
    const skipped: string[] = [];
    const files = await expandPaths([dir], (p) => skipped.push(p));
    expect(files).toEqual([join(dir, "a.html"), join(dir, "b.txt"), join(dir, "more", "c.jsonl")]);
    expect(skipped.sort()).toEqual([join(dir, "more", "data.json"), join(dir, "notes.md")]);
  });
});
