/**
 * The root logger, made once by the CLI; stages get children through their deps.
 * Pure stages (parse, extract) do not log.
 */
import { type DestinationStream, type Logger, pino } from "pino";
import { redactText, redactUrl } from "./redact.js";

export type { Logger };
/** Credentials in URLs (`postgres://user:secret@host`, `?password=`) never reach a log line. */
export { redactUrl };

const redactString = (u: unknown): unknown => (typeof u === "string" ? redactUrl(u) : u);

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
      url: redactString,
      store: redactString,
      redis: redactString,
      source: redactString,
      // Errors that are not ours (driver, network) may quote a URL too.
      err: (e: unknown) => {
        const out = pino.stdSerializers.err(e as Error) as unknown as Record<string, unknown>;
        for (const k of ["message", "stack"])
          if (typeof out[k] === "string") out[k] = redactText(out[k] as string);
        return out;
      },
    },
    hooks: {
      // The message line itself may name a URL.
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(
          this,
          args.map((a) => (typeof a === "string" ? redactText(a) : a)),
        );
      },
    },
  };
  // Logs go to stderr so that stdout stays clean for JSONL output.
  return destination ? pino(opts, destination) : pino(opts, pino.destination(2));
}
