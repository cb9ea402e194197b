/**
 * The page's static files: our stylesheet and script (web/), uPlot's build, and one
 * stylesheet of metric colours made from the model's metric list. Read once at start;
 * served with their types so `nosniff` holds. No other file on disk is reachable.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { Metric } from "../model/index.js";

const require = createRequire(import.meta.url);
/** web/ beside src/ and dist/: both this file and its build are two folders below the root. */
const WEB = fileURLToPath(new URL("../../web/", import.meta.url));

interface Asset {
  type: string;
  body: string;
}

/** Golden-angle hues: neighbouring metrics get far-apart colours. */
export function metricHue(metric: string): number {
  const i = Math.max(0, Metric.options.indexOf(metric as Metric));
  return Math.round((i * 137.508) % 360);
}

function metricCss(): string {
  return Metric.options
    .map((m) => `.m-${m}{--c:hsl(${metricHue(m)} 70% 38%);--bg:hsl(${metricHue(m)} 85% 88%)}`)
    .join("\n");
}

function assets(): Map<string, Asset> {
  const js = "text/javascript; charset=utf-8";
  const css = "text/css; charset=utf-8";
  return new Map<string, Asset>([
    ["app.js", { type: js, body: readFileSync(`${WEB}app.js`, "utf8") }],
    ["app.css", { type: css, body: readFileSync(`${WEB}app.css`, "utf8") }],
    ["metrics.css", { type: css, body: metricCss() }],
    [
      "uplot.js",
      { type: js, body: readFileSync(require.resolve("uplot/dist/uPlot.iife.min.js"), "utf8") },
    ],
    [
      "uplot.css",
      { type: css, body: readFileSync(require.resolve("uplot/dist/uPlot.min.css"), "utf8") },
    ],
  ]);
}

export function registerStatic(app: FastifyInstance): void {
  const files = assets();
  app.get<{ Params: { name: string } }>("/static/:name", async (req, reply) => {
    const file = files.get(req.params.name);
    if (file === undefined) return reply.callNotFound();
    return reply.type(file.type).header("cache-control", "no-cache").send(file.body);
  });
}
