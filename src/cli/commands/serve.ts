/**
 * `newsfigures serve [--store URL] [--port 8080] [--host 127.0.0.1]`: the read-only web
 * page and JSON API over the store. Loopback unless --host names another address: the
 * page shows everything stored, so reaching it from the network is the user's choice.
 * With REDIS_URL set the overview also shows the queues.
 */
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { intFlag } from "../flags.js";
import { addStoreOption, storeSpec } from "../store-option.js";

export function registerServe(program: Command, ctx: CliContext): void {
  addStoreOption(
    program
      .command("serve")
      .description("a read-only web page and JSON API over the store (charts, articles, search)")
      .option("--port <n>", "TCP port (0: any free port)", "8080")
      .option(
        "--host <address>",
        "address to listen on; other than loopback exposes the store",
        "127.0.0.1",
      ),
  ).action(async (opts: { store?: string; port: string; host: string }) => {
    const port = intFlag("--port", opts.port, { min: 0, max: 65535 });
    const { createQueues, createRedis } = await import("../../queue/queues.js");
    const { startServer } = await import("../../serve/server.js");
    const { openStore } = await import("../../store/open.js");
    const { queueStatus } = await import("./status.js");
    const config = await ctx.config();
    const store = await openStore(await storeSpec(ctx, opts));
    const redisUrl = config.redisUrl;
    const logger = await ctx.logger();
    // One warning per outage, not one per reconnection attempt.
    let down = false;
    const redis = redisUrl
      ? createRedis(redisUrl, (err) => {
          if (!down)
            logger.warn(
              { err },
              "serve: Redis unreachable; the queues show as unavailable until it is back",
            );
          down = true;
        })
      : null;
    redis?.on("ready", () => {
      down = false;
    });
    const queues = redis ? createQueues(redis, config.queuePrefix) : null;
    // With Redis down, closing the queues would wait for it: give up after two seconds.
    const closeQueues = async () => {
      if (queues)
        await Promise.race([queues.close(), new Promise((r) => setTimeout(r, 2000).unref())]);
      redis?.disconnect();
    };
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer(
        { store, logger, ...(queues ? { queueStatus: () => queueStatus(queues) } : {}) },
        { host: opts.host, port },
      );
    } catch (err) {
      await closeQueues();
      await store.close();
      throw err;
    }
    await ctx.stdout(`newsfigures: serving ${store.location} at ${server.url}\n`);
    // Runs until interrupted; then stops taking requests, and closes the store and Redis.
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await server.close();
    await closeQueues();
    await store.close();
  });
}
