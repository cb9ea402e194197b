/**
 * The pipeline's PageFetcher over the fetch stage (`src/fetch`): one guarded connection
 * pool and one robots.txt cache per SSRF policy, shared by every job of the process.
 */
import type { Agent } from "undici";
import { createFetchAgent, DEFAULT_USER_AGENT, fetchPage, RobotsCache } from "../fetch/index.js";
import type { PageFetcher, PageResponse } from "./deps.js";
import type { FetchSpec } from "./schema.js";

export interface ClosablePageFetcher extends PageFetcher {
  close(): Promise<void>;
}

export function createPageFetcher(
  defaultUserAgent: string = DEFAULT_USER_AGENT,
): ClosablePageFetcher {
  const pools = new Map<string, { agent: Agent; robots: RobotsCache }>();
  const poolFor = (options: FetchSpec) => {
    const ua = options.userAgent ?? defaultUserAgent;
    const key = `${options.allowPrivateNetwork}|${ua}`;
    let p = pools.get(key);
    if (!p) {
      const agent = createFetchAgent({
        allowPrivateNetwork: options.allowPrivateNetwork,
        headersTimeoutMs: options.timeoutMs,
        bodyTimeoutMs: options.timeoutMs,
      });
      const robots = new RobotsCache({
        userAgent: ua,
        fetch: fetchPage,
        fetchOptions: { agent, totalTimeoutMs: options.timeoutMs },
      });
      p = { agent, robots };
      pools.set(key, p);
    }
    return p;
  };

  return {
    async fetchPage(url, options, conditional, beforeRedirect): Promise<PageResponse> {
      const { agent, robots } = poolFor(options);
      const page = await fetchPage(url, {
        agent,
        ...(options.respectRobots ? { robots } : {}),
        userAgent: options.userAgent ?? defaultUserAgent,
        // Feeds and sitemaps come through here too; the parser decides what the body is.
        accept: "any",
        maxBytes: options.maxBytes,
        totalTimeoutMs: options.timeoutMs,
        etag: conditional?.etag ?? null,
        lastModified: conditional?.lastModified ?? null,
        ...(beforeRedirect ? { beforeRedirect } : {}),
      });
      return {
        url: page.url,
        finalUrl: page.finalUrl,
        status: page.status,
        notModified: page.unchanged,
        body: page.unchanged ? null : page.body,
        contentType: page.contentType ?? "",
        etag: page.etag,
        lastModified: page.lastModified,
      };
    },
    robotsKnown(url, options) {
      return poolFor(options).robots.has(url);
    },
    async crawlDelayMs(url, options) {
      return poolFor(options).robots.crawlDelayMs(url);
    },
    async close() {
      for (const p of pools.values()) await p.agent.close();
      pools.clear();
    },
  };
}
