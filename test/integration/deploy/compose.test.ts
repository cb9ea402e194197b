/**
 * docker-compose.yml as Debian's docker-compose reads it (no Docker engine runs here, so
 * `config` is the check): the file is valid, and each service is set up as the deployment
 * needs. `.ci/run` installs docker-compose when it is missing; elsewhere the test skips
 * with a message.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../../helpers/cli.js";

const probe = spawnSync("docker-compose", ["version"], { encoding: "utf8" });
const HAS_COMPOSE = probe.status === 0;
if (!HAS_COMPOSE)
  console.warn("compose test skipped: docker-compose not found (apt-get install docker-compose)");

interface Service {
  command?: string[];
  container_name?: string;
  ports?: unknown[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  stop_signal?: string;
  volumes?: unknown[];
  environment?: Record<string, string>;
}

describe.skipIf(!HAS_COMPOSE)("docker-compose.yml", () => {
  const run = spawnSync("docker-compose", ["-f", "docker-compose.yml", "config"], {
    cwd: ROOT,
    encoding: "utf8",
    // Only the defaults in the file, whatever .env a developer keeps.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
  });
  const config = (run.status === 0 ? parse(run.stdout) : { services: {} }) as {
    services: Record<string, Service>;
  };
  const svc = (name: string): Service => config.services[name] ?? {};

  it("is valid for docker-compose config", () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(Object.keys(config.services).sort()).toEqual(
      ["migrate", "postgres", "redis", "scheduler", "worker"].sort(),
    );
    expect(existsSync(resolve(ROOT, "Dockerfile"))).toBe(true);
  });

  it("keeps every Redis write and never evicts a key", () => {
    const cmd = svc("redis").command?.join(" ") ?? "";
    expect(cmd).toMatch(/--appendonly yes/);
    expect(cmd).toMatch(/--maxmemory-policy noeviction/);
    expect(svc("redis").volumes).toHaveLength(1);
    expect(svc("redis").healthcheck?.test).toContain("ping");
  });

  it("gives PostgreSQL a volume and a health check", () => {
    expect(svc("postgres").volumes).toHaveLength(1);
    expect(svc("postgres").healthcheck?.test.join(" ")).toMatch(/pg_isready/);
  });

  it("migrates once before the scheduler and the workers start", () => {
    expect(svc("migrate").command).toEqual(["migrate"]);
    expect(svc("migrate").restart).toBe("no");
    expect(svc("migrate").depends_on?.postgres?.condition).toBe("service_healthy");
    for (const s of ["scheduler", "worker"])
      expect(svc(s).depends_on?.migrate?.condition).toBe("service_completed_successfully");
    expect(svc("scheduler").command?.[0]).toBe("schedule");
  });

  it("lets workers scale (no fixed name, no host ports) and drain on SIGTERM", () => {
    const w = svc("worker");
    expect(w.command?.[0]).toBe("worker");
    expect(w.container_name).toBeUndefined();
    expect(w.ports).toBeUndefined();
    expect(w.stop_signal).toBe("SIGTERM");
    expect(w.environment?.REDIS_URL).toBe("redis://redis:6379");
    expect(w.environment?.NEWSFIGURES_STORE).toMatch(/^postgres:\/\/.*@postgres:5432\//);
  });
});
