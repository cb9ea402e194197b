/**
 * Per-host pacing shared by every worker on every machine (BullMQ's open-source edition
 * has no per-group limit). One Redis key per host holds the earliest time the next
 * request may start. A Lua script reads Redis's clock (so workers' clocks do not matter)
 * and takes the turn only when it is due, at the moment the caller is about to send: a
 * turn reserved ahead and slept on would let a late timer (an event loop busy with
 * extraction) squeeze two requests closer than the interval.
 *
 * A job whose host is not free within `maxWaitMs` does not hold its worker slot (other
 * hosts' jobs need it): it reserves a place in the host's line (a second key, the end of
 * the line) and is delayed until then, when it asks for the turn again. So N jobs for a
 * slow host wake about one interval apart instead of all at once.
 */
import { subscribe } from "node:diagnostics_channel";
import type { Redis } from "ioredis";
import type { Pacer } from "../pipeline/deps.js";

// KEYS[1] pace key; ARGV[1] interval ms. Returns 0 when the turn is taken (send now),
// else the ms until the host is next free (wait that long and ask again).
const TAKE_TURN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
if now >= nxt then
  local interval = tonumber(ARGV[1])
  redis.call('SET', KEYS[1], now + interval, 'PX', interval + 60000)
  return 0
end
return nxt - now
`;

// KEYS[1] pace key, KEYS[2] line key; ARGV[1] interval ms. Returns the ms until the
// caller's place in the host's line, and moves the end of the line one interval on.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
local slot = math.max(now, nxt, last)
redis.call('SET', KEYS[2], slot + interval, 'PX', slot + interval - now + 60000)
return slot - now
`;

// KEYS[1] pace key; ARGV[1] interval ms. The next turn is at least an interval from now.
const SETTLE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
if now + interval > nxt then redis.call('SET', KEYS[1], now + interval, 'PX', interval + 60000) end
return 0
`;

/** Thrown by the Redis pacer when the host stays busy too long to wait in-process. */
export class PaceDelay extends Error {
  readonly delayMs: number;
  constructor(host: string, delayMs: number) {
    super(`host ${host} is paced; next turn in ${delayMs} ms`);
    this.name = "PaceDelay";
    this.delayMs = delayMs;
  }
}

type PacingRedis = Redis & {
  nfPaceTurn(key: string, interval: number): Promise<number>;
  nfPaceReserve(key: string, line: string, interval: number): Promise<number>;
  nfPaceSettle(key: string, interval: number): Promise<number>;
};

export interface RedisPacerOptions {
  prefix: string;
  /** Waits up to this long in-process (default 1 s); longer waits throw PaceDelay (the job is delayed). */
  maxWaitMs?: number;
}

/**
 * Requests that took a turn and have not gone out yet, by `origin + path`. undici
 * announces on a diagnostics channel the moment a request's headers are written to the
 * socket; the turn is settled right then, so the host's next turn counts from when the
 * request really left, however long the event loop made it wait.
 */
const waitingToSend = new Map<string, Array<() => void>>();
let listening = false;

function onSent(url: string, settle: () => void): void {
  const u = new URL(url);
  const key = `${u.origin}${u.pathname}${u.search}`;
  const list = waitingToSend.get(key) ?? [];
  list.push(settle);
  waitingToSend.set(key, list);
  if (listening) return;
  listening = true;
  subscribe("undici:client:sendHeaders", (message) => {
    const req = (message as { request?: { origin?: unknown; path?: unknown } }).request;
    if (!req || typeof req.path !== "string") return;
    const k = `${String(req.origin).replace(/\/$/, "")}${req.path}`;
    const waiting = waitingToSend.get(k);
    const first = waiting?.shift();
    if (waiting && waiting.length === 0) waitingToSend.delete(k);
    first?.();
  });
}

function forgetSent(url: string): void {
  const u = new URL(url);
  const key = `${u.origin}${u.pathname}${u.search}`;
  const list = waitingToSend.get(key);
  list?.shift();
  if (list && list.length === 0) waitingToSend.delete(key);
}

export function createRedisPacer(redis: Redis, options: RedisPacerOptions): Pacer {
  if (!("nfPaceTurn" in redis)) {
    redis.defineCommand("nfPaceTurn", { numberOfKeys: 1, lua: TAKE_TURN });
    redis.defineCommand("nfPaceSettle", { numberOfKeys: 1, lua: SETTLE });
    redis.defineCommand("nfPaceReserve", { numberOfKeys: 2, lua: RESERVE });
  }
  const r = redis as PacingRedis;
  const maxWait = options.maxWaitMs ?? 1000;
  const keyOf = (url: string) => `${options.prefix}:pace:${new URL(url).host.toLowerCase()}`;
  const pace = async (url: string, minIntervalMs: number, waitMs = maxWait): Promise<void> => {
    // Asked even with no interval: a Retry-After may have pushed the host's turn ahead.
    if (url.startsWith("file:")) return;
    const host = new URL(url).host.toLowerCase();
    const key = keyOf(url);
    const started = Date.now();
    for (;;) {
      const wait = Number(await r.nfPaceTurn(key, minIntervalMs));
      if (wait <= 0) {
        if (minIntervalMs > 0)
          onSent(url, () => void r.nfPaceSettle(key, minIntervalMs).catch(() => {}));
        return;
      }
      if (Date.now() - started + wait > waitMs) {
        const place = Number(await r.nfPaceReserve(key, `${key}:line`, minIntervalMs));
        throw new PaceDelay(host, Math.max(wait, place) + Math.floor(Math.random() * 3));
      }
      // A little jitter so waiters on one host do not all wake in the same millisecond.
      await new Promise((res) => setTimeout(res, wait + Math.floor(Math.random() * 3)));
    }
  };
  return {
    pace,
    async settle(url, minIntervalMs) {
      if (url.startsWith("file:")) return;
      // Not sent at all (robots refused, bad address): drop the pending hook.
      forgetSent(url);
      if (minIntervalMs <= 0) return;
      await r.nfPaceSettle(keyOf(url), minIntervalMs);
    },
  };
}
