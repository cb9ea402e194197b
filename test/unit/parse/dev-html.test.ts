/**
 * The six dev pages in shared/eval/dev-html: body close to NAME.body.txt (4-token shingle
 * F1, the benchmark's metric, >= 0.98) and title,
 * publishedAt, publisher equal to NAME.meta.json. Skips when shared data is absent.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleFromPage } from "../../../src/parse/page-article.js";
import { HAS_SHARED, SHARED_SKIP_REASON, sharedPath } from "../../helpers/shared.js";

function shingles(text: string): Map<string, number> {
  const toks = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const m = new Map<string, number>();
  const last = Math.max(1, toks.length - 3);
  for (let i = 0; i < last && i < toks.length; i++) {
    const k = toks.slice(i, i + 4).join("\u0000");
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function f1(gold: string, pred: string): number {
  const g = shingles(gold);
  const p = shingles(pred);
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const [k, c] of p) {
    tp += Math.min(c, g.get(k) ?? 0);
    np += c;
  }
  for (const c of g.values()) ng += c;
  if (tp === 0) return 0;
  const precision = tp / np;
  const recall = tp / ng;
  return (2 * precision * recall) / (precision + recall);
}

const dir = sharedPath("eval", "dev-html");
const names = HAS_SHARED
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".html"))
      .map((f) => f.replace(/\.html$/, ""))
  : [];

describe.skipIf(!HAS_SHARED)(
  `dev-html pages${HAS_SHARED ? "" : ` (skipped: ${SHARED_SKIP_REASON})`}`,
  () => {
    it("has pages to check", () => {
      expect(names.length).toBeGreaterThanOrEqual(6);
    });

    it.each(names)("%s: body, title, date and publisher", (name) => {
      const page = articleFromPage(readFileSync(`${dir}/${name}.html`), {
        contentType: null,
        url: null,
        source: name,
      }).input;
      const gold = readFileSync(`${dir}/${name}.body.txt`, "utf8");
      const meta = JSON.parse(readFileSync(`${dir}/${name}.meta.json`, "utf8")) as {
        title: string;
        publishedAt: string;
        publisher: string;
      };
      expect(f1(gold, page.body)).toBeGreaterThanOrEqual(0.98);
      expect(page.title).toBe(meta.title);
      expect(page.publishedAt).toBe(meta.publishedAt);
      expect(page.publisher).toBe(meta.publisher);
      // Layout: paragraphs separated by blank lines; the headline is the title, not body.
      expect(page.body.startsWith(meta.title)).toBe(false);
      expect(page.body).not.toMatch(/\n{3,}/);
      // No replacement characters: the windows-1252 page decoded right.
      expect(page.body).not.toContain("\ufffd");
      const firstGoldPara = gold.split("\n")[0]?.trim() ?? "";
      expect(page.body).toContain(firstGoldPara);
    });
  },
);
