/**
 * All environment reads happen here, parsed by one schema inside a function (never on
 * import). The CLI calls `loadConfig(process.env)` once and passes `Config` down.
 */
import { z } from "zod";
import { NewsfiguresError } from "../errors.js";
import { DEFAULT_USER_AGENT } from "../fetch/user-agent.js";

export const Config = z.object({
  /** `sqlite:PATH` or `postgres://…`. */
  store: z.string().min(1).default("sqlite:./data/newsfigures.db"),
  /** Unset: run inline, in-process, without a queue. */
  redisUrl: z.string().url().nullable().default(null),
  /** Prefix for every BullMQ key; lets several deployments (or test runs) share a Redis. */
  queuePrefix: z.string().min(1).default("newsfigures"),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
  /** `files:` sources of pipelines read only below this folder. */
  filesRoot: z.string().min(1).default("."),
});
export type Config = z.infer<typeof Config>;

/** Environment variables and the config keys they set; listed in the README. */
export const ENV_VARS = {
  NEWSFIGURES_STORE: "store",
  REDIS_URL: "redisUrl",
  NEWSFIGURES_QUEUE_PREFIX: "queuePrefix",
  LOG_LEVEL: "logLevel",
  NEWSFIGURES_USER_AGENT: "userAgent",
  NEWSFIGURES_FILES_ROOT: "filesRoot",
} as const;

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  const raw: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_VARS)) {
    const value = env[name];
    if (value !== undefined && value !== "") raw[key] = value;
  }
  const parsed = Config.safeParse({ ...raw, ...overrides });
  if (!parsed.success) {
    throw new NewsfiguresError(
      "NF_CONFIG_INVALID",
      `Invalid configuration:\n${z.prettifyError(parsed.error)}\nFix the environment variable or flag named above.`,
    );
  }
  return parsed.data;
}
