/** The one builder of what is saved: the same row whichever way an article came. */
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extract/index.js";
import { articleFromPage } from "../../../src/parse/page-article.js";
import { saveItemOf } from "../../../src/pipeline/save-item.js";

const HTML = `<html><head><title>Orlan Mills lifts sales</title>
<link rel="canonical" href="https://news.example.test/orlan-mills-sales"></head>
<body><article><p>Orlan Mills said revenue rose 8% to $1.2 billion in the quarter.</p></article></body></html>`;

describe("saveItemOf", () => {
  const at = new Date("2026-12-01T10:00:00.000Z");

  it("keeps the URL a file's page names, and no fetch state", () => {
    const article = articleFromPage(Buffer.from(HTML), {
      contentType: "text/html",
      url: null,
      source: "a.html",
    });
    const item = saveItemOf(article, extractArticle(article.input).result, null, at);
    expect(item.article).toMatchObject({
      source: "a.html",
      url: "https://news.example.test/orlan-mills-sales",
      canonicalUrl: "https://news.example.test/orlan-mills-sales",
      contentType: "text/html",
      etag: null,
      fetchedAt: "2026-12-01T10:00:00.000Z",
    });
    expect(item.fetchState).toBeUndefined();
  });

  it("keeps the URL asked for and its validators when the page was fetched", () => {
    const article = articleFromPage(Buffer.from(HTML), {
      contentType: "text/html; charset=utf-8",
      url: "https://news.example.test/orlan?utm=feed",
      source: "feed",
    });
    const fetched = {
      url: "https://news.example.test/orlan?utm=feed",
      etag: '"v1"',
      lastModified: null,
    };
    const item = saveItemOf(article, extractArticle(article.input).result, fetched, at);
    expect(item.article.url).toBe(fetched.url);
    expect(item.article.canonicalUrl).toBe("https://news.example.test/orlan-mills-sales");
    expect(item.fetchState).toEqual({
      url: fetched.url,
      etag: '"v1"',
      lastModified: null,
      articleId: item.result.articleId,
      fetchedAt: "2026-12-01T10:00:00.000Z",
    });
  });
});
