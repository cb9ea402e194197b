/** `newsfigures migrate [--store URL]`: apply pending numbered migrations (also done on start). */
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { addStoreOption, withStore } from "../store-option.js";

export function registerMigrate(program: Command, ctx: CliContext): void {
  addStoreOption(
    program.command("migrate").description("create or update the store's tables"),
  ).action(async (opts: { store?: string }) => {
    await withStore(
      ctx,
      opts,
      async (store) => {
        await store.migrate();
        await ctx.stdout(`store ${store.location} is up to date\n`);
      },
      false,
    );
  });
}
