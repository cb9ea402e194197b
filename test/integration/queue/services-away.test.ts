/**
 * With Redis or PostgreSQL away, every command says so with an NF_* code within seconds:
 * Redis on a closed port, PostgreSQL as a server that accepts connections and never
 * answers (a net.Server on 127.0.0.1 that stays silent), and a worker told to stop while
 * its Redis is down. Each command runs in its own process, killed if it outlives 10 s.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createQueues, createRedis, workerCounts } from "../../../src/queue/queues.js";
import { BIN, ROOT } from "../../helpers/cli.js";
import { waitUntil } from "./helpers.js";
import { freePort, startRedis, stop } from "./redis-server.js";

const LIMIT_MS = 10_000;

interface Bounded {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the process had to be killed at LIMIT_MS. */
  killed: boolean;
}

/** Run the CLI; kill it if it is still running after `limitMs`. */
function runBounded(
  args: string[],
  env: NodeJS.ProcessEnv,
  limitMs = LIMIT_MS,
  onSpawn?: (child: ChildProcess) => void,
): Promise<Bounded> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let killed = false;
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, limitMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed });
    });
    onSpawn?.(child);
  });
}

describe("services away: an NF code within seconds, never a wait without end", () => {
  let closedRedis: string;
  let silent: Server;
  const sockets = new Set<Socket>();
  let silentUrl: string;
  let dir: string;

  beforeAll(async () => {
    closedRedis = `redis://127.0.0.1:${await freePort()}`;
    // Accepts every connection and never says a word.
    silent = createServer((s) => {
      sockets.add(s);
      s.on("error", () => {});
    });
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    silentUrl = `postgres://nf@127.0.0.1:${(silent.address() as { port: number }).port}/test`;
    dir = mkdtempSync(join(tmpdir(), "nf-away-"));
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([["status"], ["failed", "list"], ["worker"]])(
    "%s with REDIS_URL on a closed port exits non-zero with NF_QUEUE_REDIS_UNREACHABLE",
    async (...args) => {
      const run = await runBounded(args, { REDIS_URL: closedRedis });
      expect(run.killed).toBe(false);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(
        /NF_QUEUE_REDIS_UNREACHABLE: Redis at redis:\/\/127\.0\.0\.1:\d+ is not answering/,
      );
    },
  );

  it("ingest of a pipeline with REDIS_URL on a closed port exits non-zero with the code", async () => {
    const yaml = join(dir, "away.yaml");
    writeFileSync(yaml, 'name: away\nsources:\n  - urls: ["https://example.com/a"]\n');
    const run = await runBounded(["ingest", "--once", yaml], { REDIS_URL: closedRedis });
    expect(run.killed).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/NF_QUEUE_REDIS_UNREACHABLE/);
  });

  it("query against a PostgreSQL that accepts and never answers exits non-zero with NF_STORE_TIMEOUT", async () => {
    const run = await runBounded(["query", "--store", silentUrl], {});
    expect(run.killed).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/NF_STORE_TIMEOUT: PostgreSQL at .* did not answer/);
  });

  it("opening a store that never answers (as a worker does for a job) fails with NF_STORE_TIMEOUT", async () => {
    const { openStore } = await import("../../../src/store/index.js");
    const started = Date.now();
    const err = await openStore(silentUrl).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe("NF_STORE_TIMEOUT");
    expect(Date.now() - started).toBeLessThan(LIMIT_MS);
  });

  it("a worker stops on the first SIGTERM while its Redis is down, saying why", async () => {
    const redisDir = mkdtempSync(join(tmpdir(), "nf-away-redis-"));
    const port = await freePort();
    const server = await startRedis(port, redisDir);
    const url = `redis://127.0.0.1:${port}`;
    const prefix = `nf-${inject("runId")}-away`;
    const watcher = createRedis(url, () => {}, { wait: false });
    const queues = createQueues(watcher, prefix);
    let worker: ChildProcess | undefined;
    try {
      const done = runBounded(
        ["worker"],
        { REDIS_URL: url, NEWSFIGURES_QUEUE_PREFIX: prefix, NEWSFIGURES_STORE: "sqlite::memory:" },
        30_000,
        (c) => {
          worker = c;
        },
      );
      await waitUntil("the worker connected", async () =>
        Object.values(await workerCounts(queues)).every((n) => n > 0),
      );
      await queues.close();
      watcher.disconnect();
      await stop(server, "SIGKILL");
      const signalled = Date.now();
      worker?.kill("SIGTERM");
      const run = await done;
      expect(run.killed).toBe(false);
      expect(Date.now() - signalled).toBeLessThan(LIMIT_MS);
      expect(run.stdout + run.stderr).toMatch(/NF_QUEUE_REDIS_UNREACHABLE/);
    } finally {
      if (worker && worker.exitCode === null) worker.kill("SIGKILL");
      watcher.disconnect();
      await stop(server, "SIGKILL");
      rmSync(redisDir, { recursive: true, force: true });
    }
  }, 60_000);
});
