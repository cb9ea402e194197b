/**
 * The fetch stage (I/O): fetchPage, the SSRF guard, robots.txt, per-host pacing.
 * See fetch-page.ts for the guarantees.
 */

export type { AddressGuard, PrivateNetworkPolicy } from "./address-guard.js";
export { createAddressGuard, embeddedIPv4 } from "./address-guard.js";
export { FetchErrorCode, parseRetryAfter } from "./errors.js";
export type {
  AcceptKind,
  AgentOptions,
  FetchedPage,
  FetchOptions,
  RobotsGate,
} from "./fetch-page.js";
export {
  ACCEPT_TYPES,
  createFetchAgent,
  DEFAULT_USER_AGENT,
  FETCH_DEFAULTS,
  fetchPage,
} from "./fetch-page.js";
export type { RobotsOptions } from "./robots.js";
export { RobotsCache } from "./robots.js";
