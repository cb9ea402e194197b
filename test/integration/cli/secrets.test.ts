/**
 * A store URL's password, however it is written, never reaches the output or the logs:
 * `user:pass@` with `/`, `#` or `?` in the password, and `?password=` in the query.
 */
import { Writable } from "node:stream";
import { afterAll, describe, expect, inject, it } from "vitest";
import { NewsfiguresError } from "../../../src/errors.js";
import { createLogger, redactUrl } from "../../../src/log.js";
import { createStore, dropPostgresSchema } from "../../../src/store/index.js";
import { runCli } from "../../helpers/cli.js";

const SECRET = "hunter2zz";

describe("secrets in URLs", () => {
  const schema = `nf_${inject("runId")}_secrets`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  afterAll(() => dropPostgresSchema(inject("databaseUrl"), schema));

  it("masks user:pass@ whatever the password holds, and password-like parameters", () => {
    expect(redactUrl(`postgres://app:${SECRET}@db:5432/news`)).toBe(
      "postgres://app:***@db:5432/news",
    );
    expect(redactUrl(`postgres://app:a/b#c?d@${SECRET.length}.0.0.1/news`)).toBe(
      "postgres://app:***@9.0.0.1/news",
    );
    expect(redactUrl(`postgres://db/news?schema=x&password=${SECRET}&sslmode=require`)).toBe(
      "postgres://db/news?schema=x&password=***&sslmode=require",
    );
    expect(redactUrl(`https://feeds.example/rss?api_key=${SECRET}#top`)).toBe(
      "https://feeds.example/rss?api_key=***#top",
    );
    // Nothing secret: unchanged.
    expect(redactUrl("https://example.com/a/@user?page=2")).toBe(
      "https://example.com/a/@user?page=2",
    );
  });

  it("keeps them out of NF_STORE_BAD_URL and of any error message", () => {
    let caught: unknown;
    try {
      createStore(`postgres://app:pa/ss#${SECRET}?x@db:notaport/news`);
    } catch (err) {
      caught = err;
    }
    expect((caught as NewsfiguresError).code).toBe("NF_STORE_BAD_URL");
    expect((caught as Error).message).not.toContain(SECRET);
    expect((caught as Error).message).not.toContain("pa/ss");
    const e = new NewsfiguresError(
      "NF_SOURCE_BAD_FEED",
      `cannot read https://x.test/feed?token=${SECRET}`,
    );
    expect(e.message).toBe("cannot read https://x.test/feed?token=***");
  });

  it("keeps them out of log lines: fields, messages and errors", () => {
    let out = "";
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const log = createLogger({ level: "info" }, sink);
    const url = `postgres://u@db/news?password=${SECRET}`;
    log.info({ url, store: url }, `opened ${url}`);
    log.warn({ err: new Error(`connect to ${url} failed`) }, "store down");
    expect(out).toContain("password=***");
    expect(out).not.toContain(SECRET);
  });

  it("never prints ?password= from the CLI (ingest summary, migrate, JSON)", async () => {
    const u = new URL(inject("databaseUrl"));
    u.searchParams.set("schema", schema);
    u.searchParams.set("password", SECRET);
    const store = u.toString();
    const runs = [
      await runCli(["migrate", "--store", store]),
      await runCli(["ingest", "fixtures/acquisition-deal.txt", "--store", store]),
      await runCli([
        "ingest",
        "fixtures/acquisition-deal.txt",
        "--store",
        store,
        "--format",
        "json",
      ]),
      await runCli(["query", "--store", `${store}&port=notaport`]),
    ];
    for (const r of runs) {
      expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);
    }
    expect(runs[1]?.code).toBe(0);
    expect(runs[1]?.stdout).toContain("password=***");
  }, 60_000);
});
