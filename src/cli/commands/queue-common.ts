/** What the queue commands share: REDIS_URL is required, and says so. */
import { NewsfiguresError } from "../../errors.js";
import type { CliContext } from "../context.js";

export function requireRedis(ctx: CliContext, command: string): string {
  const url = ctx.config().redisUrl;
  if (!url) {
    throw new NewsfiguresError(
      "NF_QUEUE_NO_REDIS",
      `${command} needs Redis: set REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379); without Redis, run pipelines inline with newsfigures ingest PIPELINE.yaml`,
    );
  }
  return url;
}

export function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new NewsfiguresError(
      "NF_CLI_BAD_FLAG",
      `${name} must be a whole number from 1 to 1000, not "${value}"`,
    );
  return n;
}

export function milliseconds(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100 || n > 3_600_000)
    throw new NewsfiguresError(
      "NF_CLI_BAD_FLAG",
      `${name} must be milliseconds from 100 to 3600000, not "${value}"`,
    );
  return n;
}
