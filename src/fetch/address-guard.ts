/**
 * SSRF guard: which IP addresses a fetch may connect to. Checked at connect time, after
 * DNS, on every hop (see connector.ts), so a public name that resolves to a private
 * address, a redirect to one, and literal forms (dotted, decimal-integer, hex, IPv4-mapped
 * IPv6) are all caught. The WHATWG URL parser already turns `http://2130706433/` and
 * `http://0x7f.1/` into 127.0.0.1; this module turns `::ffff:7f00:1` back into IPv4.
 */
import { BlockList, isIP } from "node:net";

/** Never reachable: special-purpose ranges (RFC 6890 and friends). */
const BLOCKED_V4: Array<[string, number]> = [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];
const BLOCKED_V6: Array<[string, number]> = [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["::", 96], // IPv4-compatible (deprecated)
  ["64:ff9b::", 96], // NAT64 (embeds IPv4)
  ["64:ff9b:1::", 48], // local NAT64
  ["100::", 64], // discard
  ["2001::", 32], // Teredo (embeds an IPv4 server and client)
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4 (embeds IPv4)
  ["fc00::", 7], // unique local (ULA)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
];

/**
 * IPv6 forms of IPv4 addresses (mapped ::ffff:0:0/96, translated ::ffff:0:0:0/96): a
 * translator would reach the IPv4 host. Kept out of BLOCKED because node's BlockList
 * matches plain IPv4 addresses against IPv4-mapped rules; checked for IPv6 input only.
 */
const TRANSLATED = new BlockList();
TRANSLATED.addSubnet("::ffff:0:0", 96, "ipv6");
TRANSLATED.addSubnet("::ffff:0:0:0", 96, "ipv6");

/** Reachable with `allowPrivateNetwork: true`: loopback and private ranges. */
const PRIVATE_V4: Array<[string, number]> = [
  ["127.0.0.0", 8],
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["100.64.0.0", 10],
];
const PRIVATE_V6: Array<[string, number]> = [
  ["::1", 128],
  ["fc00::", 7],
];

/**
 * Never reachable, whatever is allowed: link-local (AWS, GCP, Azure, Oracle metadata at
 * 169.254.169.254) and the cloud metadata endpoints outside it (Alibaba 100.100.100.200,
 * AWS's IPv6 fd00:ec2::254).
 */
const NEVER_V4: Array<[string, number]> = [
  ["169.254.0.0", 16],
  ["100.100.100.200", 32],
];
const NEVER_V6: Array<[string, number]> = [
  ["fe80::", 10],
  ["fd00:ec2::254", 128],
];

function blockList(v4: Array<[string, number]>, v6: Array<[string, number]>): BlockList {
  const b = new BlockList();
  for (const [a, p] of v4) b.addSubnet(a, p, "ipv4");
  for (const [a, p] of v6) b.addSubnet(a, p, "ipv6");
  return b;
}

const BLOCKED = blockList(BLOCKED_V4, BLOCKED_V6);
const PRIVATE = blockList(PRIVATE_V4, PRIVATE_V6);
const NEVER = blockList(NEVER_V4, NEVER_V6);

/** `true`: loopback and private ranges; a list: exactly those CIDRs; `false`: none. */
export type PrivateNetworkPolicy = boolean | readonly string[];

/** Expand an IPv6 text to its 8 groups, or null. */
function groupsOf(v6: string): number[] | null {
  let s = v6.toLowerCase();
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  // Dotted tail (::ffff:1.2.3.4) -> two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted?.[1]) {
    const p = dotted[1].split(".").map(Number);
    s = `${s.slice(0, -dotted[1].length)}${(((p[0] ?? 0) << 8) | (p[1] ?? 0)).toString(16)}:${(((p[2] ?? 0) << 8) | (p[3] ?? 0)).toString(16)}`;
  }
  const [head, tail] = s.split("::") as [string, string | undefined];
  const h = head === "" ? [] : head.split(":");
  const t = tail === undefined || tail === "" ? [] : tail.split(":");
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  if (fill < 0) return null;
  const all = [...h, ...Array(fill).fill("0"), ...t].map((g) => Number.parseInt(g, 16));
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? all
    : null;
}

/** The IPv4 address an IPv6 address stands for (IPv4-mapped, -compatible, NAT64, 6to4), or null. */
export function embeddedIPv4(v6: string): string | null {
  const g = groupsOf(v6);
  if (!g) return null;
  const v4 = (hi: number, lo: number): string => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeros(5) && g[5] === 0xffff) return v4(g[6] as number, g[7] as number); // ::ffff:a.b.c.d
  if (zeros(4) && g[4] === 0xffff && g[5] === 0) return v4(g[6] as number, g[7] as number); // ::ffff:0:a.b.c.d
  if (zeros(6) && ((g[6] as number) !== 0 || (g[7] as number) > 1))
    return v4(g[6] as number, g[7] as number); // ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return v4(g[6] as number, g[7] as number);
  if (g[0] === 0x2002) return v4(g[1] as number, g[2] as number);
  return null;
}

function parseCidr(cidr: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } {
  const [address = "", bits] = cidr.trim().split("/");
  const fam = isIP(address);
  if (fam === 0)
    throw new Error(`"${cidr}" is not a CIDR; write e.g. "127.0.0.0/8" or "fd12::/16"`);
  const prefix = bits === undefined ? (fam === 4 ? 32 : 128) : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > (fam === 4 ? 32 : 128))
    throw new Error(`"${cidr}": bad prefix length`);
  return { address, prefix, family: fam === 4 ? "ipv4" : "ipv6" };
}

export interface AddressGuard {
  /** Why the address may not be used, or null when it may. */
  reasonToBlock(address: string): string | null;
}

/** Build the guard for a policy. Throws (a setup error) on a malformed CIDR. */
export function createAddressGuard(policy: PrivateNetworkPolicy = false): AddressGuard {
  let allowed: BlockList | null = null;
  if (policy === true) allowed = PRIVATE;
  else if (Array.isArray(policy)) {
    allowed = new BlockList();
    for (const c of policy) {
      const { address, prefix, family } = parseCidr(c);
      allowed.addSubnet(address, prefix, family);
    }
  }
  const check = (address: string, family: "ipv4" | "ipv6"): string | null => {
    if (NEVER.check(address, family)) return "link-local or cloud-metadata address";
    if (!BLOCKED.check(address, family)) return null;
    if (allowed?.check(address, family)) return null;
    return "private, loopback or special-purpose address";
  };
  return {
    reasonToBlock(raw: string): string | null {
      const address = raw.replace(/^\[|\]$/g, "");
      const fam = isIP(address);
      if (fam === 4) return check(address, "ipv4");
      if (fam === 6) {
        const v4 = embeddedIPv4(address);
        if (v4 !== null) {
          const r = check(v4, "ipv4");
          if (r !== null) return `${r} (embedded in ${address})`;
          // An IPv4 address the policy opened may be written in an IPv6 form too.
          if (BLOCKED.check(v4, "ipv4")) return null;
        }
        if (TRANSLATED.check(address, "ipv6"))
          return `IPv6 form of an IPv4 address (${address}); use the IPv4 address`;
        return check(address, "ipv6");
      }
      return "not an IP address";
    },
  };
}
