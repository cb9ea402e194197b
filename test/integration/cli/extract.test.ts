import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ArticleResult } from "../../../src/model/index.js";
import { ROOT, runBin, runCli } from "../../helpers/cli.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nf-extract-"));
  await writeFile(
    join(dir, "a.txt"),
    "\uFEFFAcme sales jump\nAcme Corp said revenue rose 12% to $4.2 billion.\n",
  );
  await writeFile(
    join(dir, "b.jsonl"),
    `${JSON.stringify({ id: "one", text: "Profit was $3 million." })}\nnot json\n${JSON.stringify({ id: "two", text: "No figures here." })}\n`,
  );
});

describe("newsfigures extract", () => {
  it("prints one valid article result per input, with offsets into the body", async () => {
    const run = await runCli(["extract", "--with-body", join(dir, "a.txt")]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const result = ArticleResult.parse(JSON.parse(lines[0] as string));
    expect(result.title).toBe("Acme sales jump");
    expect(result.body?.startsWith("Acme sales jump")).toBe(true); // BOM removed
    expect(result.metrics.length).toBeGreaterThan(0);
    for (const m of result.metrics)
      expect(result.body?.slice(m.span.start, m.span.end)).toBe(m.text);
  });

  it("reports a bad input on stderr with its place, keeps the others, and exits 1", async () => {
    const run = await runCli(["extract", join(dir, "b.jsonl"), join(dir, "missing.txt")]);
    expect(run.code).toBe(1);
    const sources = run.stdout
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { source: string }).source);
    expect(sources).toEqual(["one", "two"]);
    expect(run.stderr).toContain("b.jsonl:2");
    expect(run.stderr).toContain("NF_INPUT_BAD_JSONL");
    expect(run.stderr).toContain("NF_INPUT_NOT_FOUND");
  });

  it("reads standard input with -", async () => {
    // Standard input is the process's own: this one runs the built binary.
    const run = await runBin(["extract", "-"], { input: "Shares fell 3% on Monday." });
    expect(run.code).toBe(0);
    const result = ArticleResult.parse(JSON.parse(run.stdout));
    expect(result.source).toBe("-");
    expect(result.metrics.map((m) => m.text)).toContain("3%");
  });

  it("prints a table for people", async () => {
    const run = await runCli(["extract", "--format", "table", join(dir, "a.txt")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/text\s+value\s+metric/);
    expect(run.stdout).toContain("USD 4,200,000,000");
  });

  it("prints the version of package.json", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(await runCli(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(await runBin(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("writes commander's own usage errors and help to the run's streams", async () => {
    const bad = await runCli(["extract", "--nope", join(dir, "a.txt")]);
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr).toContain("unknown option '--nope'");
    const help = await runCli(["extract", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--with-body");
  });

  it("rejects an unknown format as a usage error", async () => {
    const run = await runCli(["extract", "--format", "xml", join(dir, "a.txt")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--format must be jsonl or table");
  });
});
