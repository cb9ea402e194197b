/** A per-article diff as a person reads it, like a short `git diff --stat` with values. */

import type { MetricRecord } from "../model/index.js";
import type { ArticleReprocess } from "../pipeline/reprocess.js";
import { formatAmount } from "./format-table.js";

export function formatDiff(r: ArticleReprocess): string {
  const d = r.diff;
  const head = `${r.source}${r.title ? ` — ${r.title}` : ""}  [${r.fromVersion} -> ${r.toVersion}] +${d.added.length} -${d.removed.length} ~${d.changed.length} =${d.unchanged}${r.applied ? "" : r.error ? "  (failed)" : "  (not written)"}`;
  const lines = [head];
  for (const m of d.added) lines.push(`  + ${describe(m)}`);
  for (const m of d.removed) lines.push(`  - ${describe(m)}`);
  for (const c of d.changed) {
    lines.push(`  ~ "${c.text}" @${c.after.span.start}`);
    for (const f of c.fields) lines.push(`      ${f.path}: ${show(f.before)} -> ${show(f.after)}`);
  }
  return `${lines.join("\n")}\n`;
}

function describe(m: MetricRecord): string {
  const who = m.entity ? ` ${m.entity.name}` : "";
  const when = m.period ? ` (${m.period.text})` : "";
  return `"${m.text}" @${m.span.start} ${formatAmount(m.value)} ${m.metric}${who}${when}`;
}

function show(v: unknown): string {
  return v === null || v === undefined ? "null" : typeof v === "string" ? v : JSON.stringify(v);
}
