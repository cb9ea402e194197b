/**
 * Golden tests: every article in fixtures/ is run through the real loader and extractor
 * and its result must equal fixtures/NAME.golden.json byte for byte. Any change in what the
 * extractor finds shows up here as a failing diff; `npm run goldens` rewrites the goldens
 * and prints a per-fixture summary a reviewer can read before committing them.
 */
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.js";
import { ArticleResult } from "../../src/model/index.js";
import { loadArticles } from "../../src/pipeline/read-files.js";
import { GOLDEN_SUFFIX, isArticleFile } from "../../src/sources/local-files.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "fixtures");

const files = readdirSync(FIXTURES)
  .filter((name) => isArticleFile(name) && !name.endsWith(".jsonl"))
  .sort();
const goldens = readdirSync(FIXTURES).filter((name) => name.endsWith(GOLDEN_SUFFIX));

/** fixtures/NAME.txt -> fixtures/NAME.golden.json (the extension goes, so NAME must be unique). */
function goldenNameOf(file: string): string {
  return `${file.replace(/\.[^.]+$/, "")}${GOLDEN_SUFFIX}`;
}

/**
 * The `extract` result of one fixture, serialised as the golden holds it. The source is
 * the path relative to the project root so goldens do not depend on where the clone is;
 * HTML fixtures keep their body so the page parser's output is reviewed too.
 */
async function goldenTextOf(file: string): Promise<string> {
  const path = join(FIXTURES, file);
  const loaded = [];
  for await (const l of loadArticles([path])) loaded.push(l);
  expect(loaded).toHaveLength(1);
  const first = loaded[0];
  if (first === undefined || !first.ok)
    throw new Error(
      `${file}: could not be loaded: ${first?.ok === false ? first.failure.error.message : "nothing read"}`,
    );
  const input = { ...first.article.input, source: `fixtures/${file}` };
  const { result } = extractArticle(input, { withBody: first.article.contentType === "text/html" });
  return `${JSON.stringify(result, null, 2)}\n`;
}

describe("golden fixtures", () => {
  it("has at least twelve articles and a distinct golden name for each", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(new Set(files.map(goldenNameOf)).size).toBe(files.length);
  });

  it("has no golden left over from a fixture that was removed or renamed", () => {
    const expected = new Set(files.map(goldenNameOf));
    expect(goldens.filter((g) => !expected.has(g))).toEqual([]);
  });

  it.each(files)("%s matches its golden", async (file) => {
    const text = await goldenTextOf(file);
    const result = ArticleResult.parse(JSON.parse(text));
    // Offsets must index the body exactly, whatever the golden says.
    if (result.body !== undefined) {
      for (const m of result.metrics)
        expect(result.body.slice(m.span.start, m.span.end)).toBe(m.text);
    }
    await expect(text).toMatchFileSnapshot(join(FIXTURES, goldenNameOf(file)));
  });

  it.each(files.filter((f) => f.endsWith(".txt")))(
    "%s: every span indexes the file's text",
    async (file) => {
      const body = (await readFile(join(FIXTURES, file), "utf8")).replace(/^\uFEFF/, "");
      const result = ArticleResult.parse(JSON.parse(await goldenTextOf(file)));
      for (const m of result.metrics) expect(body.slice(m.span.start, m.span.end)).toBe(m.text);
    },
  );
});
