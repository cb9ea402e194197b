/**
 * Per-host pacing shared by every worker on every machine (BullMQ's open-source edition
 * has no per-group limit). One Redis key per host holds the next time a request may
 * start; a Lua script reads Redis's clock and reserves the next slot atomically, so two
 * workers never get the same slot, whatever their local clocks say.
 */
import type { Redis } from "ioredis";
import type { Pacer } from "../pipeline/deps.js";

// KEYS[1] pace key; ARGV[1] interval ms; ARGV[2] longest wait worth holding a worker for.
// Returns the ms to wait before starting (slot reserved), or -ms when the wait is longer
// than ARGV[2] (nothing reserved: the caller should delay the job and try again later).
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nxt)
local wait = slot - now
local interval = tonumber(ARGV[1])
if wait > tonumber(ARGV[2]) then return -wait end
redis.call('SET', KEYS[1], slot + interval, 'PX', wait + interval + 60000)
return wait
`;

/** Thrown by the Redis pacer when the host's next slot is too far off to wait in-process. */
export class PaceDelay extends Error {
  readonly delayMs: number;
  constructor(host: string, delayMs: number) {
    super(`host ${host} is paced; next slot in ${delayMs} ms`);
    this.name = "PaceDelay";
    this.delayMs = delayMs;
  }
}

type PacingRedis = Redis & { nfPaceReserve(key: string, interval: number, maxWait: number): Promise<number> };

export interface RedisPacerOptions {
  prefix: string;
  /** Waits up to this long in-process; longer waits throw PaceDelay (the job is delayed). */
  maxWaitMs?: number;
}

export function createRedisPacer(redis: Redis, options: RedisPacerOptions): Pacer {
  if (!("nfPaceReserve" in redis)) redis.defineCommand("nfPaceReserve", { numberOfKeys: 1, lua: RESERVE });
  const r = redis as PacingRedis;
  const maxWait = options.maxWaitMs ?? 5000;
  return async (url, minIntervalMs) => {
    if (minIntervalMs <= 0 || url.startsWith("file:")) return;
    const host = new URL(url).host.toLowerCase();
    const wait = Number(await r.nfPaceReserve(`${options.prefix}:pace:${host}`, minIntervalMs, maxWait));
    if (wait < 0) throw new PaceDelay(host, -wait);
    // +1: timers round to the millisecond and may fire a fraction early.
    if (wait > 0) await new Promise((res) => setTimeout(res, wait + 1));
  };
}
