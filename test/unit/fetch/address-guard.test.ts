import { describe, expect, it } from "vitest";
import { createAddressGuard, embeddedIPv4 } from "../../../src/fetch/address-guard.js";
import { parseRetryAfter } from "../../../src/fetch/errors.js";

describe("address guard", () => {
  const strict = createAddressGuard(false);
  const open = createAddressGuard(true);
  const listed = createAddressGuard(["127.0.0.0/8"]);

  it.each([
    "127.0.0.1",
    "10.0.0.5",
    "172.16.3.4",
    "192.168.1.1",
    "100.64.0.1",
    "169.254.169.254",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fd12:3456::1",
    "fc00::1",
    "fe80::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:0:7f00:1",
    "::ffff:a9fe:a9fe",
    "64:ff9b::7f00:1",
    "fd00:ec2::254",
    "[::1]",
  ])("refuses %s by default", (a) => {
    expect(strict.reasonToBlock(a)).not.toBeNull();
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700::1111"])("allows public %s", (a) => {
    expect(strict.reasonToBlock(a)).toBeNull();
  });

  it("allowPrivateNetwork: true opens loopback and private ranges, never link-local or metadata", () => {
    for (const a of ["127.0.0.1", "10.0.0.5", "192.168.1.1", "::1", "fd12::1", "::ffff:10.0.0.1"])
      expect(open.reasonToBlock(a), a).toBeNull();
    for (const a of [
      "169.254.169.254",
      "fe80::1",
      "fd00:ec2::254",
      "::ffff:169.254.169.254",
      "224.0.0.1",
    ])
      expect(open.reasonToBlock(a), a).not.toBeNull();
  });

  it.each([
    "::ffff:8.8.8.8", // IPv4-mapped: a translator would reach the IPv4 host
    "::ffff:0:808:808", // IPv4-translated (SIIT)
    "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
    "2001::1",
  ])(
    "refuses %s, an IPv6 form that reaches an IPv4 host, even when the IPv4 address is public",
    (a) => {
      expect(strict.reasonToBlock(a)).not.toBeNull();
      expect(open.reasonToBlock(a)).not.toBeNull();
    },
  );

  it.each(["100.100.100.200", "169.254.169.254", "::ffff:100.100.100.200", "fd00:ec2::254"])(
    "never allows the cloud metadata address %s, whatever the policy",
    (a) => {
      expect(open.reasonToBlock(a)).not.toBeNull();
      expect(createAddressGuard(["0.0.0.0/0", "::/0"]).reasonToBlock(a)).not.toBeNull();
    },
  );

  it("a CIDR list opens exactly those ranges", () => {
    expect(listed.reasonToBlock("127.0.0.1")).toBeNull();
    expect(listed.reasonToBlock("127.255.0.9")).toBeNull();
    for (const a of ["10.0.0.5", "192.168.1.1", "::1", "169.254.169.254"])
      expect(listed.reasonToBlock(a), a).not.toBeNull();
  });

  it("rejects a malformed CIDR as a setup error", () => {
    expect(() => createAddressGuard(["not-a-cidr"])).toThrow(/not a CIDR/);
  });

  it("finds IPv4 inside IPv6 forms", () => {
    expect(embeddedIPv4("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(embeddedIPv4("::ffff:7f00:1")).toBe("127.0.0.1");
    expect(embeddedIPv4("64:ff9b::a00:1")).toBe("10.0.0.1");
    expect(embeddedIPv4("2606:4700::1111")).toBeNull();
  });
});

describe("Retry-After", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("30")).toBe(30_000);
    expect(
      parseRetryAfter("Wed, 25 Nov 2026 06:01:00 GMT", Date.parse("2026-11-25T06:00:00Z")),
    ).toBe(60_000);
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
