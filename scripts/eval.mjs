#!/usr/bin/env node
// `npm run eval [-- SHARED_DIR] [--only dev,newsquant,...] [--keep]`
// Runs the built CLI (dist/) `extract` over each evaluation set in SHARED_DIR/eval (default
// ../shared, relative to the project root), scores the predictions with that set's own
// scorer and prints each scorer's last line with a label. A set that fails (extractor crash,
// scorer error) is reported and the others still run; the exit status is then 1.
// Exit 2 when the shared folder or the build is missing.
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "bin", "newsfigures.js");

let only = null;
let keep = false;
const positional = [];
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === "--only") only = new Set((process.argv[++i] ?? "").split(",").filter(Boolean));
  else if (a === "--keep") keep = true;
  else positional.push(a);
}
const SHARED = resolve(ROOT, positional[0] ?? "../shared");
const EVAL = join(SHARED, "eval");

if (!existsSync(EVAL)) {
  process.stderr.write(
    `eval: no evaluation data at ${EVAL}.\n` +
      "Give the shared folder that holds eval/ as the argument: npm run eval -- /path/to/shared\n",
  );
  process.exit(2);
}
if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) {
  process.stderr.write(
    "eval: the CLI is not built (dist/ is missing). Run `npm run build` first.\n",
  );
  process.exit(2);
}
warnIfStale();

const files = (dir, ext) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(ext))
        .sort()
        .map((n) => join(dir, n))
    : [];

/** Each set: what to extract, with which flags, how to score it, which other scorer lines to show. */
const SETS = [
  {
    name: "dev",
    label: "dev (figures, values, records)",
    inputs: files(join(EVAL, "dev"), ".txt"),
    scorer: ["score.mjs", join(EVAL, "dev"), "PRED"],
    also: [/^articles /, /^figures /, /^attribute accuracy/],
  },
  ...["dev-fpb", "dev-wire-prose", "dev-wire-tables"].map((name) => ({
    name,
    label: {
      "dev-fpb": "dev-fpb (news sentences)",
      "dev-wire-prose": "dev-wire-prose (1987 newswire)",
      "dev-wire-tables": "dev-wire-tables (results tables)",
    }[name],
    inputs: files(join(EVAL, name), ".txt"),
    scorer: ["score.mjs", join(EVAL, name), "PRED"],
    also: [/^figures /, /^attribute accuracy/],
  })),
  {
    name: "recognizers",
    label: "recognizers-en peer cases",
    inputs: [join(EVAL, "peers/recognizers-en/input.jsonl")],
    scorer: ["peers/recognizers-en/score.mjs", "PRED"],
  },
  {
    name: "newsquant",
    label: "NewsQuant",
    inputs: [join(EVAL, "peers/newsquant/input.jsonl")],
    scorer: ["peers/newsquant/score.mjs", "PRED"],
  },
  {
    name: "kpi-edgar",
    label: "KPI-EDGAR (test split)",
    inputs: [join(EVAL, "peers/kpi-edgar/input.jsonl")],
    scorer: ["peers/kpi-edgar/score.mjs", "PRED", "--split", "test"],
  },
  {
    name: "finer-ord",
    label: "FiNER-ORD entities",
    inputs: [join(EVAL, "peers/finer-ord/articles.jsonl")],
    scorer: ["peers/finer-ord/score.mjs", "PRED"],
  },
  {
    name: "article-extraction",
    label: "article-extraction pages (body)",
    withBody: true,
    inputs: files(join(EVAL, "peers/article-extraction"), ".html"),
    scorer: ["peers/article-extraction/score.mjs", "PRED"],
  },
  {
    name: "dev-html",
    label: "dev-html pages (body)",
    withBody: true,
    inputs: files(join(EVAL, "dev-html"), ".html"),
    scorer: [
      "peers/article-extraction/score.mjs",
      "--truth",
      join(EVAL, "dev-html/ground-truth.json"),
      "PRED",
    ],
    check: devHtmlMetadata,
  },
];

const unknown = [...(only ?? [])].filter((n) => !SETS.some((s) => s.name === n));
if (unknown.length > 0) {
  process.stderr.write(
    `eval: unknown set(s) ${unknown.join(", ")}; choose from ${SETS.map((s) => s.name).join(", ")}\n`,
  );
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), "newsfigures-eval-"));
const failed = [];
const summary = [];
for (const set of SETS) {
  if (only && !only.has(set.name)) continue;
  const started = Date.now();
  try {
    const { line, extra } = await runSet(set);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    summary.push(
      [
        `${set.label.padEnd(34)} ${line}  (${secs} s)`,
        ...extra.map((l) => `${" ".repeat(35)}${l}`),
      ].join("\n"),
    );
  } catch (err) {
    failed.push(set.name);
    summary.push(`${set.label.padEnd(34)} FAILED: ${err.message}`);
  }
  process.stdout.write(`${summary.at(-1)}\n`);
}

