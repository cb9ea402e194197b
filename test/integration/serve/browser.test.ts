/**
 * The page as a person uses it, in Debian's headless Chromium over a store holding the dev
 * set: the Dell Technologies entity page draws its backlog point (51.3 billion), the
 * article page marks every figure and opens its record, the search form returns what
 * `query` returns, and an article whose title is script markup shows it as text. No page
 * triggers a Content-Security-Policy violation. Screenshots go to NEWSFIGURES_SCREENSHOTS
 * (docs/screenshots to refresh the README's) or a temporary folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatAmount } from "../../../src/cli/format-table.js";
import { ingestFiles } from "../../../src/pipeline/ingest-files.js";
import { startServer } from "../../../src/serve/server.js";
import { openStore, type Store } from "../../../src/store/index.js";
import { ROOT, runCli } from "../../helpers/cli.js";
import { HAS_SHARED, SHARED_SKIP_REASON, sharedPath } from "../../helpers/shared.js";

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
const skipReason = !HAS_CHROMIUM
  ? `${CHROMIUM} not found (apt-get install -y chromium; .ci/run installs it)`
  : !HAS_SHARED
    ? SHARED_SKIP_REASON
    : null;
if (skipReason) console.warn(`skipping the browser test: ${skipReason}`);

/** Chromium's flags for a quiet, sandbox-free, offline headless run. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const HOSTILE_TITLE = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> Quarrymoor Ltd lifts revenue`;
/**
 * Seven quarterly reports of one made-up company, with dates, periods, a backlog and a
 * guidance range: a timeline worth looking at (the dev set's articles carry no dates).
 */
function quarterlyReports(dir: string): void {
  const quarters: Array<[number, number, number, number]> = [
    [2024, 1, 1.42, 3.1],
    [2024, 2, 1.51, 3.4],
    [2024, 3, 1.58, 3.9],
    [2024, 4, 1.66, 4.2],
    [2025, 1, 1.71, 4.6],
    [2025, 2, 1.83, 5.0],
    [2025, 3, 1.97, 5.6],
  ];
  const words = ["first", "second", "third", "fourth"];
  for (const [year, q, revenue, backlog] of quarters) {
    const month = q * 3 + 1;
    const published =
      month > 12 ? `${year + 1}-01-28` : `${year}-${String(month).padStart(2, "0")}-28`;
    writeFileSync(
      join(dir, `harrowgate-${year}-q${q}.html`),
      `<!doctype html><html><head><title>Harrowgate Instruments results</title><meta property="article:published_time" content="${published}T13:00:00Z"></head><body><article>
<h1>Harrowgate Instruments reports ${words[q - 1]} quarter ${year} results</h1>
<p>Harrowgate Instruments said revenue rose to $${revenue} billion in the ${words[q - 1]} quarter of ${year}, lifted by demand for its test equipment.</p>
<p>The company ended the quarter with a backlog of $${backlog} billion. Net income was $${Math.round(revenue * 120)} million.</p>
<p>Harrowgate Instruments expects revenue of $${(revenue * 1.06).toFixed(2)} billion to $${(revenue * 1.12).toFixed(2)} billion in the next quarter.</p>
</article></body></html>`,
    );
  }
}

const SHOTS = resolve(
  ROOT,
  process.env.NEWSFIGURES_SCREENSHOTS ?? join(tmpdir(), "newsfigures-screenshots"),
);

interface Ctx {
  dir: string;
  spec: string;
  store: Store;
  server: Awaited<ReturnType<typeof startServer>>;
  browser: BrowserContext;
  page: Page;
}
let ctx: Ctx;

async function open(path: string): Promise<Page> {
  const { page } = ctx;
  await page.goto(ctx.server.url + path);
  await page.waitForSelector("body[data-ready]");
  const violations = await page.evaluate(
    () => (globalThis as unknown as { __csp: string[] }).__csp,
  );
  expect(violations, `CSP violations on ${path}`).toEqual([]);
  return page;
}

