/**
 * `newsfigures serve`: a read-only web page and JSON API over one store. Fastify for
 * routing, schema-free handlers (parameters are checked by our zod schemas), and the safety
 * rules in one place: every answer carries a Content-Security-Policy that allows only our
 * own static scripts, no CORS headers are ever sent, only GET and HEAD are routed, and a
 * server bound to loopback answers only requests addressed to loopback (a hostile page
 * cannot reach it through a rebound DNS name).
 */
import Fastify, { type FastifyInstance } from "fastify";
import { isNewsfiguresError, type NewsfiguresError } from "../errors.js";
import { registerApi } from "./api.js";
import { boundedQueueStatus, type RoutedDeps, type ServeDeps } from "./deps.js";
import { errorPage } from "./layout.js";
import { registerPages } from "./pages.js";
import { registerStatic } from "./static.js";
import { statsCache } from "./stats-cache.js";

export interface ServeOptions {
  /** The address to bind; loopback unless the user names another. */
  host: string;
  port: number;
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The status of one of our errors: unknown things 404, a bad request (NF_SERVE_*) 400.
 * Anything else (the store or Redis down, a query failing) is the server's: 503 when trying
 * again may help, else 500.
 */
function statusOf(err: NewsfiguresError): number {
  if (err.code.endsWith("_NOT_FOUND") || err.code === "NF_SERVE_NO_QUEUES") return 404;
  if (err.code.startsWith("NF_SERVE_") && !err.retryable) return 400;
  return err.retryable ? 503 : 500;
}

/** The app without a socket (tests and the bench inject requests into it). */
export async function buildServer(
  deps: ServeDeps,
  bindHost = "127.0.0.1",
): Promise<FastifyInstance> {
  const log = deps.logger?.child({ stage: "serve" });
  const app = Fastify({
    logger: false,
    // A client gets 10 s to send its request; answers may stream for longer.
    requestTimeout: 10_000,
    // Query strings longer than a form can make are not ours.
    routerOptions: { maxParamLength: 500 },
    bodyLimit: 1024,
  });
  const guardHost = isLoopback(bindHost);
  app.addHook("onRequest", async (req, reply) => {
    if (!guardHost) return;
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    if (!isLoopback(host))
      return reply
        .code(421)
        .type("application/json")
        .send({
          code: "NF_SERVE_BAD_HOST",
          message: `this server answers requests for 127.0.0.1 or localhost only, not "${host}"; start it with --host to serve other names`,
        });
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("content-security-policy", CSP);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    reply.header("cross-origin-opener-policy", "same-origin");
    reply.header("cross-origin-resource-policy", "same-origin");
    return payload;
  });
  app.setErrorHandler(async (err, req, reply) => {
    const known = isNewsfiguresError(err);
    const fastifyStatus = (err as { statusCode?: number }).statusCode;
    const status = known
      ? statusOf(err)
      : fastifyStatus && fastifyStatus < 500
        ? fastifyStatus
        : 500;
    const code = known ? err.code : status < 500 ? "NF_SERVE_BAD_REQUEST" : "NF_SERVE_INTERNAL";
    // Our errors are written for users (URLs redacted); anything else is a bug, logged whole
    // and answered without internals.
    const message =
      known || status < 500
        ? (err as Error).message
        : "the server failed to answer; see its log for the error";
    if (status >= 500) log?.error({ err, url: req.url }, "serve: request failed");
    reply.code(status);
    if (req.url.startsWith("/api/")) return reply.type("application/json").send({ code, message });
    return reply.type("text/html; charset=utf-8").send(errorPage(status, code, message).value);
  });
  app.setNotFoundHandler(async (req, reply) => {
    const message = `nothing at ${req.method} ${req.url.split("?")[0]}; this server only reads (GET)`;
    reply.code(404);
    if (req.url.startsWith("/api/"))
      return reply.type("application/json").send({ code: "NF_SERVE_NOT_FOUND", message });
    return reply
      .type("text/html; charset=utf-8")
      .send(errorPage(404, "NF_SERVE_NOT_FOUND", message).value);
  });
  registerStatic(app);
  const read = deps.queueStatus;
  const routed: RoutedDeps = {
    ...deps,
    ...(read ? { queueStatus: () => boundedQueueStatus(read) } : {}),
    stats: statsCache(() => deps.store.stats()),
  };
  registerApi(app, routed);
  registerPages(app, routed);
  await app.ready();
  return app;
}

/**
 * Listen on `host:port` (port 0: any free port).
 *
 * @example
 * const { url, close } = await startServer({ store }, { host: "127.0.0.1", port: 8080 });
 */
export async function startServer(
  deps: ServeDeps,
  options: ServeOptions,
): Promise<{ url: string; address: string; port: number; close: () => Promise<void> }> {
  const app = await buildServer(deps, options.host);
  await app.listen({ host: options.host, port: options.port });
  const addr = app.server.address();
  if (addr === null || typeof addr === "string") throw new Error("serve: no TCP address");
  const shown = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shown}:${addr.port}`,
    address: addr.address,
    port: addr.port,
    close: () => app.close(),
  };
}
