/**
 * The CLI entry: the only place that reads argv and the environment. Each command lives
 * in `commands/` and receives a CliContext.
 */
import { Command, CommanderError } from "commander";
import { type Config, loadConfig } from "../config/config.js";
import { describeError } from "../errors.js";
import { createLogger, type Logger } from "../log.js";
import { registerExport } from "./commands/export.js";
import { registerExtract } from "./commands/extract.js";
import { registerFailed } from "./commands/failed.js";
import { registerIngest } from "./commands/ingest.js";
import { registerMigrate } from "./commands/migrate.js";
import { registerQuery } from "./commands/query.js";
import { registerReprocess } from "./commands/reprocess.js";
import { registerSchedule } from "./commands/schedule.js";
import { registerServe } from "./commands/serve.js";
import { registerStatus } from "./commands/status.js";
import { registerWorker } from "./commands/worker.js";
import type { CliContext } from "./context.js";

const VERSION = "0.1.0";

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  let config: Config | undefined;
  let logger: Logger | undefined;
  const ctx: CliContext = {
    stdout: (text) =>
      new Promise<void>((resolve, reject) => {
        if (process.stdout.write(text)) resolve();
        else {
          process.stdout.once("drain", resolve);
          process.stdout.once("error", reject);
        }
      }),
    stderr: (text) => {
      process.stderr.write(text);
    },
    fail: (message) => {
      process.stderr.write(`newsfigures: ${message}\n`);
      exitCode = 2;
    },
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
    config: () => {
      config ??= loadConfig(process.env);
      return config;
    },
    logger: () => {
      logger ??= createLogger({ level: ctx.config().logLevel });
      return logger;
    },
  };

  const program = new Command("newsfigures")
    .description("Turn financial news into typed metric records.")
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError("(run newsfigures --help for usage)");
  registerExtract(program, ctx);
  registerIngest(program, ctx);
  registerReprocess(program, ctx);
  registerWorker(program, ctx);
  registerSchedule(program, ctx);
  registerStatus(program, ctx);
  registerFailed(program, ctx);
  registerQuery(program, ctx);
  registerExport(program, ctx);
  registerMigrate(program, ctx);
  registerServe(program, ctx);

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    process.stderr.write(`newsfigures: ${describeError(err)}\n`);
    return Math.max(exitCode, 1);
  }
  return exitCode;
}

// EPIPE (e.g. `| head`) is not an error for a CLI that streams output.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
