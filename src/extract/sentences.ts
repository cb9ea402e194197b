/**
 * Sentence boundaries. PLACEHOLDER (line and ". " splits) until the attribution issue's
 * splitter lands.
 */
import type { Sentence } from "./types.js";

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n.!?]*(?:[.!?]+(?=\s|$)|\n|$)/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim() === "") continue;
    const lead = m[0].length - m[0].trimStart().length;
    const s = m.index + lead;
    const t = m[0].trim();
    out.push({ start: s, end: s + t.length, text: t });
  }
  return out;
}
