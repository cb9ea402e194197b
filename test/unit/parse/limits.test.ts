/**
 * Hostile shapes end in a typed error, never a crash or an untyped stack overflow: deep
 * nesting and unclosed tags in the parser, giant lines and bodies in the extractor. Real
 * pages are far inside the limits (the evaluation pages parse as before: dev-html.test).
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extract/index.js";
import { MAX_BODY_CHARS, MAX_LINE_CHARS } from "../../../src/extract/limits.js";
import { MAX_DEPTH } from "../../../src/parse/dom.js";
import { parseArticle } from "../../../src/parse/index.js";
import { analysePage } from "../../../src/pipeline/analyse-page.js";
import { giantParagraph, nestedDivs, unclosedSpans } from "../../helpers/hostile-pages.js";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return String((err as { code?: unknown }).code ?? (err as Error).name);
  }
  return "no error";
}

describe("parse and extract limits", () => {
  it("refuses 100,000 nested <div> and 100,000 unclosed <span> with NF_PARSE_TOO_DEEP", () => {
    expect(codeOf(() => parseArticle(nestedDivs(100_000)))).toBe("NF_PARSE_TOO_DEEP");
    expect(codeOf(() => parseArticle(unclosedSpans(100_000)))).toBe("NF_PARSE_TOO_DEEP");
  });

  it("gives a code, not a stack overflow, from 4,000 levels on", () => {
    expect(codeOf(() => parseArticle(nestedDivs(4_500)))).toBe("NF_PARSE_TOO_DEEP");
    expect(codeOf(() => parseArticle(nestedDivs(MAX_DEPTH + 10)))).toBe("NF_PARSE_TOO_DEEP");
  });

  it("still reads a page nested just under the limit", () => {
    const page = parseArticle(nestedDivs(MAX_DEPTH - 10));
    expect(page.body).toMatch(/^Brennock Cement said revenue rose 4%/);
  });

  it("parses a 4.9 MB paragraph and refuses to extract it with NF_EXTRACT_LINE_TOO_LONG", async () => {
    const html = giantParagraph(4_900_000);
    const page = parseArticle(html);
    expect(page.body.length).toBeGreaterThan(MAX_LINE_CHARS);
    expect(codeOf(() => extractArticle({ source: "t", body: page.body }))).toBe(
      "NF_EXTRACT_LINE_TOO_LONG",
    );
    await expect(
      analysePage({
        document: {
          source: "t",
          bytes: Buffer.from(html),
          contentType: "text/html",
          url: "https://example.test/giant",
        },
        minBodyChars: 200,
      }),
    ).rejects.toMatchObject({ code: "NF_EXTRACT_LINE_TOO_LONG" });
  });

  it("extracts long text in lines under the cap, and refuses a body over its cap", () => {
    const line = "Brennock Cement said revenue rose 4% to $1.2 billion. ".repeat(800);
    expect(line.length).toBeLessThan(MAX_LINE_CHARS);
    const out = extractArticle({ source: "t", body: `${line}\n\n${line}` });
    expect(out.result.metrics.length).toBe(3200);
    const huge = `${"x".repeat(1000)}\n`.repeat(Math.ceil(MAX_BODY_CHARS / 1001) + 1);
    expect(codeOf(() => extractArticle({ source: "t", body: huge }))).toBe(
      "NF_EXTRACT_BODY_TOO_LARGE",
    );
  });
});