async function shot(name: string, fullPage = true): Promise<void> {
  await ctx.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

// A browser on a shared 2-core machine: generous per-test time, never a timed assertion.
describe.skipIf(skipReason !== null)("newsfigures serve in Chromium", { timeout: 90_000 }, () => {
  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    const dir = mkdtempSync(join(tmpdir(), "nf-serve-browser-"));
    const hostile = join(dir, "hostile");
    mkdirSync(hostile);
    writeFileSync(
      join(hostile, "quarrymoor.txt"),
      `${HOSTILE_TITLE}\nQuarrymoor Ltd said revenue rose to $12 million in 2025 from $9 million a year earlier.\n`,
    );
    quarterlyReports(hostile);
    const spec = `sqlite:${join(dir, "dev.db")}`;
    const store = await openStore(spec);
    const done = await ingestFiles([sharedPath("eval/dev"), hostile], store);
    expect(done.failed).toEqual([]);
    const server = await startServer({ store }, { host: "127.0.0.1", port: 0 });
    mkdirSync(SHOTS, { recursive: true });
    const browser = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 860 },
      deviceScaleFactor: 1,
    });
    const page = await browser.newPage();
    await page.addInitScript(() => {
      // Runs in the page; the test's TypeScript has no DOM types, hence the shape.
      interface Violation {
        violatedDirective: string;
        blockedURI: string;
      }
      const w = globalThis as unknown as {
        __csp: string[];
        document: { addEventListener(type: string, fn: (e: Violation) => void): void };
      };
      w.__csp = [];
      w.document.addEventListener("securitypolicyviolation", (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    ctx = { dir, spec, store, server, browser, page };
  }, 120_000);

  afterAll(async () => {
    await ctx?.browser.close();
    await ctx?.server.close();
    await ctx?.store.close();
    if (ctx) rmSync(ctx.dir, { recursive: true, force: true });
    console.info(`serve screenshots in ${SHOTS}`);
  });

  it("draws Dell Technologies' backlog chart with its 51.3 billion point, linked to the sentence", async () => {
    const page = await open("/entity/Dell%20Technologies");
    const chart = page.locator("section.timeline.m-backlog .chart");
    await chart.locator("canvas").first().waitFor();
    const drawn = await chart.getAttribute("data-points");
    expect(Number(drawn)).toBeGreaterThan(0);
    const series = JSON.parse((await chart.getAttribute("data-series")) as string) as {
      y: number[];
      unit: string;
    };
    expect(series.unit).toBe("USD");
    expect(series.y).toContain(51.3e9);
    // Hover the plot: the cursor snaps to a point and says what it is.
    const over = chart.locator(".u-over");
    const box = await over.boundingBox();
    if (!box) throw new Error("the chart has no plot area");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(() => chart.locator(".chart-tip").textContent())
      .toContain("USD 51,300,000,000");
    // A click opens the article at that figure.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/\/article\/sha256:[0-9a-f]{64}#fig-/);
    await page.waitForSelector("body[data-ready]");
    const active = page.locator("mark.fig.active");
    await expect.poll(() => active.count()).toBe(1);
    expect(await active.textContent()).toBe("$51.3 billion");
  });

  it("draws a company's quarters in time order, its guidance as forecast ranges", async () => {
    const page = await open("/entity/Harrowgate%20Instruments");
    const chart = page.locator("section.timeline.m-revenue .chart").first();
    await chart.locator("canvas").first().waitFor();
    const d = JSON.parse((await chart.getAttribute("data-series")) as string) as {
      x: number[];
      y: number[];
      lo: Array<number | null>;
      forecast: number[];
      basis: string[];
    };
    expect(d.x).toEqual([...d.x].sort((a, b) => a - b));
    expect(d.y.filter((_, i) => !d.forecast[i])).toEqual([
      1.42e9, 1.51e9, 1.58e9, 1.66e9, 1.71e9, 1.83e9, 1.97e9,
    ]);
    expect(d.forecast.filter(Boolean)).toHaveLength(7);
    expect(d.lo.filter((v) => v !== null)).toHaveLength(7);
    expect(new Set(d.basis)).toEqual(new Set(["p", "u"]));
    expect(await chart.getAttribute("data-points")).toBe("14");
    await shot("entity", false);
  });

  it("marks every figure of an article and opens its record on click", async () => {
    const found = await runCli([
      "query",
      "--entity",
      "Dell",
      "--metric",
      "backlog",
      "--limit",
      "1",
      "--format",
      "json",
      "--store",
      ctx.spec,
    ]);
    const articleId = (JSON.parse(found.stdout) as Array<{ articleId: string }>)[0]
      ?.articleId as string;
    const records = await ctx.store.getRecords(articleId);
    expect(records.length).toBeGreaterThan(10);
    const page = await open(`/article/${articleId}`);
    const marks = page.locator("article.body mark.fig");
    expect(await marks.count()).toBe(records.length);
    const texts = await marks.allTextContents();
    const bySpan = [...records].sort((a, b) => a.span.start - b.span.start);
    expect(texts).toEqual(bySpan.map((r) => r.text));
    for (const r of bySpan)
      expect(await page.locator(`[id="fig-${r.id}"]`).getAttribute("class")).toContain(
        `m-${r.metric}`,
      );
    const target = bySpan.find((r) => r.metric === "backlog");
    await page.locator(`[id="fig-${target?.id}"]`).click();
    const card = page.locator("#record-card");
    await expect.poll(() => card.textContent()).toContain("AI server backlog");
    expect(await card.textContent()).toContain("USD 51,300,000,000");
    await shot("article", false);
  });

  it("returns from the search form what `query` returns for the same filters", async () => {
    const cli = await runCli([
      "query",
      "--entity",
      "Dell",
      "--metric",
      "backlog",
      "--since",
      "2000-01-01",
      "--format",
      "json",
      "--store",
      ctx.spec,
    ]);
    const cliAll = await runCli([
      "query",
      "--entity",
      "Dell",
      "--metric",
      "backlog",
      "--format",
      "json",
      "--store",
      ctx.spec,
    ]);
    const expectedAll = JSON.parse(cliAll.stdout) as Array<{
      articleId: string;
      record: { id: string; value: Parameters<typeof formatAmount>[0]; sentence: string };
    }>;
    expect(JSON.parse(cli.stdout)).toEqual([]); // dev .txt articles have no publication date
    expect(expectedAll.length).toBeGreaterThan(0);
    const page = await open("/search");
    await page.fill("form.filters input[name=entity]", "Dell");
    await page.selectOption("form.filters select[name=metric]", "backlog");
    await Promise.all([
      page.waitForURL(/\/search\?/),
      page.click("form.filters button[type=submit]"),
    ]);
    await page.waitForSelector("body[data-ready]");
    const rows = page.locator("table.records tbody tr");
    expect(await rows.count()).toBe(expectedAll.length);
    const got = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        value: tr.querySelector("td.num")?.textContent?.trim() ?? "",
        href: tr.querySelector("td.sentence a")?.getAttribute("href") ?? "",
        sentence: tr.querySelector("td.sentence")?.textContent?.trim() ?? "",
      })),
    );
    expect(got).toEqual(
      expectedAll.map((e) => ({
        value: formatAmount(e.record.value),
        href: `/article/${e.articleId}#fig-${encodeURIComponent(e.record.id)}`,
        sentence: e.record.sentence,
      })),
    );
    // The same filters, a date range that excludes the undated dev articles: no rows, as in query.
    await open("/search?entity=Dell&metric=backlog&since=2000-01-01");
    expect(await page.locator("table.records tbody tr").count()).toBe(0);
    await open("/search?entity=Dell&metric=backlog");
    await shot("search");
  });

  it("sorts the whole result from the table's header, and pages on in that order", async () => {
    const page = await open("/search?kind=money&limit=25");
    await Promise.all([
      page.waitForURL(/sort=largest/),
      page.click("table.records th a >> text=Value"),
    ]);
    await page.waitForSelector("body[data-ready]");
    expect(await page.locator(".result-head").textContent()).toContain("largest amount first");
    const values = async () =>
      (await page
        .locator("table.records tbody td.num")
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-value"))))) as number[];
    const first = await values();
    expect(first).toHaveLength(25);
    await Promise.all([page.waitForURL(/cursor=/), page.click("a[rel=next]")]);
    await page.waitForSelector("body[data-ready]");
    const second = await values();
    expect(second.length).toBeGreaterThan(0);
    const both = [...first, ...second];
    expect(both).toEqual([...both].sort((a, b) => b - a));
  });

  it("shows a title made of script markup as text, running none of it", async () => {
    const found = await runCli([
      "query",
      "--entity",
      "Quarrymoor",
      "--format",
      "json",
      "--store",
      ctx.spec,
    ]);
    const articleId = (JSON.parse(found.stdout) as Array<{ articleId: string }>)[0]
      ?.articleId as string;
    expect(articleId).toBeDefined();
    for (const path of [
      `/article/${articleId}`,
      "/search?entity=Quarrymoor",
      "/entity/Quarrymoor%20Ltd",
    ]) {
      const page = await open(path);
      expect(
        await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss),
      ).toBeUndefined();
      const scripts = await page
        .locator("script")
        .evaluateAll((s) => s.map((e) => e.getAttribute("src")));
      expect(
        scripts.every((src) => src?.startsWith("/static/")),
        path,
      ).toBe(true);
      expect(await page.locator("main img").count(), path).toBe(0);
    }
    const page = await open(`/article/${articleId}`);
    expect(await page.locator("h1").textContent()).toBe(HOSTILE_TITLE);
    expect(await page.title()).toBe(`${HOSTILE_TITLE} · newsfigures`);
  });

  it("shows the store's counts, figures by metric and top entities on the overview", async () => {
    const stats = await ctx.store.stats();
    const page = await open("/");
    const counts = await page.locator("ul.counts strong").allTextContents();
    expect(counts[1]).toBe(stats.records.toLocaleString("en-US"));
    const top = stats.topEntities[0]?.name as string;
    expect(await page.locator(`a[href="/entity/${encodeURIComponent(top)}"]`).textContent()).toBe(
      top,
    );
    await shot("overview");
  });
});
