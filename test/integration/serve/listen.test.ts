/**
 * `newsfigures serve` listens on loopback only unless --host names another address: run
 * the built CLI on port 0, then try to reach it from this machine's own non-loopback
 * address (refused), and again with --host 0.0.0.0 (answered). Stops on SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT } from "../../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "nf-serve-listen-"));
const store = `sqlite:${join(dir, "s.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** This machine's first non-loopback IPv4 address, if it has one. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

function serve(args: string[]): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [BIN, "serve", "--store", store, "--port", "0", ...args], {
    cwd: ROOT,
    env: { ...process.env, REDIS_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (d) => (err += d));
    child.stdout?.on("data", (d) => {
      out += d;
      const m = /at (http:\/\/\S+)\n/.exec(out);
      if (m?.[1]) resolve({ child, url: new URL(m[1]) });
    });
    child.on("exit", (code) =>
      reject(new Error(`serve exited (${code}) before listening: ${err}`)),
    );
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    s.setTimeout(2000, () => {
      s.destroy();
      resolve(false);
    });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

describe("newsfigures serve binding", () => {
  it("binds 127.0.0.1 by default: reachable on loopback, refused on the machine's other address", async () => {
    const { child, url } = await serve([]);
    try {
      expect(url.hostname).toBe("127.0.0.1");
      const port = Number(url.port);
      expect(await reachable("127.0.0.1", port)).toBe(true);
      if (outside === undefined)
        console.warn("no non-loopback IPv4 address here; checked loopback only");
      else expect(await reachable(outside, port)).toBe(false);
      const res = await fetch(new URL("/api/stats", url));
      expect(res.status).toBe(200);
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it.skipIf(outside === undefined)(
    "listens on every address when --host 0.0.0.0 says so",
    async () => {
      const { child, url } = await serve(["--host", "0.0.0.0"]);
      try {
        const port = Number(url.port);
        expect(await reachable(outside as string, port)).toBe(true);
        // Named another host on purpose, so requests by that address are answered.
        const res = await fetch(`http://${outside}:${port}/api/stats`);
        expect(res.status).toBe(200);
      } finally {
        expect(await stop(child)).toBe(0);
      }
    },
  );

  it("refuses a port that is not a number", async () => {
    await expect(serve(["--port", "eighty"])).rejects.toThrow(/NF_CLI_BAD_FLAG/);
  });
});
