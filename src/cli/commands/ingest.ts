/**
 * `newsfigures ingest PATH…`: extract and store the articles of files and folders (.txt,
 * .html, .jsonl) inline, without a queue: a one-off pipeline with one `files` source
 * (`ingestFiles`, src/pipeline/ingest-files.ts). This file only parses flags, draws
 * progress and prints the summary.
 */
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { createProgress } from "../progress.js";
import { addStoreOption, withStore } from "../store-option.js";

export function registerIngest(program: Command, ctx: CliContext): void {
  addStoreOption(
    program
      .command("ingest")
      .description("extract and store the articles of files and folders (.txt, .html, .jsonl)")
      .argument("<paths...>", "article files or folders, or pipeline files (pipelines/*.yaml)")
      .option("--format <format>", "summary as text (default) or json", "text")
      .option("--once", "pipelines: one pass, even when the pipeline has a schedule", false),
  ).action(async (paths: string[], opts: { store?: string; format: string; once?: boolean }) => {
    if (opts.format !== "text" && opts.format !== "json") {
      ctx.fail(`--format must be text or json, not "${opts.format}"`);
      return;
    }
    const { isPipelineFile } = await import("../../pipeline/load.js");
    // Pipeline files (.yaml) run as pipelines (queued with REDIS_URL, else inline).
    if (paths.some(isPipelineFile)) {
      if (!paths.every(isPipelineFile)) {
        ctx.fail("give either pipeline files (.yaml) or article files and folders, not both");
        return;
      }
      const { ingestPipelines } = await import("./ingest-pipeline.js");
      await ingestPipelines(paths, opts, ctx);
      return;
    }
    const { ingestFiles } = await import("../../pipeline/ingest-files.js");
    const logger = await ctx.logger();
    await withStore(ctx, opts, async (store) => {
      const progress = createProgress("ingest");
      const summary = await ingestFiles(paths, store, {
        logger,
        onFiles: (n) => progress.setTotal(n),
        onArticle: () => progress.tick(),
      });
      progress.done();
      if (summary.skipped.length > 0) {
        const shown = summary.skipped.slice(0, 3).join(", ");
        const more = summary.skipped.length > 3 ? ` and ${summary.skipped.length - 3} more` : "";
        ctx.stderr(
          `newsfigures ingest: skipped ${summary.skipped.length} file(s) that are not .txt, .html or .jsonl: ${shown}${more}\n`,
        );
      }
      for (const f of summary.failed) ctx.stderr(`newsfigures ingest: ${f.source}: ${f.message}\n`);
      const stats = await store.stats();
      if (opts.format === "json")
        await ctx.stdout(
          `${JSON.stringify({ store: store.location, ...summary, totals: stats })}\n`,
        );
      else {
        const { formatIngestSummary } = await import("../summary.js");
        await ctx.stdout(formatIngestSummary(summary, stats, store.location));
      }
      if (summary.failed.length > 0) ctx.setExitCode(1);
    });
  });
}
