import { describe, expect, it } from "vitest";
import { formatDiff } from "../../../src/cli/diff-format.js";
import { CSV_HEADER, csvCell, csvRow } from "../../../src/cli/record-format.js";
import { formatIngestSummary } from "../../../src/cli/summary.js";
import { emptySummary } from "../../../src/pipeline/summary.js";
import { diffRecords } from "../../../src/store/diff.js";
import { orchardRecords } from "../../integration/store/articles.js";

describe("CSV", () => {
  it.each([
    [null, ""],
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    [51300000000, "51300000000"],
    [false, "false"],
  ])("%j -> %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("gives every record as many cells as the header has columns", () => {
    const [r] = orchardRecords();
    if (!r) throw new Error("fixture");
    const row = csvRow({
      articleId: "sha256:x",
      source: "a.txt",
      url: null,
      title: null,
      publishedAt: null,
      record: r,
    });
    // The sentence holds a comma; cells are split the RFC 4180 way.
    const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.filter((c) => c !== "") ?? [];
    expect(cells).toHaveLength(CSV_HEADER.length);
    expect(row.startsWith(`${r.id},sha256:x,a.txt,,,money,$2.4 billion,2400000000,USD,`)).toBe(
      true,
    );
  });
});

describe("reprocess diff text", () => {
  it("shows added, removed and changed records with the changed fields", () => {
    const [a, b, c] = orchardRecords();
    if (!a || !b || !c) throw new Error("fixture");
    const diff = diffRecords([a, b], [{ ...a, metric: "orders" }, c]);
    const text = formatDiff({
      articleId: "sha256:x",
      source: "news/o.txt",
      title: "Orchard",
      fromVersion: "1",
      toVersion: "2",
      diff,
      applied: true,
      error: null,
    });
    expect(text).toContain("news/o.txt — Orchard  [1 -> 2] +1 -1 ~1 =0");
    expect(text).toContain('+ "$900 million"');
    expect(text).toContain('- "31%"');
    expect(text).toContain("metric: backlog -> orders");
  });
});

describe("ingest summary", () => {
  it("fits a screen and says what came in, where it went and what to try", () => {
    const s = {
      ...emptySummary(),
      files: 3,
      articles: 3,
      changed: 2,
      unchanged: 1,
      records: 9,
      added: 6,
      byMetric: { backlog: 4, other: 3, revenue: 2 },
      byEntity: { "Orchard Robotics": 5 },
      skipped: ["x.gold.json"],
    };
    const text = formatIngestSummary(
      s,
      {
        articles: 3,
        records: 9,
        entities: 1,
        runs: 2,
        byMetric: [],
        topEntities: [{ name: "Orchard Robotics", count: 5 }],
      },
      "sqlite:/tmp/x.db",
    );
    expect(text.split("\n").length).toBeLessThan(24);
    expect(text).toContain("into sqlite:/tmp/x.db");
    expect(text).toContain("new or re-extracted: 2   unchanged: 1   failed: 0   skipped files: 1");
    expect(text).toMatch(/backlog\s+4\s+Orchard Robotics\s+5/);
    expect(text).toContain(
      'Try: newsfigures query --entity "Orchard Robotics" --metric backlog --format table',
    );
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      "Look: npx newsfigures serve --store sqlite:/tmp/x.db → http://127.0.0.1:8080",
    );
  });
});
