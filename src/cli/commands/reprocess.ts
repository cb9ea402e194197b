/**
 * `newsfigures reprocess [--since DATE] [--source NAME] [--dry-run] [--format text|json]`:
 * re-extract stored articles from their stored text (nothing is fetched) and show, per
 * article, the records added, removed and changed. Each article is replaced atomically.
 */
import type { Command } from "commander";
import { NewsfiguresError } from "../../errors.js";
import type { CliContext } from "../context.js";
import { formatDiff } from "../diff-format.js";
import { storedTimeBound } from "../flags.js";
import { createProgress } from "../progress.js";
import { addStoreOption, withStore } from "../store-option.js";

interface ReprocessFlags {
  store?: string;
  since?: string;
  source?: string;
  dryRun: boolean;
  format: string;
  all: boolean;
}

export function registerReprocess(program: Command, ctx: CliContext): void {
  addStoreOption(
    program
      .command("reprocess")
      .description("re-run extraction over stored articles and show what changed")
      .option("--since <date>", "only articles stored on or after this date (YYYY-MM-DD)")
      .option("--source <name>", "only articles whose source is, or starts with, this")
      .option("--dry-run", "show the changes without writing them", false)
      .option("--all", "list unchanged articles too", false)
      .option(
        "--format <format>",
        "text (default) or json (one object per article, then a summary)",
        "text",
      ),
  ).action(async (flags: ReprocessFlags) => {
    if (flags.format !== "text" && flags.format !== "json")
      throw new NewsfiguresError(
        "NF_CLI_BAD_FLAG",
        `--format must be text or json, not "${flags.format}"`,
      );
    // Compared as text with the stored UTC times: "March 3" would silently match nothing.
    const since = flags.since === undefined ? undefined : storedTimeBound("--since", flags.since);
    const json = flags.format === "json";
    const { reprocessStore } = await import("../../pipeline/reprocess.js");
    await withStore(ctx, flags, async (store) => {
      const progress = createProgress(flags.dryRun ? "reprocess (dry run)" : "reprocess");
      const summary = await reprocessStore(store, {
        dryRun: flags.dryRun,
        ...(since !== undefined ? { since } : {}),
        ...(flags.source !== undefined ? { source: flags.source } : {}),
        onArticle: async (r) => {
          progress.tick();
          const differs = r.diff.added.length + r.diff.removed.length + r.diff.changed.length > 0;
          if (r.error) ctx.stderr(`newsfigures reprocess: ${r.source}: ${r.error}\n`);
          if (json) await ctx.stdout(`${JSON.stringify({ type: "article", ...r })}\n`);
          else if (differs || flags.all) await ctx.stdout(formatDiff(r));
        },
      });
      progress.done();
      if (json)
        await ctx.stdout(
          `${JSON.stringify({ type: "summary", store: store.location, ...summary })}\n`,
        );
      else {
        const verb = summary.dryRun ? "would change" : "changed";
        await ctx.stdout(
          `${summary.articles} article(s) re-extracted with extractor ${summary.extractorVersion}: ${summary.changed} ${verb}, ${summary.unchanged} unchanged, ${summary.failed.length} failed; records +${summary.added} -${summary.removed} ~${summary.updated}${summary.dryRun ? " (dry run: nothing written)" : ""}\n`,
        );
      }
      if (summary.failed.length > 0) ctx.setExitCode(1);
    });
  });
}
