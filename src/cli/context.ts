/** What commands get from main: output with backpressure, errors, the exit code. */
import type { Config } from "../config/config.js";
import type { Logger } from "../log.js";

/** Where a run writes and what environment it reads: the process's own, or a test's. */
export interface CliIo {
  stdout(text: string): Promise<void> | void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface CliContext {
  stdout(text: string): Promise<void>;
  stderr(text: string): void;
  fail(message: string): void;
  setExitCode(code: number): void;
  /** Loaded on first use, so commands that need no configuration never load its schema. */
  config(): Promise<Config>;
  logger(): Promise<Logger>;
}
