/**
 * Runs once before the suite: gives every test file the service URLs and one run id
 * (for queue prefixes and PostgreSQL schemas, so runs never collide) and says clearly
 * which service is missing and how to start it.
 */
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import type { TestProject } from "vitest/node";

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
// 127.0.0.1, not localhost: Node may resolve localhost to ::1 first, where the service may not listen.
export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

function reachable(url: string, fallbackPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || fallbackPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1500, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export default async function setup(project: TestProject): Promise<void> {
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const runId = `t${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const [redisUp, pgUp] = await Promise.all([
    reachable(redisUrl, 6379),
    reachable(databaseUrl, 5432),
  ]);
  if (!redisUp) {
    process.stderr.write(
      `\n[newsfigures tests] Redis is not reachable at ${new URL(redisUrl).host}: queue tests will fail.\n` +
        "  Start it (see CONTRIBUTING.md), e.g. redis-server --daemonize yes --port 6379, or set REDIS_URL.\n\n",
    );
  }
  if (!pgUp) {
    process.stderr.write(
      `\n[newsfigures tests] PostgreSQL is not reachable at ${new URL(databaseUrl).host}: store tests on PostgreSQL will fail.\n` +
        "  Start it (see CONTRIBUTING.md) or set DATABASE_URL.\n\n",
    );
  }
  project.provide("redisUrl", redisUrl);
  project.provide("databaseUrl", databaseUrl);
  project.provide("runId", runId);
  project.provide("servicesUp", { redis: redisUp, postgres: pgUp });
}

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
    databaseUrl: string;
    runId: string;
    servicesUp: { redis: boolean; postgres: boolean };
  }
}
