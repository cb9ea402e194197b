/**
 * `newsfigures export [filters] --format csv|jsonl`: every stored record (or those the
 * filters of `query` keep, with no row limit), streamed page by page with stdout
 * backpressure, so memory stays flat whatever the store holds. `--stored-since` gives the
 * records written since a previous export.
 */
import type { Command } from "commander";
import { NewsfiguresError } from "../../errors.js";
import type { CliContext } from "../context.js";
import { exportChunks } from "../record-format.js";
import { addStoreOption, withStore } from "../store-option.js";
import { addFilterOptions, type FilterFlags, toFilter } from "./query.js";

export function registerExport(program: Command, ctx: CliContext): void {
  addStoreOption(
    addFilterOptions(
      program
        .command("export")
        .description(
          "write every stored figure (or those the filters keep) to standard output as CSV or JSON lines",
        ),
    ).option("--format <format>", "jsonl (default) or csv", "jsonl"),
  ).action(async (opts: FilterFlags & { format: string }) => {
    const filter = await toFilter(opts);
    if (opts.format !== "jsonl" && opts.format !== "csv")
      throw new NewsfiguresError(
        "NF_CLI_BAD_FLAG",
        `--format must be jsonl or csv, not "${opts.format}"`,
      );
    await withStore(ctx, opts, async (store) => {
      for await (const chunk of exportChunks(
        store.exportRecords(1000, filter),
        opts.format === "csv",
      ))
        await ctx.stdout(chunk);
    });
  });
}
