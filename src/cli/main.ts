/**
 * The CLI: `run(argv, io)` parses the arguments and runs one command, writing only to
 * `io` and reading the environment only from `io.env`, so tests run it in-process against
 * the source. Registration is cheap: each command file declares its options with commander
 * and loads what it needs with `await import()` inside its action, so `--version` or a
 * usage error never loads the extractor, the store or the queue (see CONTRIBUTING.md); a
 * command line that names a command loads that command's file alone.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import type { Config } from "../config/config.js";
import { describeError } from "../errors.js";
import type { Logger } from "../log.js";
import type { CliContext, CliIo } from "./context.js";

export type { CliIo } from "./context.js";

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Every command's registration, in the order `--help` lists them. A command line that names
 * one of them loads that file only (each is a module of its own, with its helpers, that
 * `extract` need not load); anything else (`--help`, `--version`, a typo, `help`) loads all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  extract: async () => (await import("./commands/extract.js")).registerExtract,
  ingest: async () => (await import("./commands/ingest.js")).registerIngest,
  reprocess: async () => (await import("./commands/reprocess.js")).registerReprocess,
  worker: async () => (await import("./commands/worker.js")).registerWorker,
  schedule: async () => (await import("./commands/schedule.js")).registerSchedule,
  status: async () => (await import("./commands/status.js")).registerStatus,
  failed: async () => (await import("./commands/failed.js")).registerFailed,
  query: async () => (await import("./commands/query.js")).registerQuery,
  export: async () => (await import("./commands/export.js")).registerExport,
  migrate: async () => (await import("./commands/migrate.js")).registerMigrate,
  serve: async () => (await import("./commands/serve.js")).registerServe,
};

/** The registrations a command line needs: its command's, or all of them. */
async function registrationsFor(argv: string[]): Promise<Register[]> {
  const first = argv[0];
  const names =
    first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
  return Promise.all(names.map((name) => (COMMANDS[name] as () => Promise<Register>)()));
}

/** The package's own version: src/cli and dist/cli are both two folders below package.json. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return String((pkg as { version: unknown }).version);
}

/** Run one command line; resolves to the exit status (0 ok, 1 failed inputs, 2 usage). */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  let config: Config | undefined;
  let logger: Logger | undefined;
  const ctx: CliContext = {
    stdout: async (text) => {
      await io.stdout(text);
    },
    stderr: (text) => io.stderr(text),
    fail: (message) => {
      io.stderr(`newsfigures: ${message}\n`);
      exitCode = 2;
    },
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
    config: async () => {
      if (config === undefined) {
        const { loadConfig } = await import("../config/config.js");
        config = loadConfig(io.env);
      }
      return config;
    },
    logger: async () => {
      if (logger === undefined) {
        const { createLogger } = await import("../log.js");
        logger = createLogger({ level: (await ctx.config()).logLevel });
      }
      return logger;
    },
  };

  const program = new Command("newsfigures")
    .description("Turn financial news into typed metric records.")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout(text),
      writeErr: (text) => io.stderr(text),
    })
    .showHelpAfterError("(run newsfigures --help for usage)");
  for (const register of await registrationsFor(argv)) register(program, ctx);

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.stderr(`newsfigures: ${describeError(err)}\n`);
    return Math.max(exitCode, 1);
  }
  return exitCode;
}

/** The process's own streams, with stdout backpressure; what bin/newsfigures.js passes. */
export function processIo(): CliIo {
  return {
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
    env: process.env,
  };
}

/** The installed command: run with this process's argv and streams, then set its exit code. */
export async function main(): Promise<void> {
  // EPIPE (e.g. `| head`) is not an error for a CLI that streams output.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  process.exitCode = await run(process.argv.slice(2), processIo());
}
