import { describe, expect, it } from "vitest";
import { HostPacer } from "../../../src/fetch/index.js";

describe("HostPacer", () => {
  it("spaces requests to one host and leaves other hosts alone", async () => {
    const pacer = new HostPacer();
    const t0 = Date.now();
    await pacer.wait("https://a.example.test/1", 150);
    await pacer.wait("https://b.example.test/1", 150);
    expect(Date.now() - t0).toBeLessThan(100);
    await pacer.wait("https://a.example.test/2", 150);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });
});
