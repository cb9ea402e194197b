/**
 * Tables in text. Wire-style result rows ("Shr 23 cts vs loss six cts", "Net 319,564 vs
 * 84,203", "Revs 26.2 mln vs 22.6 mln") and results blocks ("Revenue: $1.23 billion, up
 * 8%"): the row label names the metric of every figure on the row; a block label on a
 * line of its own ("Nine mths", "Year") or the headline ("4TH QTR NET") gives the period.
 */
import type { Metric } from "../../model/index.js";
import { TABLE_LABELS } from "../lexicon/metrics.js";
import { blockLabel } from "../tables/labels.js";
import type { FigureContext } from "./context.js";

export interface RowReading {
  metric: Metric;
  phrase: string;
  /** A loss marked on the row just before the figure ("vs loss six cts"). */
  loss: boolean;
}

const ROW =
  /^\s*([A-Za-z][A-Za-z .&/-]{0,40}?)(?::\s*|\s+)(?=[-$€£¥(]|\d|loss\b|profit\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|[A-Z]{2,3}\$|C\$|Rs|₹)/;

export function readRow(c: FigureContext): RowReading | null {
  const line = c.line;
  // Only short lines, or lines that read as a label then figures.
  if (line.length > 120) return null;
  const m = ROW.exec(line);
  if (!m) return null;
  const label = (m[1] as string).trim();
  const isWire = /\bvs\.?\b/i.test(line) || /:\s*/.test(m[0]);
  if (!isWire) return null;
  for (const [re, metric] of TABLE_LABELS) {
    if (re.test(label)) {
      const before = line.slice(0, c.figure.start - c.lineStart);
      return { metric, phrase: label, loss: /\bloss\s*$/i.test(before) };
    }
  }
  return null;
}

/** A block label line ("Nine mths", "Year") found between `from` and the figure. */
export function blockLabelBefore(text: string, lineStart: number, floor: number): string | null {
  let end = lineStart - 1;
  let steps = 0;
  while (end > floor && steps < 30) {
    const s = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(s, end);
    const label = blockLabel(line);
    if (label !== null) return label;
    if (line.trim() === "" || !/\bvs\b|^\s*[A-Z][a-z]*\s/.test(line)) break;
    end = s - 1;
    steps++;
  }
  return null;
}
