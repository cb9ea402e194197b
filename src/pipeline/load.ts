/**
 * Reading pipeline files. Every problem is reported as `FILE:LINE: field: what is wrong;
 * the fix`, all problems at once, so a user fixes a file in one pass.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { NewsfiguresError } from "../errors.js";
import { type Pipeline, PipelineSpec } from "./schema.js";

/** The fix to suggest for a field, by the first path element (or `sources`). */
const FIXES: Record<string, string> = {
  name: "use a short id such as local-feed",
  schedule: 'write `schedule: { every: 15m }` or `schedule: { cron: "*/15 * * * *" }`',
  sources:
    "each source is one of `- feed: URL`, `- sitemap: URL`, `- urls: [URL, …]`, `- files: PATH` (relative to the pipeline file)",
  fetch:
    "allowed keys: allowPrivateNetwork, perHostIntervalMs, timeoutMs, maxBytes, respectRobots, userAgent, attempts, pauseHostAfter, recheckWithin",
  extract: "allowed keys: minBodyChars",
  run: 'allowed keys: timeout (e.g. "30m"), maxRefsPerSource',
  store:
    "write `store: sqlite:./data/news.db` or `store: postgres://user@host/db`, or leave it out to use NEWSFIGURES_STORE",
  "": "allowed top-level keys: name, description, schedule, sources, fetch, extract, run, store",
};

/**
 * Parse and validate one pipeline file's text.
 *
 * @example
 * parsePipeline("name: demo\nsources:\n  - files: ./articles\n", "pipelines/demo.yaml").spec.name; // "demo"
 */
export function parsePipeline(text: string, file: string): Pipeline {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const line = lines.linePos(e.pos[0]).line;
      return `${file}:${line}: not valid YAML: ${e.message.split("\n")[0]}`;
    });
    throw new NewsfiguresError(
      "NF_PIPELINE_INVALID",
      `${problems.join("\n")}\nFix the YAML syntax at the line named above.`,
      {
        details: { file },
      },
    );
  }
  let value: unknown;
  try {
    // The yaml library refuses documents whose aliases expand past maxAliasCount (a
    // "billion laughs" file would otherwise take the process's memory).
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new NewsfiguresError(
      "NF_PIPELINE_INVALID",
      `${file}: not a usable pipeline file: ${(err as Error).message}; write each value out instead of nesting aliases (*name)`,
      { cause: err, details: { file } },
    );
  }
  const parsed = PipelineSpec.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, file, doc, lines));
    throw new NewsfiguresError(
      "NF_PIPELINE_INVALID",
      `Invalid pipeline file:\n${problems.join("\n")}`,
      {
        details: {
          file,
          issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        },
      },
    );
  }
  const abs = resolve(file);
  return { spec: parsed.data, file: abs, dir: dirname(abs) };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  file: string,
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
): string {
  const path = issue.path.map(String);
  // An unknown key is best shown where it is written, not where its parent object starts.
  const at =
    issue.code === "unrecognized_keys" && issue.keys[0] !== undefined
      ? [...path, issue.keys[0]]
      : path;
  let line: number | undefined;
  for (let n = at.length; n >= 0 && line === undefined; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(at.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) line = lines.linePos(range[0]).line;
  }
  const field = path.length > 0 ? path.join(".") : "(top level)";
  let what = issue.message;
  if (issue.code === "unrecognized_keys")
    what = `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  if (issue.code === "invalid_union") what = "is not one of the accepted forms";
  if (issue.code === "invalid_type") {
    const value: unknown = doc.getIn(path);
    what =
      value === undefined
        ? "is required"
        : `must be a ${issue.expected}, not ${JSON.stringify(value)}`;
  }
  const fix = FIXES[path[0] ?? ""] ?? FIXES[""];
  return `${file}${line !== undefined ? `:${line}` : ""}: ${field}: ${what}; ${fix}`;
}

/** Read one pipeline file. */
export async function loadPipeline(file: string): Promise<Pipeline> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new NewsfiguresError(
      "NF_PIPELINE_NOT_FOUND",
      `${file}: cannot read the pipeline file (${(err as Error).message}); check the path`,
      {
        cause: err,
      },
    );
  }
  return parsePipeline(text, file);
}

export function isPipelineFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === ".yaml" || ext === ".yml";
}

/** Every pipeline in a folder (`pipelines/` by default), sorted by file name; names must be unique. */
export async function loadPipelineDir(dir: string): Promise<Pipeline[]> {
  const names = (await readdir(dir)).filter((n) => isPipelineFile(n) && !n.startsWith(".")).sort();
  const out: Pipeline[] = [];
  const seen = new Map<string, string>();
  for (const n of names) {
    const p = await loadPipeline(join(dir, n));
    const other = seen.get(p.spec.name);
    if (other) {
      throw new NewsfiguresError(
        "NF_PIPELINE_DUPLICATE_NAME",
        `${p.file}: name "${p.spec.name}" is also used by ${basename(other)}; give each pipeline its own name`,
      );
    }
    seen.set(p.spec.name, p.file);
    out.push(p);
  }
  return out;
}
