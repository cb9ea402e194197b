import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ParsedArticle } from "../../../src/model/index.js";
import { decodePage, parseArticle } from "../../../src/parse/index.js";
import { articleFromPage } from "../../../src/parse/page-article.js";

const story = [
  "Harbour Freight Lines said on Tuesday its third-quarter revenue climbed 12% to $3.4 billion, helped by stronger container rates on Asian routes and a busier peak season.",
  "Net income rose to $410 million, or $1.22 a share, from $298 million a year earlier, the Oslo-based shipper said in a statement, beating the average analyst forecast.",
  "The company raised its full-year outlook and now expects operating profit of between $1.5 billion and $1.7 billion, up from a previous range of $1.2 billion to $1.4 billion.",
  "Chief Executive Ingrid Sola said demand had held up better than expected, although she warned that new vessel deliveries would weigh on freight rates next year.",
];

function page(jsonLd: string, extra = ""): string {
  return `<!doctype html><html lang="en"><head><title>Harbour Freight lifts outlook | Shipping Times</title>
<script type="application/ld+json">${jsonLd}</script>
<meta property="og:site_name" content="Shipping Times"></head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li><li><a href="/ports">Ports</a></li></ul></nav>
<header class="masthead"><a href="/">Shipping Times</a></header>
<main><article>
<h1>Harbour Freight Lifts Outlook as Revenue Climbs 12%</h1>
<div class="byline">By Tom Reed, 3 March 2026</div>
<div class="story-body">
<p>${story[0]}</p>
<figure><img src="ship.jpg"><figcaption>A container ship at the port of Oslo. Rates rose 40% this year.</figcaption></figure>
<p>${story[1]}</p>
<aside class="pullquote">"Demand held up better than we expected"</aside>
<div class="newsletter-signup"><p>Sign up to our Morning Briefing newsletter and get 20% off your first year.</p></div>
<p>${story[2]}</p>
<div class="ad-slot">Advertisement</div>
<p>${story[3]}</p>
</div>
<section class="related-stories"><h3>Related stories</h3><ul>
<li><a href="/a">Rival carrier cuts 2,000 jobs as rates slump 30%</a></li>
<li><a href="/b">Port volumes hit record 5.1 million boxes</a></li></ul></section>
<div id="comments"><h3>Comments</h3><p>Reader42: I think profit will fall 50% next year, mark my words, it always does.</p></div>
</article></main>${extra}
<footer class="site-footer"><p>© 2026 Shipping Times. All rights reserved.</p></footer></body></html>`;
}

const graph = JSON.stringify({
  "@context": "https://schema.org",
  "@graph": [
    { "@type": "WebSite", name: "Shipping Times" },
    {
      "@type": ["NewsArticle"],
      headline: "Harbour Freight Lifts Outlook as Revenue Climbs 12%",
      datePublished: "2026-03-03T09:30:00+01:00",
      dateModified: "2026-03-03T11:00:00+01:00",
      author: [{ "@type": "Person", name: "Tom Reed" }],
      publisher: { "@type": "Organization", name: "Shipping Times" },
    },
  ],
});