process.stdout.write(`\n== summary (${SHARED})\n${summary.join("\n")}\n`);
if (keep) process.stdout.write(`predictions kept in ${out}\n`);
else rmSync(out, { recursive: true, force: true });
if (failed.length > 0) {
  process.stderr.write(`eval: ${failed.length} set(s) failed: ${failed.join(", ")}\n`);
  process.exit(1);
}

async function runSet(set) {
  const missing = set.inputs.filter((p) => !existsSync(p));
  if (set.inputs.length === 0 || missing.length > 0)
    throw new Error(`input missing: ${missing[0] ?? "no files"}`);
  const pred = join(out, `${set.name}.jsonl`);
  const extract = await run(process.execPath, [
    CLI,
    "extract",
    ...(set.withBody ? ["--with-body"] : []),
    ...set.inputs,
  ]);
  writeFileSync(pred, extract.stdout);
  // Exit 1 means some inputs failed but the others were extracted: score what we have
  // and say so. Anything else (crash, bad usage) makes the set fail.
  if (extract.code !== 0 && extract.code !== 1)
    throw new Error(`extract exited ${extract.code}: ${errorLine(extract.stderr)}`);
  if (extract.code === 1) {
    const n =
      extract.stderr
        .split("\n")
        .filter((l) => l.startsWith("newsfigures extract:") && !l.includes(" warning ")).length - 1;
    process.stderr.write(
      `eval: ${set.name}: ${n} input(s) failed to extract; scoring the rest (last: ${lastLine(extract.stderr)})\n`,
    );
  }
  const [script, ...rest] = set.scorer;
  const scorer = await run(
    process.execPath,
    [join(EVAL, script), ...rest.map((a) => (a === "PRED" ? pred : a))],
    join(EVAL, script, ".."),
  );
  if (scorer.code !== 0)
    throw new Error(
      `scorer exited ${scorer.code}: ${errorLine(scorer.stderr) || lastLine(scorer.stdout)}`,
    );
  const line = lastLine(scorer.stdout);
  if (line === "") throw new Error("scorer printed nothing");
  // A few sets have a target that is not on the last line (dev: figures F1, bad spans).
  const extra = scorer.stdout.split("\n").filter((l) => (set.also ?? []).some((re) => re.test(l)));
  if (set.check) extra.push(set.check(readFileSync(pred, "utf8")));
  return { line, extra: extra.map((l) => l.trim()) };
}

/**
 * dev-html pages must also give the title, publishedAt and publisher of NAME.meta.json,
 * which the body scorer does not look at. publishedAt counts when it is the same instant.
 */
function devHtmlMetadata(predJsonl) {
  const results = new Map();
  for (const line of predJsonl.split("\n")) {
    if (line.trim() === "") continue;
    const r = JSON.parse(line);
    results.set(basename(r.source).replace(/\.html?$/, ""), r);
  }
  const metas = files(join(EVAL, "dev-html"), ".meta.json");
  const ok = { title: 0, publishedAt: 0, publisher: 0 };
  const misses = [];
  for (const path of metas) {
    const name = basename(path, ".meta.json");
    const want = JSON.parse(readFileSync(path, "utf8"));
    const got = results.get(name) ?? {};
    for (const field of Object.keys(ok)) {
      const same =
        field === "publishedAt" && want[field] && got[field]
          ? Date.parse(want[field]) === Date.parse(got[field])
          : want[field] === got[field];
      if (same) ok[field]++;
      else misses.push(`${name}.${field}`);
    }
  }
  const n = metas.length;
  return `metadata: title ${ok.title}/${n}, publishedAt ${ok.publishedAt}/${n}, publisher ${ok.publisher}/${n}${misses.length ? ` (wrong: ${misses.slice(0, 4).join(", ")}${misses.length > 4 ? ", ..." : ""})` : ""}`;
}

function run(cmd, argv, cwd = ROOT) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, argv, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (d) => stdout.push(d));
    child.stderr.on("data", (d) => stderr.push(d));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolveRun({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      }),
    );
  });
}

function lastLine(text) {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1) ?? "";
}

/** The line that says what went wrong: a thrown error's message, else the last line. */
function errorLine(text) {
  return (
    text
      .split("\n")
      .find((l) => /^\w*Error\b|^usage:|Error:/.test(l.trim()))
      ?.trim() ?? lastLine(text)
  );
}

/** The scores are of dist/, not src/: say so when src/ has changed since the last build. */
function warnIfStale() {
  const built = statSync(join(ROOT, "dist", "cli", "main.js")).mtimeMs;
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  if (newest(join(ROOT, "src")) > built)
    process.stderr.write(
      "eval: note: src/ is newer than dist/; run `npm run build` to score the current code.\n",
    );
}
