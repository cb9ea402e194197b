/**
 * Two ways to run the CLI. `runCli` runs it in this process against src/ (`run(argv, io)`),
 * so a stale or missing dist/ can neither pass nor fail a test: use it unless the test is
 * about the process itself. `runBin` runs the built binary (dist/, made by `npm ci` /
 * `npm run build`) as a user would: for standard input, signals and separate processes.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { run } from "../../src/cli/main.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const BIN = resolve(ROOT, "bin/newsfigures.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI in-process; `env` is added to this process's environment, as for a child. */
export async function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { ...process.env, ...options.env },
  });
  return { code, stdout, stderr };
}

/** The built binary in a child process. */
export function runBin(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}
