/**
 * The store commands as a user runs them (in-process, a SQLite file in a temp folder):
 * ingest twice, query, export, reprocess, migrate, and the errors people hit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "nf-cli-"));
const store = `sqlite:${join(dir, "s.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("store commands", () => {
  let first: Record<string, unknown>;
  beforeAll(async () => {
    writeFileSync(join(dir, "notes.md"), "not an article");
    const run = await runCli([
      "ingest",
      "--store",
      store,
      "--format",
      "json",
      "fixtures",
      join(dir, "notes.md"),
    ]);
    // The goldens beside the fixtures and notes.md are skipped with a note, not failed.
    expect(run.stderr).toMatch(/skipped \d+ file\(s\) that are not/);
    expect(run.code).toBe(0);
    first = JSON.parse(run.stdout) as Record<string, unknown>;
  });

  it("ingests the fixtures, and a second ingest changes nothing", async () => {
    expect(first.articles).toBeGreaterThan(5);
    expect(first.changed).toBe(first.articles);
    const again = await runCli(["ingest", "--store", store, "--format", "json", "fixtures"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      changed: 0,
      unchanged: first.articles,
      added: 0,
      totals: { records: first.records },
    });
  });

  it("notes files it skips and prints a summary a person reads", async () => {
    const folder = join(dir, "in");
    mkdirSync(folder);
    writeFileSync(join(folder, "one.txt"), "Quill Labs said revenue rose 12% to $40 million.\n");
    writeFileSync(join(folder, "notes.md"), "not an article");
    writeFileSync(
      join(folder, "wire.jsonl"),
      `${JSON.stringify({ id: "wire-1", text: "Tern Mills said sales fell 4% to $88 million." })}\n${JSON.stringify({ id: "wire-2", text: "Heron Air carried 2.1 million passengers." })}\n`,
    );
    const run = await runCli(["ingest", "--store", store, folder]);
    expect(run.stderr).not.toContain("failed");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("skipped 1 file(s) that are not .txt, .html or .jsonl");
    expect(run.stdout).toMatch(/^Ingested 3 article\(s\) from 2 file\(s\)/);
    expect(run.stdout).toContain(`into ${store}`);
    expect(run.stdout).toContain("Try: newsfigures query");
  });

  it("finds Dell's $51.3 billion backlog with its sentence and source", async () => {
    const run = await runCli([
      "query",
      "--store",
      store,
      "--entity",
      "dell",
      "--metric",
      "backlog",
      "--format",
      "table",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/value\s+metric\s+entity\s+period\s+sentence\s+source/);
    expect(run.stdout).toMatch(/USD 51,300,000,000\s+backlog\s+Dell/);
    expect(run.stdout).toContain("fixtures/dell-ai-backlog.txt");
    const json = JSON.parse(
      (
        await runCli([
          "query",
          "--store",
          store,
          "--entity",
          "DELL",
          "--metric",
          "backlog",
          "--format",
          "json",
        ])
      ).stdout,
    ) as Array<{ record: { value: { amount: number } }; source: string }>;
    expect(
      json.some(
        (r) =>
          r.record.value.amount === 51_300_000_000 && r.source === "fixtures/dell-ai-backlog.txt",
      ),
    ).toBe(true);
  });

  it("exports every record as JSON lines and as CSV", async () => {
    const jsonl = await runCli(["export", "--store", store]);
    expect(jsonl.stderr).toBe("");
    const lines = jsonl.stdout.trim().split("\n");
    // What the store holds now, as the store itself counts it.
    const totals = JSON.parse(
      (await runCli(["ingest", "--store", store, "--format", "json", "fixtures"])).stdout,
    ) as { totals: { records: number } };
    const total = totals.totals.records;
    expect(lines).toHaveLength(total);
    expect(JSON.parse(lines[0] ?? "")).toHaveProperty("record.id");
    const csv = await runCli(["export", "--store", store, "--format", "csv"]);
    expect(csv.stdout.startsWith("record_id,article_id,source,")).toBe(true);
    const jq = await runCli(["query", "--store", store, "--format", "jsonl", "--limit", "100000"]);
    expect(jq.stdout.trim().split("\n")).toHaveLength(total);
  });

  it("exports with the query's filters and with --stored-since for increments", async () => {
    const lines = async (...args: string[]) =>
      (await runCli(["export", "--store", store, ...args])).stdout
        .trim()
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as { record: { metric: string; entity: { name: string } } });
    const revenue = await lines("--metric", "revenue", "--entity", "dell");
    expect(revenue.length).toBeGreaterThan(0);
    for (const r of revenue) {
      expect(r.record.metric).toBe("revenue");
      expect(r.record.entity.name).toMatch(/^Dell/);
    }
    expect(await lines("--stored-since", "2999-01-01")).toEqual([]);
    expect((await lines("--stored-since", "2000-01-01T00:00:00+02:00")).length).toBe(
      (await lines()).length,
    );
    const bad = await runCli(["export", "--store", store, "--stored-since", "yesterday"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--stored-since "yesterday" is not a date; write YYYY-MM-DD/);
  });

  it("reprocesses without changes when the rules did not change", async () => {
    // dist/ is rebuilt by the developers while they work: bring the store to the extractor
    // of this moment first, so the run below compares like with like.
    await runCli(["reprocess", "--store", store, "--source", "fixtures/"]);
    const run = await runCli([
      "reprocess",
      "--store",
      store,
      "--source",
      "fixtures/",
      "--format",
      "json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(
      out.filter((o) => o.type === "article" && (o.diff as { added: unknown[] }).added.length > 0),
    ).toEqual([]);
    expect(out.at(-1)).toMatchObject({
      type: "summary",
      articles: first.articles,
      changed: 0,
      added: 0,
      removed: 0,
      updated: 0,
    });
    const text = await runCli(["reprocess", "--store", store, "--dry-run"]);
    expect(text.stdout).toMatch(
      /re-extracted with extractor .*: 0 would change.*\(dry run: nothing written\)/,
    );
  });

  it("refuses a reprocess --since that is not an ISO date instead of matching nothing", async () => {
    const bad = await runCli(["reprocess", "--store", store, "--since", "March 3"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(
      'NF_CLI_BAD_FLAG: --since "March 3" is not a date; write YYYY-MM-DD',
    );
    expect(bad.stdout).toBe("");
  });

  it("migrates an up-to-date store without complaint", async () => {
    const run = await runCli(["migrate", "--store", store]);
    expect(run).toMatchObject({ code: 0, stdout: `store ${store} is up to date\n` });
  });

  it("says what is wrong with a bad flag or store, without the password", async () => {
    const bad = await runCli(["query", "--store", store, "--metric", "profit"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('NF_CLI_BAD_FLAG: --metric "profit" is not one of');
    const pg = await runCli(["query", "--store", "postgres://reader:hunter2@127.0.0.1:1/none"]);
    expect(pg.code).not.toBe(0);
    expect(pg.stderr).toContain("NF_STORE_QUERY_FAILED");
    expect(pg.stderr).not.toContain("hunter2");
  });
});
