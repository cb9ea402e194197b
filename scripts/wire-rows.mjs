#!/usr/bin/env node
// `node scripts/wire-rows.mjs [CORPUS.jsonl] [--cli bin/newsfigures.js] [--sample N]`
// Runs the built CLI's `extract --with-body` over a newswire corpus (default: the
// Reuters-21578 corpus in ../shared/eval/corpora) and counts the records that come from
// results-table lines starting with Shr, Net, Revs or Sales: a robustness check of the
// table reader on stories nobody annotated. Prints the counts per label, the extractor's
// warnings (invalid records) and whether it crashed; --sample N prints N such records,
// spread over the corpus, for checking by hand. Exit 1 on a crash or an invalid record.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";

const ROOT = resolve(import.meta.dirname, "..");
let corpus = resolve(ROOT, "../shared/eval/corpora/reuters21578.jsonl");
let cli = join(ROOT, "bin", "newsfigures.js");
let sample = 0;
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === "--cli") cli = resolve(process.argv[++i] ?? "");
  else if (a === "--sample") sample = Number(process.argv[++i] ?? 0);
  else corpus = resolve(a);
}
if (!existsSync(corpus)) {
  process.stderr.write(`wire-rows: no corpus at ${corpus}; give its path as the argument.\n`);
  process.exit(2);
}

const LABEL = /^\s*(Shr|Net|Revs|Sales)\b/;
const counts = { articles: 0, records: 0, rowLines: 0, rowLinesWithRecord: 0, rowRecords: 0 };
const byLabel = { Shr: 0, Net: 0, Revs: 0, Sales: 0 };
let badSpans = 0;
const picked = [];

const child = spawn(process.execPath, [cli, "extract", "--with-body", corpus], {
  stdio: ["ignore", "pipe", "pipe"],
});
let warnings = 0;
const stderrTail = [];
createInterface({ input: child.stderr }).on("line", (l) => {
  if (/warning NF_EXTRACT_INVALID_RECORD/.test(l)) warnings++;
  stderrTail.push(l);
  if (stderrTail.length > 5) stderrTail.shift();
});
for await (const line of createInterface({ input: child.stdout })) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  counts.articles++;
  counts.records += r.metrics.length;
  const body = r.body ?? "";
  const starts = [0];
  for (let i = body.indexOf("\n"); i >= 0; i = body.indexOf("\n", i + 1)) starts.push(i + 1);
  const lineOf = (off) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const withRecord = new Set();
  for (const m of r.metrics) {
    if (body.slice(m.span.start, m.span.end) !== m.text) badSpans++;
    const n = lineOf(m.span.start);
    const text = body.slice(starts[n], (starts[n + 1] ?? body.length + 1) - 1);
    const label = LABEL.exec(text)?.[1];
    if (!label) continue;
    counts.rowRecords++;
    byLabel[label]++;
    withRecord.add(n);
    picked.push({ source: r.source, line: text.trim(), m });
  }
  for (let n = 0; n < starts.length; n++) {
    const text = body.slice(starts[n], (starts[n + 1] ?? body.length + 1) - 1);
    if (LABEL.test(text)) counts.rowLines++;
  }
  counts.rowLinesWithRecord += withRecord.size;
}
const code = await new Promise((res) => child.on("close", res));

console.log(`corpus ${corpus}`);
console.log(
  `articles ${counts.articles}, records ${counts.records}, extractor exit ${code}, invalid records ${warnings}, spans not matching text ${badSpans}`,
);
console.log(
  `lines starting with Shr/Net/Revs/Sales: ${counts.rowLines}, with a record: ${counts.rowLinesWithRecord}`,
);
console.log(
  `records on those lines: ${counts.rowRecords} (Shr ${byLabel.Shr}, Net ${byLabel.Net}, Revs ${byLabel.Revs}, Sales ${byLabel.Sales})`,
);
if (code !== 0) console.log(`extractor stderr (last lines):\n${stderrTail.join("\n")}`);
if (sample > 0 && picked.length > 0) {
  const step = Math.max(1, Math.floor(picked.length / sample));
  for (let i = 0; i < picked.length && i / step < sample; i += step) {
    const { source, line, m } = picked[i];
    const p = m.period?.text ?? null;
    console.log(
      `${source} | ${line} | ${JSON.stringify(m.text)} -> ${m.value.amount} ${m.value.currency ?? m.value.unit ?? ""} ${m.metric} ${m.entity?.name ?? null} ${p}`,
    );
  }
}
process.exit(code !== 0 || warnings > 0 || badSpans > 0 ? 1 : 0);
