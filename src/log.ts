/**
 * The root logger, made once by the CLI; stages get children through their deps.
 * Pure stages (parse, extract) do not log.
 */
import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger };

/** Credentials in URLs (`postgres://user:secret@host`) never reach a log line. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i, (_m, scheme: string, cred: string) =>
    cred.includes(":") ? `${scheme}${cred.split(":")[0]}:***@` : `${scheme}${cred}@`,
  );
}

export function createLogger(
  options: { level?: string; name?: string } = {},
  destination?: DestinationStream,
): Logger {
  const opts = {
    name: options.name ?? "newsfigures",
    level: options.level ?? "info",
    redact: {
      paths: [
        "password",
        "*.password",
        "headers.authorization",
        "headers.cookie",
        "*.headers.authorization",
      ],
      censor: "***",
    },
    serializers: {
      url: (u: unknown) => (typeof u === "string" ? redactUrl(u) : u),
      store: (u: unknown) => (typeof u === "string" ? redactUrl(u) : u),
    },
  };
  // Logs go to stderr so that stdout stays clean for JSONL output.
  return destination ? pino(opts, destination) : pino(opts, pino.destination(2));
}