describe("parseArticle", () => {
  it("reads metadata from JSON-LD @graph and produces a valid ParsedArticle", () => {
    const a = parseArticle(page(graph), { url: "https://example.test/a" });
    expect(ParsedArticle.parse(a)).toEqual(a);
    expect(a.title).toBe("Harbour Freight Lifts Outlook as Revenue Climbs 12%");
    expect(a.publishedAt).toBe("2026-03-03T09:30:00+01:00");
    expect(a.modifiedAt).toBe("2026-03-03T11:00:00+01:00");
    expect(a.authors).toEqual(["Tom Reed"]);
    expect(a.publisher).toBe("Shipping Times");
    expect(a.language).toBe("en");
  });

  it("keeps the story and drops nav, captions, pull quotes, newsletter, ads, related and comments", () => {
    const a = parseArticle(page(graph));
    expect(a.body).toBe(story.join("\n\n"));
    // Asked for, the headline leads the body as in a .txt article.
    expect(parseArticle(page(graph), { headline: true }).body).toBe(
      [a.title, ...story].join("\n\n"),
    );
    for (const junk of [
      "Rates rose 40%",
      'better than we expected"',
      "Sign up",
      "Advertisement",
      "2,000 jobs",
      "Reader42",
      "Markets",
      "All rights reserved",
    ]) {
      expect(a.body).not.toContain(junk);
    }
  });

  it("falls back to Open Graph and meta tags without JSON-LD", () => {
    const html = `<html><head><meta property="og:title" content="Lumen Bank Profit Rises">
<meta property="article:published_time" content="2026-02-01T07:00:00Z"><meta property="og:site_name" content="Daily Ledger">
<meta name="author" content="Ana Ruiz"></head><body><article><p>${story[0]}</p><p>${story[1]}</p></article></body></html>`;
    const a = parseArticle(html);
    expect([a.title, a.publishedAt, a.publisher, a.authors]).toEqual([
      "Lumen Bank Profit Rises",
      "2026-02-01T07:00:00Z",
      "Daily Ledger",
      ["Ana Ruiz"],
    ]);
  });

  it("takes the date from <time> and normalises offsets", () => {
    const html = `<html><body><h1>T</h1><time datetime="2026-02-01T07:00:00+0530">1 Feb</time><p>${story[0]}</p></body></html>`;
    expect(parseArticle(html).publishedAt).toBe("2026-02-01T07:00:00+05:30");
  });

  it("prefers the <time> inside the article to one in the page header", () => {
    const html = `<html><body><header><time datetime="2026-03-09T08:00:00Z">today</time></header><article><h1>T</h1><time datetime="2026-02-01T07:00:00Z">1 Feb</time><p>${story[0]}</p></article></body></html>`;
    expect(parseArticle(html).publishedAt).toBe("2026-02-01T07:00:00Z");
  });

  it("survives broken JSON-LD", () => {
    const a = parseArticle(page("{ not json, }"));
    expect(a.title).toBe("Harbour Freight Lifts Outlook as Revenue Climbs 12%");
    expect(a.body).toContain(story[2]);
  });
});

describe("articleFromPage and charsets", () => {
  const euro = `<html><head><meta charset="windows-1252"><title>x</title></head><body><article><p>${story[0]} Profit reached \u20ac312 million, \u201cstrong\u201d.</p></article></body></html>`;

  it("decodes windows-1252 by the meta tag, 0x80 as the euro sign", () => {
    const bytes = iconv.encode(euro, "windows-1252");
    expect(bytes.includes(0x80)).toBe(true);
    const article = articleFromPage(bytes, { contentType: "text/html", url: null, source: "t" });
    expect(article.input.body).toContain("\u20ac312 million, \u201cstrong\u201d.");
    // The page as read is kept, so re-extraction never reads it again.
    expect(article.raw?.equals(bytes)).toBe(true);
  });

  it("reads text/plain as a text article whose first line is the headline", () => {
    const article = articleFromPage(
      Buffer.from("\ufeffOrlan Mills lifts sales\n\nRevenue rose 8%."),
      {
        contentType: "text/plain; charset=utf-8",
        url: "https://example.test/a",
        source: "t",
      },
    );
    expect(article.contentType).toBe("text/plain");
    expect(article.raw).toBeNull();
    expect(article.input).toMatchObject({
      title: "Orlan Mills lifts sales",
      body: "Orlan Mills lifts sales\n\nRevenue rose 8%.",
      url: "https://example.test/a",
    });
  });

  it("lets a BOM win over the header, and the header over the meta tag", () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(euro, "utf8")]);
    expect(decodePage(utf8, "text/html; charset=windows-1252")).toMatchObject({
      charset: "utf-8",
      source: "bom",
    });
    expect(decodePage(Buffer.from(euro, "utf8"), "text/html; charset=utf-8")).toMatchObject({
      charset: "utf-8",
      source: "header",
    });
    expect(decodePage(Buffer.from("<p>plain</p>"))).toMatchObject({
      charset: "utf-8",
      source: "default",
    });
  });

  it("maps the ISO-8859-1 label to windows-1252 as browsers do", () => {
    const bytes = iconv.encode("<p>\u20ac5</p>", "windows-1252");
    expect(decodePage(bytes, "text/html; charset=iso-8859-1").text).toBe("<p>\u20ac5</p>");
  });
});
