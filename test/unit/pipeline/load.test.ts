import { describe, expect, it } from "vitest";
import { isNewsfiguresError } from "../../../src/errors.js";
import { loadPipelineDir, parsePipeline } from "../../../src/pipeline/load.js";
import { ROOT } from "../../helpers/cli.js";

function problems(yaml: string): string {
  try {
    parsePipeline(yaml, "pipelines/bad.yaml");
  } catch (err) {
    if (isNewsfiguresError(err)) {
      expect(err.code).toBe("NF_PIPELINE_INVALID");
      return err.message;
    }
    throw err;
  }
  throw new Error("expected the pipeline to be rejected");
}

describe("pipeline files", () => {
  it("accepts the issue's example as written, with defaults filled in", () => {
    const p = parsePipeline(
      `name: local-feed
schedule: { every: 15m }
sources:
  - feed: http://127.0.0.1:8080/feed.xml
fetch:
  allowPrivateNetwork: true
  perHostIntervalMs: 100
store: sqlite:./data/local.db
`,
      "pipelines/local-feed.yaml",
    );
    expect(p.spec).toMatchObject({
      name: "local-feed",
      schedule: { every: "15m" },
      sources: [{ feed: "http://127.0.0.1:8080/feed.xml" }],
      fetch: {
        allowPrivateNetwork: true,
        perHostIntervalMs: 100,
        respectRobots: true,
        timeoutMs: 15_000,
      },
      extract: { minBodyChars: 200 },
      store: "sqlite:./data/local.db",
    });
    expect(p.dir.endsWith("pipelines")).toBe(true);
  });

  it.each([
    [
      "a misspelt key",
      "name: x\nsources: [{ feed: 'https://a.example/f' }]\nfetc: {}\n",
      /bad\.yaml:3: \(top level\): unknown key\(s\) "fetc"; allowed top-level keys/,
    ],
    [
      "a bad source",
      "name: x\nsources:\n  - rss: https://a.example/f\n",
      /bad\.yaml:3: sources\.0: .*each source is one of `- feed: URL`/,
    ],
    [
      "a relative feed URL",
      "name: x\nsources:\n  - feed: /feed.xml\n",
      /bad\.yaml:3: sources\.0.*feed: URL/,
    ],
    [
      "a too-fast schedule",
      "name: x\nschedule: { every: 10s }\nsources: [{ urls: ['https://a.example/1'] }]\n",
      /bad\.yaml:2: schedule.*schedule: \{ every: 15m \}/,
    ],
    [
      "a missing name",
      "sources: [{ urls: ['https://a.example/1'] }]\n",
      /name: is required; use a short id/,
    ],
    [
      "a negative interval",
      "name: x\nsources: [{ urls: ['https://a.example/1'] }]\nfetch:\n  perHostIntervalMs: -5\n",
      /bad\.yaml:4: fetch\.perHostIntervalMs: .*allowed keys: allowPrivateNetwork/,
    ],
    ["broken YAML", "name: x\nsources: [\n", /bad\.yaml:\d+: not valid YAML/],
  ])("rejects %s naming the file, the line, the field and the fix", (_what, yaml, expected) => {
    expect(problems(yaml)).toMatch(expected);
  });

  it("rejects a YAML alias bomb with its code and the file name", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const yaml = `name: x\nsources: [{ urls: ['https://a.example/1'] }]\ndescription: d\n${levels.join("\n")}\n`;
    expect(problems(yaml)).toMatch(/^pipelines\/bad\.yaml: .*alias/);
  });

  it("loads the shipped pipelines", async () => {
    const all = await loadPipelineDir(`${ROOT}/pipelines`);
    expect(all.map((p) => p.spec.name).sort()).toEqual(["fixtures", "public-business-news"]);
    expect(all.find((p) => p.spec.name === "fixtures")?.spec.schedule).toBeUndefined();
  });
});
