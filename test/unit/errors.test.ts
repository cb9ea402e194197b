/** The error catalogue: complete, documented, and the one place retry defaults come from. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ERROR_CODES, errorCode, isErrorCode, NewsfiguresError } from "../../src/errors.js";
import { renderErrorsDoc } from "../../src/errors-doc.js";

const ROOT = resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sourceFiles(join(dir, d.name))
      : d.name.endsWith(".ts")
        ? [join(dir, d.name)]
        : [],
  );
}

describe("error catalogue", () => {
  it("lists every NF_ code written anywhere in src/", () => {
    const used = new Set<string>();
    for (const f of sourceFiles(join(ROOT, "src")))
      for (const m of readFileSync(f, "utf8").matchAll(/\bNF_[A-Z0-9_]*[A-Z0-9]\b/g))
        used.add(m[0]);
    const missing = [...used].filter((c) => !isErrorCode(c));
    expect(missing, "add these to ERROR_CODES in src/errors.ts").toEqual([]);
    expect(used.size).toBeGreaterThan(30);
  });

  it("says for every code what it means and what to do", () => {
    for (const [code, e] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^NF_[A-Z]+(_[A-Z0-9]+)*$/);
      expect(e.means.length, code).toBeGreaterThan(10);
      expect(e.todo.length, code).toBeGreaterThan(5);
    }
  });

  it("docs/errors.md is what `npm run docs:errors` makes from it", async () => {
    // Stale? Run `npm run docs:errors` and commit docs/errors.md.
    await expect(renderErrorsDoc()).toMatchFileSnapshot(join(ROOT, "docs/errors.md"));
    for (const code of Object.keys(ERROR_CODES)) expect(renderErrorsDoc()).toContain(`\`${code}\``);
  });

  it("takes retryable from the catalogue unless the throw site says otherwise", () => {
    expect(new NewsfiguresError("NF_FETCH_TIMEOUT", "slow").retryable).toBe(true);
    expect(new NewsfiguresError("NF_INPUT_NOT_FOUND", "gone").retryable).toBe(false);
    expect(new NewsfiguresError("NF_FETCH_HTTP_STATUS", "500", { retryable: true }).retryable).toBe(
      true,
    );
    expect(new NewsfiguresError("NF_FETCH_TIMEOUT", "x", { retryable: false }).retryable).toBe(
      false,
    );
  });
});

describe("errorCode", () => {
  it("reads the code of an error, of its causes, and of a failure kept as text", () => {
    const nf = new NewsfiguresError("NF_STORE_TIMEOUT", "slow");
    expect(errorCode(nf)).toBe("NF_STORE_TIMEOUT");
    expect(errorCode(new Error("outer", { cause: nf }))).toBe("NF_STORE_TIMEOUT");
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(errorCode(new Error("wrapped", { cause: refused }))).toBe("ECONNREFUSED");
    expect(errorCode("NF_FETCH_HTTP_STATUS: https://example.com/ answered HTTP 404")).toBe(
      "NF_FETCH_HTTP_STATUS",
    );
    expect(errorCode("40001: could not serialize access")).toBe("40001");
    expect(errorCode("no code here")).toBe("NF_UNKNOWN");
    expect(errorCode(undefined)).toBe("NF_UNKNOWN");
    expect(errorCode(new Error("plain"))).toBe("NF_UNKNOWN");
  });

  it("calls job data that fails its schema NF_QUEUE_BAD_JOB_DATA", () => {
    const bad = z.object({ url: z.string() }).safeParse({ url: 1 });
    expect(bad.success).toBe(false);
    expect(errorCode(bad.error)).toBe("NF_QUEUE_BAD_JOB_DATA");
  });
});
