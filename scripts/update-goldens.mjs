#!/usr/bin/env node
// `npm run goldens`: regenerate fixtures/*.golden.json from the current extractor and print
// what changed, so a reviewer reads a summary instead of a thousand-line JSON diff:
//   git diff --stat, then per fixture the records added, removed and changed (with the
//   fields that changed). Review it, then commit the goldens with the change that caused it.
// It runs the golden test with `vitest -u` (which rewrites the file snapshots), so no build
// is needed. Extra arguments go to vitest (e.g. `npm run goldens -- -t dell`).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const FIXTURES = join(ROOT, "fixtures");
const SUFFIX = ".golden.json";

function readGoldens() {
  const out = new Map();
  if (!existsSync(FIXTURES)) return out;
  for (const name of readdirSync(FIXTURES)
    .filter((n) => n.endsWith(SUFFIX))
    .sort()) {
    try {
      out.set(name, JSON.parse(readFileSync(join(FIXTURES, name), "utf8")));
    } catch (err) {
      out.set(name, { unreadable: String(err) });
    }
  }
  return out;
}

/**
 * Records are matched by kind, text and occurrence (the nth "$5 million"), not by offset,
 * so a body that moved (a parser change) shows as changed spans instead of every record
 * removed and added again.
 */
function keyed(metrics) {
  const seen = new Map();
  return new Map(
    metrics.map((m) => {
      const base = `${m.kind}:${m.text}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return [`${base}#${n}`, m];
    }),
  );
}
const show = (m) =>
  `${JSON.stringify(m.text)} [${m.kind} ${m.value?.amount}${m.value?.currency ? ` ${m.value.currency}` : ""}${m.value?.unit ? ` ${m.value.unit}` : ""}] ${m.metric}${m.entity ? ` / ${m.entity.name}` : ""}`;

/** The dotted paths that differ between two JSON values (leaves only). */
function changedPaths(a, b, prefix = "") {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const objects =
    a &&
    b &&
    typeof a === "object" &&
    typeof b === "object" &&
    !Array.isArray(a) &&
    !Array.isArray(b);
  if (!objects) return [prefix || "(value)"];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => changedPaths(a[k], b[k], prefix ? `${prefix}.${k}` : k));
}

const brief = (v) => {
  const s = JSON.stringify(v);
  return s === undefined ? "(none)" : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

function getAt(obj, path) {
  return path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function describeFixture(name, before, after) {
  const lines = [];
  if (!before) return [`  ${name}: new golden, ${after.metrics?.length ?? 0} records`];
  if (!after) return [`  ${name}: golden removed`];
  const old = keyed(before.metrics ?? []);
  const now = keyed(after.metrics ?? []);
  for (const [k, m] of now) if (!old.has(k)) lines.push(`    + ${show(m)}`);
  for (const [k, m] of old) if (!now.has(k)) lines.push(`    - ${show(m)}`);
  for (const [k, m] of now) {
    const o = old.get(k);
    if (!o) continue;
    const paths = changedPaths(o, m).filter((p) => p !== "id" && p !== "sentence");
    if (paths.length > 0)
      lines.push(
        `    ~ ${JSON.stringify(m.text)}: ${paths.map((p) => `${p} ${brief(getAt(o, p))} -> ${brief(getAt(m, p))}`).join("; ")}`,
      );
  }
  const otherPaths = changedPaths(
    { ...before, metrics: undefined },
    { ...after, metrics: undefined },
  );
  for (const p of otherPaths)
    lines.push(`    ~ ${p}: ${brief(getAt(before, p))} -> ${brief(getAt(after, p))}`);
  if (lines.length === 0) return [];
  const counts = `${before.metrics?.length ?? 0} -> ${after.metrics?.length ?? 0} records`;
  return [`  ${name} (${counts})`, ...lines];
}

const before = readGoldens();
const vitest = spawnSync("npx", ["vitest", "run", "test/golden", "-u", ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, CI: "" }, // vitest refuses to write snapshots when CI is set
});
const after = readGoldens();

const git = spawnSync("git", ["diff", "--stat", "--", "fixtures"], { cwd: ROOT, encoding: "utf8" });
process.stdout.write("\n== git diff --stat -- fixtures (against the index)\n");
process.stdout.write(
  git.status === 0
    ? git.stdout || "  (no changes to tracked goldens)\n"
    : `  git diff failed: ${git.stderr}\n`,
);

process.stdout.write("\n== what changed in this run (+ added, - removed, ~ changed)\n");
let changed = 0;
for (const name of new Set([...before.keys(), ...after.keys()])) {
  const lines = describeFixture(name, before.get(name), after.get(name));
  if (lines.length > 0) {
    changed++;
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}
if (changed === 0) process.stdout.write("  no golden changed\n");
else
  process.stdout.write(
    `\n${changed} golden(s) changed: review the lines above, then commit fixtures/*.golden.json.\n`,
  );
process.exit(vitest.status ?? 1);
