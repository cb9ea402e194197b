import { describe, expect, it } from "vitest";
import { createLocalPacer } from "../../../src/pipeline/local-pacer.js";

describe("createLocalPacer", () => {
  it("spaces requests to one host and leaves other hosts alone", async () => {
    const pacer = createLocalPacer();
    const t0 = Date.now();
    await pacer.pace("https://a.example.test/1", 150);
    await pacer.pace("https://b.example.test/1", 150);
    expect(Date.now() - t0).toBeLessThan(100);
    await pacer.pace("https://a.example.test/2", 150);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });
});
