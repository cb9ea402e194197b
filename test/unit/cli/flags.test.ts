import { describe, expect, it } from "vitest";
import { intFlag, isoDate, oneOf, queueNames, storedTimeBound } from "../../../src/cli/flags.js";
import { isNewsfiguresError } from "../../../src/errors.js";

function badFlagMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(isNewsfiguresError(err) && err.code).toBe("NF_CLI_BAD_FLAG");
    return (err as Error).message;
  }
  throw new Error("no error thrown");
}

describe("flag values", () => {
  it("takes whole numbers within their bounds", () => {
    expect(intFlag("--limit", "50")).toBe(50);
    expect(intFlag("--concurrency", "1000", { max: 1000 })).toBe(1000);
    expect(badFlagMessage(() => intFlag("--limit", "0"))).toBe(
      '--limit "0" must be a whole number of at least 1',
    );
    expect(badFlagMessage(() => intFlag("--concurrency", "1001", { max: 1000 }))).toBe(
      '--concurrency "1001" must be a whole number from 1 to 1000',
    );
    expect(
      badFlagMessage(() =>
        intFlag("--lock-duration", "1.5", { min: 100, max: 3_600_000, unit: "milliseconds" }),
      ),
    ).toBe('--lock-duration "1.5" must be milliseconds from 100 to 3600000');
  });

  it("takes ISO dates only, and puts date-times in the stored UTC form", () => {
    expect(isoDate("--since", "2025-03-03")).toBe("2025-03-03");
    // Date.parse takes "March 3"; compared as text with stored times it would match nothing.
    expect(badFlagMessage(() => isoDate("--since", "March 3"))).toBe(
      '--since "March 3" is not a date; write YYYY-MM-DD',
    );
    expect(storedTimeBound("--since", "2025-03-03")).toBe("2025-03-03");
    expect(storedTimeBound("--since", "2025-03-03T02:00:00+02:00")).toBe(
      "2025-03-03T00:00:00.000Z",
    );
  });

  it("takes one of a list, case-insensitively", () => {
    expect(oneOf("--kind", "Money", ["money", "percent"])).toBe("money");
    expect(badFlagMessage(() => oneOf("--kind", "ratio", ["money", "percent"]))).toBe(
      '--kind "ratio" is not one of: money, percent',
    );
  });

  it("takes comma-separated queue names, every queue when absent", () => {
    expect(queueNames("--queues", undefined)).toEqual(["discover", "fetch", "extract"]);
    expect(queueNames("--queues", "fetch, extract")).toEqual(["fetch", "extract"]);
    expect(badFlagMessage(() => queueNames("--queue", "fetches"))).toBe(
      "--queue: unknown queue(s) fetches; choose from discover, fetch, extract",
    );
    expect(badFlagMessage(() => queueNames("--queues", ","))).toMatch(
      /unknown queue\(s\) \(none\)/,
    );
  });
});
