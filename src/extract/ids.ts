import { createHash } from "node:crypto";

/** The article's id: a hash of the body text, so the same text always has the same id. */
export function articleIdOf(body: string): string {
  return `sha256:${createHash("sha256").update(body, "utf8").digest("hex")}`;
}

/** A record's stable id: hash of articleId + span + kind (see the spec). */
export function recordIdOf(articleId: string, start: number, end: number, kind: string): string {
  return createHash("sha256")
    .update(`${articleId}|${start}|${end}|${kind}`)
    .digest("hex")
    .slice(0, 32);
}
