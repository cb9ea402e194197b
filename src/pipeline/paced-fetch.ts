/**
 * One request to a host, paced: it waits for the host's turn (the larger of the pipeline's
 * perHostIntervalMs and robots.txt Crawl-delay) and settles the turn when the answer is in.
 * Pages, feeds and sitemaps all go through here, so a site is asked at one pace.
 */
import type { ArticleDeps, ConditionalHeaders, FetchedPage } from "./deps.js";
import type { FetchOptions } from "./schema.js";

export async function pacedFetch(
  url: string,
  deps: Pick<ArticleDeps, "fetcher" | "pacer">,
  options: FetchOptions,
  conditional?: ConditionalHeaders,
): Promise<FetchedPage> {
  const crawlDelay = options.respectRobots ? await deps.fetcher.crawlDelayMs(url, options) : null;
  const interval = Math.max(options.perHostIntervalMs, crawlDelay ?? 0);
  await deps.pacer.pace(url, interval);
  try {
    return await deps.fetcher.fetchPage(url, options, conditional);
  } finally {
    await deps.pacer.settle(url, interval);
  }
}
