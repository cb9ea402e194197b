/**
 * Deterministic job ids: the same article URL for the same store always gives the same
 * fetch job id, so a feed polled twice (or by two schedulers) enqueues one job, while two
 * pipelines writing to different stores each get their own. BullMQ forbids ':' in custom
 * ids and integer-looking ids, hence a prefixed hex digest.
 */
import { createHash } from "node:crypto";
import { canonicalUrl } from "../model/canonical-url.js";

export { canonicalUrl };

export function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 40);
}

/** The work's target: the store as the pipeline names it (null: the worker's default store). */
function storePart(store: string | null): string {
  return store === null ? "" : `\u0000${store}`;
}

/** `fetch-<digest of store and canonical URL>`. */
export function fetchJobId(url: string, store: string | null = null): string {
  return `fetch-${digest(`${canonicalUrl(url)}${storePart(store)}`)}`;
}

/** One extract job per page content and store: a changed page is extracted again, the same one is not. */
export function extractJobId(
  url: string,
  content: string | Buffer,
  store: string | null = null,
): string {
  const body = createHash("sha256").update(content).digest("hex").slice(0, 16);
  return `extract-${digest(`${canonicalUrl(url)}${storePart(store)}`)}-${body}`;
}
