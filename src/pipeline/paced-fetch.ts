/**
 * One request to a host, paced: it waits for the host's turn (the larger of the pipeline's
 * perHostIntervalMs and robots.txt Crawl-delay) and settles the turn when the answer is in.
 * Pages, feeds and sitemaps all go through here, so a site is asked at one pace; each
 * redirect hop takes its own host's turn the same way. A 429 or 503 with Retry-After
 * settles the host's turn that far ahead: every worker's next request to it waits.
 */
import { retryAfterOf } from "../fetch/errors.js";
import type { ArticleDeps, ConditionalHeaders, PageResponse } from "./deps.js";
import type { FetchSpec } from "./schema.js";

/** How long a redirect hop may wait for its host's turn in-process. */
const REDIRECT_WAIT_MS = 10_000;

export async function pacedFetch(
  url: string,
  deps: Pick<ArticleDeps, "fetcher" | "pacer">,
  options: FetchSpec,
  conditional?: ConditionalHeaders,
): Promise<PageResponse> {
  const base = options.perHostIntervalMs;
  const intervalFor = async (u: string): Promise<number> => {
    if (!options.respectRobots) return base;
    if (deps.fetcher.robotsKnown?.(u, options) === false) {
      // Reading robots.txt is a request to the host too: it takes a turn, and the host's
      // next turn counts from its answer with the Crawl-delay it names.
      await deps.pacer.pace(u, base);
      let interval = base;
      try {
        interval = Math.max(base, (await deps.fetcher.crawlDelayMs(u, options)) ?? 0);
      } finally {
        await deps.pacer.settle(u, interval);
      }
      return interval;
    }
    return Math.max(base, (await deps.fetcher.crawlDelayMs(u, options)) ?? 0);
  };
  let current = url;
  let interval = await intervalFor(url);
  let hold = 0;
  await deps.pacer.pace(url, interval);
  try {
    return await deps.fetcher.fetchPage(url, options, conditional, async (next) => {
      await deps.pacer.settle(current, interval);
      current = next;
      interval = await intervalFor(next);
      // Given up here, the job would start over and ask the first hop again.
      await deps.pacer.pace(next, interval, REDIRECT_WAIT_MS + 2 * interval);
    });
  } catch (err) {
    hold = retryAfterOf(err);
    throw err;
  } finally {
    await deps.pacer.settle(current, Math.max(interval, hold));
  }
}
