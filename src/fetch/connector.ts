/**
 * An undici Agent whose every connection goes through the address guard: names are
 * resolved by our `lookup` (which drops blocked addresses and fails when none is left),
 * IP literals are checked before connecting. This runs for each new connection, so every
 * redirect hop to a new origin is checked after DNS, not before (no DNS-rebinding gap
 * between check and connect).
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";
import type { AddressGuard } from "./address-guard.js";
import { FetchErrorCode, fetchError } from "./errors.js";

export interface AgentTimeouts {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

function blockedError(host: string, address: string, reason: string): Error {
  return fetchError(
    FetchErrorCode.blockedAddress,
    `refused to connect to ${host} (${address}): ${reason}; set allowPrivateNetwork only for hosts you trust`,
    { retryable: false, details: { host, address, reason } },
  );
}

/** A `lookup` for net.connect that resolves, then removes addresses the guard refuses. */
export function guardedLookup(guard: AddressGuard): LookupFunction {
  return ((
    hostname: string,
    options: { all?: boolean; family?: number },
    callback: (...args: unknown[]) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) {
        callback(err);
        return;
      }
      const ok = addresses.filter((a) => guard.reasonToBlock(a.address) === null);
      if (ok.length === 0) {
        const first = addresses[0];
        callback(
          blockedError(
            hostname,
            first?.address ?? "?",
            first ? (guard.reasonToBlock(first.address) ?? "") : "no address",
          ),
        );
        return;
      }
      if (options.all) callback(null, ok);
      else callback(null, ok[0]?.address, ok[0]?.family);
    });
  }) as unknown as LookupFunction;
}

export function createGuardedAgent(guard: AddressGuard, t: AgentTimeouts): Agent {
  const base = buildConnector({ timeout: t.connectTimeoutMs, lookup: guardedLookup(guard) });
  const connect: buildConnector.connector = (opts, cb) => {
    const host = opts.hostname.replace(/^\[|\]$/g, "");
    if (isIP(host) !== 0) {
      const reason = guard.reasonToBlock(host);
      if (reason !== null) {
        cb(blockedError(host, host, reason), null);
        return;
      }
    }
    base(opts, cb);
  };
  return new Agent({ connect, headersTimeout: t.headersTimeoutMs, bodyTimeout: t.bodyTimeoutMs });
}
