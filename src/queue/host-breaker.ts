/**
 * A circuit breaker per host and pipeline run, in Redis so every worker sees it: after
 * `fetch.pauseHostAfter` failed requests to one host in a row (timeouts, refused
 * connections, 5xx, 429), the run's other pages on that host are deferred to the next run
 * instead of asking a host that is down or overloaded again and again. A success resets
 * the count. The pause lasts for the run (at most the pipeline's `run.timeout`); `status`
 * lists paused hosts and why.
 */
import type { Redis } from "ioredis";
import { errorCode } from "../errors.js";
import { classifyError, failureReason } from "./errors.js";

/** How long a pause lasts: the run is over by then (scheduled runs skip the host this long). */
export const HOST_PAUSE_MS = 30 * 60_000;

export interface PausedHost {
  pipeline: string;
  /** The run's id, or `scheduled` for runs of the scheduler. */
  run: string;
  host: string;
  failures: number;
  /** The last failure, `CODE: message`. */
  reason: string;
  since: string;
  until: string;
}

// KEYS[1] count, KEYS[2] paused; ARGV: limit, ttl ms, paused JSON (failures and reason
// filled in here). Returns the count; at the limit the pause is written.
const FAILED = `
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if n >= tonumber(ARGV[1]) and redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
end
return n
`;

/** Why a page was deferred, as a run's report and `status` print it. */
export function pausedReason(p: PausedHost): string {
  return `NF_FETCH_HOST_PAUSED: ${p.host} failed ${p.failures} times in a row in this run (last: ${p.reason}); its pages wait for the next run`;
}

type BreakerRedis = Redis & {
  nfHostFailed(
    count: string,
    paused: string,
    limit: number,
    ttl: number,
    json: string,
  ): Promise<number>;
};

export class HostBreaker {
  private readonly r: BreakerRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    if (!("nfHostFailed" in redis))
      redis.defineCommand("nfHostFailed", { numberOfKeys: 2, lua: FAILED });
    this.r = redis as BreakerRedis;
  }

  private keys(pipeline: string, run: string | null, url: string): [string, string] {
    const scope = `${pipeline}:${run ?? "scheduled"}:${new URL(url).host.toLowerCase()}`;
    return [`${this.prefix}:nf:host-failures:${scope}`, `${this.prefix}:nf:host-paused:${scope}`];
  }

  /** The pause that holds for this URL's host in this run, or null. */
  async paused(pipeline: string, run: string | null, url: string): Promise<PausedHost | null> {
    const raw = await this.r.get(this.keys(pipeline, run, url)[1]);
    return raw ? (JSON.parse(raw) as PausedHost) : null;
  }

  /**
   * Count one failed request when it is the host's failure (a transient fetch error: a
   * store that is down, or a 404, says nothing about the host); true when this one paused
   * the host.
   */
  async failed(
    pipeline: string,
    run: string | null,
    url: string,
    err: unknown,
    limit: number,
    ttlMs = HOST_PAUSE_MS,
  ): Promise<boolean> {
    if (limit <= 0) return false;
    if (classifyError(err) !== "transient" || !errorCode(err).startsWith("NF_FETCH_")) return false;
    const reason = failureReason(err);
    const [count, paused] = this.keys(pipeline, run, url);
    const now = Date.now();
    const entry: PausedHost = {
      pipeline,
      run: run ?? "scheduled",
      host: new URL(url).host.toLowerCase(),
      failures: limit,
      reason,
      since: new Date(now).toISOString(),
      until: new Date(now + ttlMs).toISOString(),
    };
    const n = await this.r.nfHostFailed(count, paused, limit, ttlMs, JSON.stringify(entry));
    return n === limit;
  }

  async succeeded(pipeline: string, run: string | null, url: string): Promise<void> {
    await this.r.del(this.keys(pipeline, run, url)[0]);
  }

  /** Every host paused now, for `status`. */
  async list(): Promise<PausedHost[]> {
    const out: PausedHost[] = [];
    let cursor = "0";
    do {
      const [next, keys] = await this.r.scan(
        cursor,
        "MATCH",
        `${this.prefix}:nf:host-paused:*`,
        "COUNT",
        500,
      );
      cursor = next;
      if (keys.length > 0)
        for (const raw of await this.r.mget(...keys))
          if (raw) out.push(JSON.parse(raw) as PausedHost);
    } while (cursor !== "0");
    return out.sort((a, b) => a.since.localeCompare(b.since));
  }
}
