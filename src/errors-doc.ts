/**
 * docs/errors.md, made from the catalogue in errors.ts: `npm run docs:errors` writes it, and
 * test/unit/errors.test.ts fails when the file differs from what this returns.
 */
import { ERROR_CODES, type ErrorCode } from "./errors.js";

const AREAS: Record<string, string> = {
  CLI: "Command line",
  CONFIG: "Configuration",
  EXTRACT: "Extraction",
  FETCH: "Fetching pages",
  INGEST: "Ingesting",
  INPUT: "Input files",
  PARSE: "Parsing pages",
  PIPELINE: "Pipeline files",
  QUERY: "Queries",
  QUEUE: "Queue",
  RUN: "Runs",
  SOURCE: "Sources (feeds, sitemaps)",
  STORE: "Store",
  UNKNOWN: "Other",
};

function areaOf(code: string): string {
  return code.split("_")[1] ?? "UNKNOWN";
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

export function renderErrorsDoc(): string {
  const codes = (Object.keys(ERROR_CODES) as ErrorCode[]).sort();
  const lines = [
    "# Error codes",
    "",
    "<!-- Generated from src/errors.ts by `npm run docs:errors`; edit the catalogue there, not this file. -->",
    "",
    "Every failure newsfigures reports carries one of these codes, first on its line",
    "(`NF_INPUT_NOT_FOUND: notes.txt: no such file; check the path`), in the failed set",
    "(`newsfigures failed list`), in `newsfigures status` and in run summaries. Scripts branch",
    "on the code, never on the message. *Retried* says whether the queue tries the job again",
    "by default; where the place that fails knows better it decides (a 500 is retried, a 404",
    "is not; a lost database connection is retried, a constraint violation is not).",
  ];
  let area = "";
  for (const code of codes) {
    if (areaOf(code) !== area) {
      area = areaOf(code);
      lines.push(
        "",
        `## ${AREAS[area] ?? area}`,
        "",
        "| Code | What happened | What to do | Retried |",
        "| --- | --- | --- | --- |",
      );
    }
    const e = ERROR_CODES[code];
    lines.push(
      `| \`${code}\` | ${cell(e.means)} | ${cell(e.todo)} | ${e.retryable ? "yes" : "no"} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
