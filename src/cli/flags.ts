/**
 * Flag values checked once for every command: each error is NF_CLI_BAD_FLAG and names
 * the flag and the value given, so a typo never runs a command that silently does nothing.
 */
import { NewsfiguresError } from "../errors.js";
import { QUEUE_NAMES, type QueueName } from "../queue/queue-names.js";

function badFlag(message: string): NewsfiguresError {
  return new NewsfiguresError("NF_CLI_BAD_FLAG", message);
}

/** A whole number from `min` to `max`; `unit` names what it counts in the error. */
export function intFlag(
  flag: string,
  value: string,
  { min = 1, max, unit = "a whole number" }: { min?: number; max?: number; unit?: string } = {},
): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || (max !== undefined && n > max))
    throw badFlag(
      `${flag} "${value}" must be ${unit} ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}`,
    );
  return n;
}

/** A YYYY-MM-DD date or an ISO date-time, kept as written. */
export function isoDate(flag: string, value: string): string {
  if (
    !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ||
    Number.isNaN(Date.parse(value))
  )
    throw badFlag(`${flag} "${value}" is not a date; write YYYY-MM-DD`);
  return value;
}

/**
 * An ISO date, or a date-time turned into UTC ISO form: stored times are UTC ISO strings
 * compared as text, so an offset must be applied before the comparison.
 */
export function storedTimeBound(flag: string, value: string): string {
  const d = isoDate(flag, value);
  return d.includes("T") ? new Date(d).toISOString() : d;
}

/** One of `allowed`, case-insensitive; returned lower-cased. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const v = value.toLowerCase();
  if (!(allowed as readonly string[]).includes(v))
    throw badFlag(`${flag} "${value}" is not one of: ${allowed.join(", ")}`);
  return v as T;
}

/** Comma-separated queue names (at least one); absent: every queue. */
export function queueNames(flag: string, value: string | undefined): QueueName[] {
  if (value === undefined) return [...QUEUE_NAMES];
  const names = value
    .split(",")
    .map((q) => q.trim())
    .filter(Boolean);
  const bad = names.filter((q) => !(QUEUE_NAMES as readonly string[]).includes(q));
  if (bad.length > 0 || names.length === 0)
    throw badFlag(
      `${flag}: unknown queue(s) ${bad.join(", ") || "(none)"}; choose from ${QUEUE_NAMES.join(", ")}`,
    );
  return names as QueueName[];
}
