/**
 * Where the shared evaluation material is. Tests that need it skip with a message when it
 * is absent (a user's clone); CI always has it.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const SHARED_DIR = resolve(
  process.env.NEWSFIGURES_SHARED ?? resolve(import.meta.dirname, "../../../shared"),
);
export const HAS_SHARED = existsSync(resolve(SHARED_DIR, "eval"));
export const SHARED_SKIP_REASON = `shared evaluation data not found at ${SHARED_DIR} (set NEWSFIGURES_SHARED)`;

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED_DIR, ...parts);
}
