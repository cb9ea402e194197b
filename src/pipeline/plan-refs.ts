/**
 * Which references a run works on: the one place that decides "already stored / ask again
 * conditionally / new" for inline runs and the queue's discover jobs alike. Files are
 * always read (the store keeps one revision per body, so reading one again stores nothing
 * new); a stored URL is fetched again only while it is young enough to be corrected
 * (`fetch.recheckWithin`), with the validators the store remembers.
 */
import type { ArticleRef } from "../model/index.js";
import type { Store } from "../store/types.js";
import type { ConditionalHeaders } from "./deps.js";
import { isFileRef } from "./run-article.js";
import { durationMs, type FetchSpec } from "./schema.js";

export type PlannedRef =
  | { ref: ArticleRef; action: "read" }
  | { ref: ArticleRef; action: "fetch"; known: ConditionalHeaders | null };

export interface RefPlan {
  run: PlannedRef[];
  /** Stored already and not due for a re-check: not fetched. */
  stored: ArticleRef[];
}

/**
 * @example
 * const { run, stored } = await planRefs(refs, store, spec.fetch);
 */
export async function planRefs(
  refs: readonly ArticleRef[],
  store: Pick<Store, "knownUrls" | "recentUrls" | "getFetchStates">,
  fetch: Pick<FetchSpec, "recheckWithin">,
  now: number = Date.now(),
): Promise<RefPlan> {
  // The store is asked about all the URLs at once (it chunks them): a feed lists hundreds.
  const urls = refs.filter((ref) => !isFileRef(ref)).map((ref) => ref.url);
  const known = urls.length > 0 ? await store.knownUrls(urls) : new Set<string>();
  const recheck = fetch.recheckWithin;
  const due =
    recheck !== undefined && known.size > 0
      ? await store.recentUrls([...known], new Date(now - durationMs(recheck)).toISOString())
      : new Set<string>();
  const asked = urls.filter((u) => !known.has(u) || due.has(u));
  const states = asked.length > 0 ? await store.getFetchStates(asked) : new Map();
  const plan: RefPlan = { run: [], stored: [] };
  for (const ref of refs) {
    if (isFileRef(ref)) plan.run.push({ ref, action: "read" });
    else if (!known.has(ref.url) || due.has(ref.url)) {
      const state = states.get(ref.url);
      plan.run.push({
        ref,
        action: "fetch",
        known: state ? { etag: state.etag, lastModified: state.lastModified } : null,
      });
    } else plan.stored.push(ref);
  }
  return plan;
}
