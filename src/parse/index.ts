/**
 * Page bytes -> article. PLACEHOLDER (title + <p> text) until the pages issue's
 * boilerplate removal lands. Pure: no I/O.
 */
import * as cheerio from "cheerio";
import type { ParsedArticle } from "../model/index.js";

export interface ParseOptions {
  url?: string | null;
}

export function parseArticle(html: string, options: ParseOptions = {}): ParsedArticle {
  const $ = cheerio.load(html, { xml: { xmlMode: false } });
  const title = $("h1").first().text().trim() || $("title").first().text().trim() || null;
  const paras = $("p")
    .map((_i, el) => $(el).text().replace(/\s+/g, " ").trim())
    .get()
    .filter((t) => t.length > 0);
  const body = [title, ...paras].filter(Boolean).join("\n\n");
  return {
    url: options.url ?? null,
    canonicalUrl: $('link[rel="canonical"]').attr("href") ?? null,
    title,
    publishedAt: null,
    modifiedAt: null,
    authors: [],
    publisher: null,
    language: $("html").attr("lang") ?? null,
    body,
  };
}
