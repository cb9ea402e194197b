/**
 * The fetch stage (I/O): fetchPage, the SSRF guard, robots.txt, per-host pacing.
 * See fetch-page.ts for the guarantees.
 */
export { fetchPage, createFetchAgent, DEFAULT_USER_AGENT, FETCH_DEFAULTS, ACCEPT_TYPES } from "./fetch-page.js";
export type { FetchOptions, FetchedPage, AcceptKind, AgentOptions } from "./fetch-page.js";
export { RobotsCache } from "./robots.js";
export type { RobotsOptions } from "./robots.js";
export { createAddressGuard, embeddedIPv4 } from "./address-guard.js";
export type { AddressGuard, PrivateNetworkPolicy } from "./address-guard.js";
export { FetchErrorCode, parseRetryAfter } from "./errors.js";
export { HostPacer } from "./host-pacer.js";
