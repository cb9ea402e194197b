import { hash } from "node:crypto";

/** The article's id: a hash of the body text, so the same text always has the same id. */
export function articleIdOf(body: string): string {
  // The one-shot hash: a Hash object per id costs more than the digest of a short string.
  return `sha256:${hash("sha256", body, "hex")}`;
}

/** A record's stable id: hash of articleId + span + kind (see the spec). */
export function recordIdOf(articleId: string, start: number, end: number, kind: string): string {
  return hash("sha256", `${articleId}|${start}|${end}|${kind}`, "hex").slice(0, 32);
}
