/**
 * Job schedulers, one per pipeline, upserted from one deploy-time command. Cron patterns
 * are preferred: BullMQ's `every` has stopped firing with two scheduler instances where a
 * pattern kept working (bullmq issue 3262), so `every` becomes a pattern whenever it
 * divides the hour or the day evenly, and is kept as `every` only when it cannot.
 * Upserts are skipped when nothing changed: quick repeated upserts have duplicated
 * schedulers (bullmq issue 2988).
 */
import type { Queue } from "bullmq";
import { durationMs, type Pipeline, type Schedule } from "../pipeline/schema.js";
import type { DiscoverJob } from "./jobs.js";
import { pipelineRef } from "./queues.js";

export const SCHEDULER_PREFIX = "pipeline-";

export type Repeat = { pattern: string; tz?: string } | { every: number };

/**
 * @example
 * repeatOf({ every: "15m" }); // { pattern: "*\/15 * * * *" }
 * repeatOf({ every: "7m" });  // { every: 420000 } (7 does not divide 60: a pattern would bunch at the hour)
 */
export function repeatOf(schedule: Schedule): Repeat {
  if ("cron" in schedule)
    return schedule.tz ? { pattern: schedule.cron, tz: schedule.tz } : { pattern: schedule.cron };
  const ms = durationMs(schedule.every);
  if (ms % 60_000 !== 0) return { every: ms };
  const minutes = ms / 60_000;
  if (minutes < 60 && 60 % minutes === 0)
    return { pattern: minutes === 1 ? "* * * * *" : `*/${minutes} * * * *` };
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    if (hours < 24 && 24 % hours === 0)
      return { pattern: hours === 1 ? "0 * * * *" : `0 */${hours} * * *` };
    if (hours === 24) return { pattern: "0 0 * * *" };
    if (hours === 168) return { pattern: "0 0 * * 1" };
  }
  return { every: ms };
}

export interface SyncResult {
  upserted: string[];
  unchanged: string[];
  removed: string[];
}

/** Make the discover queue's schedulers match the pipelines: add, update, remove. */
export async function syncSchedulers(
  discover: Queue<DiscoverJob>,
  pipelines: Pipeline[],
): Promise<SyncResult> {
  const existing = new Map((await discover.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const wanted = new Set<string>();
  const result: SyncResult = { upserted: [], unchanged: [], removed: [] };
  for (const p of pipelines) {
    if (!p.spec.schedule) continue;
    const id = `${SCHEDULER_PREFIX}${p.spec.name}`;
    wanted.add(id);
    const repeat = repeatOf(p.spec.schedule);
    const data: DiscoverJob = { pipeline: pipelineRef(p, null), spec: p.spec };
    const have = existing.get(id);
    const same =
      have !== undefined &&
      ("pattern" in repeat
        ? have.pattern === repeat.pattern && (have.tz ?? undefined) === repeat.tz
        : Number(have.every) === repeat.every) &&
      JSON.stringify(have.template?.data) === JSON.stringify(data);
    if (same) {
      result.unchanged.push(p.spec.name);
      continue;
    }
    await discover.upsertJobScheduler(id, repeat, { name: p.spec.name, data });
    result.upserted.push(p.spec.name);
  }
  for (const id of existing.keys()) {
    if (id.startsWith(SCHEDULER_PREFIX) && !wanted.has(id)) {
      await discover.removeJobScheduler(id);
      result.removed.push(id.slice(SCHEDULER_PREFIX.length));
    }
  }
  return result;
}
