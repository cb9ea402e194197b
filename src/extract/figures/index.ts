/**
 * The figure recognizer. PLACEHOLDER until issue 2's scanner lands: dollars and percents only.
 */
import type { Figure } from "../types.js";

const MONEY = /\$(\d+(?:\.\d+)?)(?:\s*(billion|million))?/g;
const PERCENT = /(\d+(?:\.\d+)?)(?:%|\s*percent)/g;

export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(MONEY)) {
    const scale = m[2] === "billion" ? 1e9 : m[2] === "million" ? 1e6 : 1;
    out.push(base("money", m.index, m[0], Number(m[1]) * scale, "USD", null));
  }
  for (const m of text.matchAll(PERCENT)) {
    out.push(base("percent", m.index, m[0], Number(m[1]), null, "percent"));
  }
  return out.sort((a, b) => a.start - b.start);
}

function base(kind: Figure["kind"], start: number, text: string, amount: number, currency: string | null, unit: string | null): Figure {
  return { kind, start, end: start + text.length, text, amount, currency, unit, approximate: false, bound: "exact", range: null, rate: null, hints: [] };
}
