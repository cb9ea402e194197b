/** Plain-text tables for people: aligned columns, long cells cut with an ellipsis. */
export function formatTable(headers: string[], rows: string[][], maxWidth = 48): string {
  const cut = (s: string) => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
  const cells = rows.map((r) => r.map((c) => cut(c.replace(/\s+/g, " "))));
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/**
 * Made once: toLocaleString with options builds a formatter per call (a 10,000-point chart's
 * labels). Made on first use, not at load: the first formatter of a process costs about
 * 12 ms of ICU set-up, and every command line loads this file (`--version`, `extract` to JSONL).
 */
let numberFormat: Intl.NumberFormat | undefined;

/** A figure's value as a person reads it: "USD 51,300,000,000", "88 %", "5,000 customers". */
export function formatAmount(v: {
  amount: number;
  currency: string | null;
  unit: string | null;
  range: { min: number; max: number } | null;
}): string {
  numberFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
  const fmt = numberFormat;
  const n = (x: number) => fmt.format(x);
  const num = v.range ? `${n(v.range.min)}–${n(v.range.max)}` : n(v.amount);
  if (v.currency) return `${v.currency} ${num}`;
  if (v.unit === "percent") return `${num} %`;
  if (v.unit === "percentage_point") return `${num} pp`;
  if (v.unit === "basis_point") return `${num} bp`;
  return v.unit ? `${num} ${v.unit}` : num;
}
