/**
 * `newsfigures extract [--with-body] [--format jsonl|table] FILE...`: one article result
 * per line (see shared/spec/metric-record.md). Failed inputs are reported on stderr with
 * the file and the reason; the others still give output; the exit status is then 1.
 */
import type { Command } from "commander";
import { describeError } from "../../errors.js";
import type { ArticleResult } from "../../model/index.js";
import type { CliContext } from "../context.js";
import { formatAmount, formatTable } from "../format-table.js";
import { createProgress } from "../progress.js";

export function registerExtract(program: Command, ctx: CliContext): void {
  program
    .command("extract")
    .description(
      "extract figures from .txt, .html and .jsonl articles (- for stdin) and print JSONL",
    )
    .argument("<files...>", "article files or folders; - reads standard input")
    .option("--with-body", "add the body text that the offsets index", false)
    .option(
      "--explain",
      "add to each record which rule chose its entity, metric and period, and the words it read",
      false,
    )
    .option("--format <format>", "jsonl (default) or table", "jsonl")
    .action(
      async (files: string[], opts: { withBody: boolean; explain: boolean; format: string }) => {
        if (opts.format !== "jsonl" && opts.format !== "table") {
          ctx.fail(`--format must be jsonl or table, not "${opts.format}"`);
          return;
        }
        const { extractArticle } = await import("../../extract/index.js");
        const { expandPaths } = await import("../../sources/local-files.js");
        const { loadArticles } = await import("../../pipeline/read-files.js");
        const paths = await expandPaths(files);
        const progress = createProgress("extract", paths.length);
        let failures = 0;
        for await (const loaded of loadArticles(paths)) {
          if (!loaded.ok) {
            failures++;
            ctx.stderr(
              `newsfigures extract: ${loaded.failure.source}: ${describeError(loaded.failure.error)}\n`,
            );
            continue;
          }
          try {
            const { result, warnings } = extractArticle(loaded.article.input, {
              withBody: opts.withBody,
              explain: opts.explain,
            });
            for (const w of warnings)
              ctx.stderr(
                `newsfigures extract: ${result.source}: warning ${w.code}: ${w.message}\n`,
              );
            await ctx.stdout(
              opts.format === "table" ? `${tableOf(result)}\n\n` : `${JSON.stringify(result)}\n`,
            );
          } catch (err) {
            failures++;
            ctx.stderr(
              `newsfigures extract: ${loaded.article.input.source}: ${describeError(err)}\n`,
            );
          }
          progress.tick();
        }
        progress.done();
        if (failures > 0) {
          ctx.stderr(`newsfigures extract: ${failures} input(s) failed; see the lines above\n`);
          ctx.setExitCode(1);
        }
      },
    );
}

function tableOf(r: ArticleResult): string {
  const head = `${r.source}${r.title ? ` — ${r.title}` : ""}  (${r.metrics.length} figures)`;
  const rows = r.metrics.map((m) => [
    m.text,
    formatAmount(m.value),
    m.metric,
    m.entity?.name ?? "",
    m.period?.text ?? "",
    m.change?.direction ?? "",
  ]);
  return `${head}\n${formatTable(["text", "value", "metric", "entity", "period", "change"], rows, 40)}`;
}
