/**
 * One error type for the whole project. Callers branch on `code` (`NF_<AREA>_<WHAT>`),
 * never on the message; `retryable` tells the queue edge whether trying again can help.
 * Messages name the bad value and what to do about it.
 */
import { redactText } from "./redact.js";

export interface ErrorOptions {
  cause?: unknown;
  retryable?: boolean;
  details?: Record<string, unknown>;
}

export class NewsfiguresError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: ErrorOptions = {}) {
    // Messages name URLs (stores, feeds, pages): their secrets never leave in one.
    super(redactText(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "NewsfiguresError";
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      details: this.details,
    };
  }
}

export function isNewsfiguresError(err: unknown): err is NewsfiguresError {
  return err instanceof NewsfiguresError;
}

/** A short, single-line description of any thrown value, for reports and logs. */
export function describeError(err: unknown): string {
  if (err instanceof NewsfiguresError) return `${err.code}: ${err.message}`;
  if (err instanceof Error) return err.message;
  return String(err);
}
