/**
 * The import rules of docs/architecture.md (the store a leaf, parse/ and extract/ free of I/O,
 * sources/ reading only parse's date reader, no import cycle between files), checked by the
 * shared layer checker over src/. Skips with a message where the shared folder is absent.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_DIR, sharedPath } from "../helpers/shared.js";

const CHECKER = sharedPath("tools", "layers.mjs");
const ROOT = resolve(import.meta.dirname, "../..");

describe.skipIf(!existsSync(CHECKER))("layers", () => {
  it("no broken import rule and no import cycle", () => {
    const out = execFileSync(process.execPath, [CHECKER], { cwd: ROOT, encoding: "utf8" });
    expect(
      out
        .trim()
        .split("\n")
        .filter((l) => !l.startsWith("layers:")),
    ).toEqual([]);
    expect(out).toMatch(/layers: \d+ files, 0 broken rule\(s\), 0 cycle\(s\)/);
  });
});

if (!existsSync(CHECKER)) console.warn(`layers test skipped: no checker at ${SHARED_DIR}/tools`);
