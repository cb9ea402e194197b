/** `--store` for every command that reads or writes the store; the flag beats NEWSFIGURES_STORE. */
import type { Command } from "commander";
import type { Store } from "../store/types.js";
import type { CliContext } from "./context.js";

export function addStoreOption(cmd: Command): Command {
  return cmd.option(
    "--store <url>",
    "sqlite:PATH or postgres://USER@HOST:5432/DB (default: NEWSFIGURES_STORE or sqlite:./data/newsfigures.db)",
  );
}

export async function storeSpec(ctx: CliContext, opts: { store?: string }): Promise<string> {
  return opts.store ?? (await ctx.config()).store;
}

/** Open (and migrate) the store, run `fn`, always close it. */
export async function withStore<T>(
  ctx: CliContext,
  opts: { store?: string },
  fn: (store: Store) => Promise<T>,
  migrate = true,
): Promise<T> {
  const { openStore } = await import("../store/open.js");
  const store = await openStore(await storeSpec(ctx, opts), { migrate });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
