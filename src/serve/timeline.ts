/**
 * Where a figure sits on an entity's time axis: at its period where the record names one
 * that has a date (end date, quarter or year), else at the article's publication date, else
 * (an article without a date, such as a plain-text file) at the date it was stored. The
 * basis travels with the point so the chart can say which it is.
 */
import type { MetricRecord, Period } from "../model/index.js";
import type { StoredRecord } from "../store/types.js";

export type TimeBasis = "period" | "published" | "stored";

export interface TimelinePoint {
  /** Seconds since the epoch (uPlot's time scale). */
  x: number;
  basis: TimeBasis;
  stored: StoredRecord;
}

/** One chart: one metric in one currency or unit, points in time order. */
export interface Timeline {
  metric: string;
  /** ISO currency, percent unit or counted noun; "" when the record has none. */
  unit: string;
  points: TimelinePoint[];
}

const QUARTER_END = ["03-31", "06-30", "09-30", "12-31"];

/**
 * The last day a period covers, when the record says enough to know it. A fiscal quarter
 * is drawn at the calendar quarter of that number: companies' fiscal calendars are not in
 * the record, and the label keeps the period's own words.
 */
export function periodDate(p: Period | null): string | null {
  if (p === null) return null;
  if (p.end !== null) return p.end;
  if (p.year !== null && p.quarter !== null) return `${p.year}-${QUARTER_END[p.quarter - 1]}`;
  if (p.year !== null) return `${p.year}-12-31`;
  return p.start;
}

function seconds(iso: string): number {
  return Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / 1000);
}

/** Every record's place in time; `storedAt` gives the stored date of undated articles. */
export function placeRecords(
  records: readonly StoredRecord[],
  storedAt: ReadonlyMap<string, string>,
): TimelinePoint[] {
  const out: TimelinePoint[] = [];
  for (const s of records) {
    const period = periodDate(s.record.period);
    const at =
      period !== null
        ? { iso: period, basis: "period" as const }
        : s.publishedAt !== null
          ? { iso: s.publishedAt, basis: "published" as const }
          : storedAt.has(s.articleId)
            ? { iso: storedAt.get(s.articleId) as string, basis: "stored" as const }
            : null;
    if (at === null) continue;
    const x = seconds(at.iso);
    if (Number.isFinite(x)) out.push({ x, basis: at.basis, stored: s });
  }
  return out;
}

export function unitOf(r: MetricRecord): string {
  return r.value.currency ?? r.value.unit ?? "";
}

/** Points grouped into one timeline per metric and unit, largest first, each in time order. */
export function timelines(points: readonly TimelinePoint[]): Timeline[] {
  const groups = new Map<string, Timeline>();
  for (const p of points) {
    const r = p.stored.record;
    const key = `${r.metric}\u0000${unitOf(r)}`;
    let t = groups.get(key);
    if (t === undefined) {
      t = { metric: r.metric, unit: unitOf(r), points: [] };
      groups.set(key, t);
    }
    t.points.push(p);
  }
  const list = [...groups.values()];
  for (const t of list)
    t.points.sort((a, b) => a.x - b.x || a.stored.record.span.start - b.stored.record.span.start);
  return list.sort((a, b) => b.points.length - a.points.length || a.metric.localeCompare(b.metric));
}
