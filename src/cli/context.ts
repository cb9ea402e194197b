/** What commands get from main: output with backpressure, errors, the exit code. */
import type { Config } from "../config/config.js";
import type { Logger } from "../log.js";

export interface CliContext {
  stdout(text: string): Promise<void>;
  stderr(text: string): void;
  fail(message: string): void;
  setExitCode(code: number): void;
  config(): Config;
  logger(): Logger;
}
