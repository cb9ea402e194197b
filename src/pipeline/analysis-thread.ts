/**
 * A worker thread of the analysis pool: takes page tasks, answers with the analysis or the
 * error (code and message; NewsfiguresError does not survive structured cloning as itself).
 */
import { parentPort } from "node:worker_threads";
import { analysePage, type PageTask } from "./analyse-page.js";

parentPort?.on("message", async (task: PageTask) => {
  try {
    parentPort?.postMessage({ ok: await analysePage(task) });
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown; retryable?: unknown };
    parentPort?.postMessage({
      error: {
        code: typeof e.code === "string" ? e.code : null,
        message: String(e.message ?? err),
        retryable: e.retryable === true,
      },
    });
  }
});
