/**
 * What changed between two extractions of one article, record by record (records are keyed
 * by their stable id: same article, span and kind).
 */
import type { MetricRecord } from "../model/index.js";
import { canonicalJson } from "./rows.js";

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface RecordDiff {
  added: MetricRecord[];
  removed: MetricRecord[];
  changed: Array<{ id: string; text: string; fields: FieldChange[]; after: MetricRecord }>;
  unchanged: number;
}

/**
 * @example
 * diffRecords(old, fresh).changed[0].fields; // [{ path: "metric", before: "revenue", after: "backlog" }]
 */
export function diffRecords(before: MetricRecord[], after: MetricRecord[]): RecordDiff {
  const old = new Map(before.map((r) => [r.id, r]));
  const diff: RecordDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const r of after) {
    seen.add(r.id);
    const o = old.get(r.id);
    if (o === undefined) diff.added.push(r);
    else if (canonicalJson(o) === canonicalJson(r)) diff.unchanged++;
    else diff.changed.push({ id: r.id, text: r.text, fields: fieldChanges(o, r), after: r });
  }
  for (const o of before) if (!seen.has(o.id)) diff.removed.push(o);
  return diff;
}

function fieldChanges(a: unknown, b: unknown, path = ""): FieldChange[] {
  const isObj = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => fieldChanges(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return canonicalJson(a) === canonicalJson(b)
    ? []
    : [{ path: path || "(record)", before: a ?? null, after: b ?? null }];
}

/** What a record is about, whatever its position: kind, metric, entity and period. */
function subjectOf(r: MetricRecord): string {
  return `${r.kind}|${r.metric}|${r.entity?.name ?? ""}|${r.period?.text ?? ""}`;
}

/**
 * What changed between two revisions of one article. Their record ids differ (the text
 * moved), so records are matched by subject (the n-th of each kind, metric, entity and
 * period) and compared without their position in the text.
 *
 * @example
 * revisionDiff(old, fresh).changed[0].fields; // [{ path: "value.amount", before: 1.5e9, after: 2.5e9 }, …]
 */
export function revisionDiff(before: MetricRecord[], after: MetricRecord[]): RecordDiff {
  const keyed = (list: MetricRecord[]): MetricRecord[] => {
    const seen = new Map<string, number>();
    return list.map((r) => {
      const k = subjectOf(r);
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      return { ...r, id: `${k}#${n}`, span: { start: 0, end: 0 }, sentence: "" };
    });
  };
  return diffRecords(keyed(before), keyed(after));
}
