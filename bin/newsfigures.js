#!/usr/bin/env node
// The published entry point: runs the compiled CLI. `npm ci` builds dist/ through the
// `prepare` script; when it is missing, say how to build it instead of a stack trace.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    "newsfigures: the compiled CLI (dist/) is missing. Run `npm run build` (or `npm ci`) first.\n",
  );
  process.exit(2);
}
await (await import(main.href)).main();
