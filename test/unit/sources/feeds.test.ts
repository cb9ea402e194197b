import { describe, expect, it } from "vitest";
import { ArticleRef } from "../../../src/model/index.js";
import { parseFeed, parseSitemap, parseUrlList, readSource } from "../../../src/sources/index.js";

const FEED_URL = "https://news.example.test/feeds/markets.xml";

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Markets &amp; Money</title>
<item><title><![CDATA[Copper hits <b>record</b> as supply tightens]]></title><link>/markets/copper-record</link>
<pubDate>Tue, 03 Mar 2026 08:15:00 +0100</pubDate><guid isPermaLink="false">c-1</guid></item>
<item><title>Bond yields ease</title><guid>https://news.example.test/markets/bonds</guid><dc:date>2026-03-03T10:00:00Z</dc:date></item>
<item><title>Duplicate of the first</title><link>https://news.example.test/markets/copper-record</link></item>
<item><title>Mail link</title><link>mailto:desk@example.test</link></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Deal desk</title>
<entry><title type="html">Acme agrees $2bn takeover</title><link rel="alternate" type="text/html" href="https://deals.example.test/acme"/>
<link rel="enclosure" href="https://deals.example.test/acme.mp3"/><published>2026-02-10T12:00:00-05:00</published><updated>2026-02-11T00:00:00Z</updated></entry>
<entry><title>Only updated</title><link href="/b"/><updated>2026-02-12T09:00:00Z</updated></entry></feed>`;

const jsonFeed = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "Startup funding",
  items: [
    {
      id: "1",
      url: "https://vc.example.test/lumen-series-b",
      title: "Lumen raises $45m",
      date_published: "2026-01-20T15:00:00+00:00",
    },
    { id: "https://vc.example.test/quiet-round", content_text: "no url field" },
  ],
});

describe("parseFeed", () => {
  it("reads RSS 2.0: relative links, CDATA titles, guid permalinks, dates, duplicates", () => {
    const f = parseFeed(rss, { url: FEED_URL });
    expect(f.kind).toBe("rss");
    expect(f.title).toBe("Markets & Money");
    expect(f.refs).toEqual([
      {
        url: "https://news.example.test/markets/copper-record",
        title: "Copper hits record as supply tightens",
        publishedAt: "2026-03-03T07:15:00.000Z",
        source: FEED_URL,
      },
      {
        url: "https://news.example.test/markets/bonds",
        title: "Bond yields ease",
        publishedAt: "2026-03-03T10:00:00Z",
        source: FEED_URL,
      },
    ]);
    for (const r of f.refs) expect(ArticleRef.parse(r)).toEqual(r);
  });

  it("reads Atom: the alternate link, published before updated", () => {
    const f = parseFeed(atom, { url: "https://deals.example.test/atom" });
    expect(f.kind).toBe("atom");
    expect(f.refs.map((r) => [r.url, r.title, r.publishedAt])).toEqual([
      ["https://deals.example.test/acme", "Acme agrees $2bn takeover", "2026-02-10T12:00:00-05:00"],
      ["https://deals.example.test/b", "Only updated", "2026-02-12T09:00:00Z"],
    ]);
  });

  it("reads JSON Feed, falling back to an id that is a URL", () => {
    const f = parseFeed(jsonFeed, { url: "https://vc.example.test/feed.json" });
    expect(f.kind).toBe("jsonfeed");
    expect(f.refs.map((r) => r.url)).toEqual([
      "https://vc.example.test/lumen-series-b",
      "https://vc.example.test/quiet-round",
    ]);
    expect(f.refs[0]?.publishedAt).toBe("2026-01-20T15:00:00+00:00");
  });

  it("refuses what is not a feed, and entity declarations", () => {
    expect(() => parseFeed("<html><body>hi</body></html>", { url: FEED_URL })).toThrow(
      expect.objectContaining({ code: "NF_SOURCE_BAD_FEED" }),
    );
    expect(() => parseFeed('{"items": []}', { url: FEED_URL })).toThrow(
      expect.objectContaining({ code: "NF_SOURCE_BAD_FEED" }),
    );
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>';
    expect(() => parseFeed(bomb, { url: FEED_URL })).toThrow(/entities/);
  });
});

const newsSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example.test/a</loc><news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-03-01T06:00:00+00:00</news:publication_date><news:title>Oil slips 2% on demand worries</news:title></news:news></url>
<url><loc>https://news.example.test/b</loc><lastmod>2026-03-02</lastmod></url>
</urlset>`;

const index = `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example.test/sitemap-news.xml</loc><lastmod>2026-03-02T00:00:00Z</lastmod></sitemap>
<sitemap><loc>https://news.example.test/sitemap-2019.xml</loc><lastmod>2019-12-31T00:00:00Z</lastmod></sitemap>
<sitemap><loc>https://news.example.test/sitemap-broken.xml</loc></sitemap>
</sitemapindex>`;

describe("parseSitemap", () => {
  it("reads a news sitemap: title and publication date", () => {
    const s = parseSitemap(newsSitemap, { url: "https://news.example.test/sitemap-news.xml" });
    expect(s.kind).toBe("urlset");
    if (s.kind !== "urlset") return;
    expect(s.refs.map((r) => [r.url, r.title, r.publishedAt])).toEqual([
      [
        "https://news.example.test/a",
        "Oil slips 2% on demand worries",
        "2026-03-01T06:00:00+00:00",
      ],
      ["https://news.example.test/b", null, "2026-03-02T00:00:00Z"],
    ]);
  });

  it("reads a sitemap index", () => {
    const s = parseSitemap(index, { url: "https://news.example.test/sitemap.xml" });
    expect(s.kind).toBe("index");
    if (s.kind !== "index") return;
    expect(s.sitemaps.map((x) => x.url)).toHaveLength(3);
  });
});

describe("readSource", () => {
  const docs: Record<string, string> = {
    "https://news.example.test/sitemap.xml": index,
    "https://news.example.test/sitemap-news.xml": newsSitemap,
    "https://news.example.test/sitemap-2019.xml": newsSitemap.replace(/\/a</, "/old<"),
    "https://news.example.test/sitemap-broken.xml": "<nope",
  };
  const fetchText = async (url: string): Promise<string> => {
    const text = docs[url];
    if (text === undefined) throw new Error(`unexpected fetch of ${url}`);
    return text;
  };

  it("follows a sitemap index, skips old children, reports broken ones as warnings", async () => {
    const r = await readSource(
      "sitemap",
      "https://news.example.test/sitemap.xml",
      { fetchText },
      { sitemapsSince: "2026-01-01T00:00:00Z" },
    );
    expect(r.refs.map((x) => x.url)).toEqual([
      "https://news.example.test/a",
      "https://news.example.test/b",
    ]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain("sitemap-broken.xml");
  });
});

describe("parseUrlList", () => {
  it("keeps http(s) URLs, skips comments and duplicates, reports the rest with line numbers", () => {
    const r = parseUrlList(
      "# my list\nhttps://a.example.test/1\n\nhttps://a.example.test/1#top\nftp://x.example.test/f\nnot a url\n",
      "list.txt",
    );
    expect(r.refs.map((x) => x.url)).toEqual(["https://a.example.test/1"]);
    expect(r.rejected).toEqual([
      { line: 5, text: "ftp://x.example.test/f" },
      { line: 6, text: "not a url" },
    ]);
  });
});
