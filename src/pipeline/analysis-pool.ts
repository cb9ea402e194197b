/**
 * Parse and extract off the event loop: a small pool of worker threads, one page at a
 * time each, every page under a time limit. The queue worker's event loop stays free to
 * renew its jobs' locks and serve its other jobs while a thread works; a page over its
 * limit has its thread terminated (and replaced) and fails with NF_EXTRACT_TIMEOUT, which
 * is permanent: the same page would take as long again. See
 * docs/decisions/0008-page-analysis-in-worker-threads.md.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { isErrorCode, NewsfiguresError } from "../errors.js";
import type { AnalysedPage, PageAnalyser, PageTask } from "./analyse-page.js";

/** Per page; a 5 MB page of ordinary news takes about 4 s, one dense with figures about 25 s. */
export const DEFAULT_PAGE_TIME_LIMIT_MS = 60_000;

export interface AnalysisPoolOptions {
  /** Threads (default: the cores, at most 4). */
  size?: number;
  pageTimeLimitMs?: number;
}

export interface AnalysisPool {
  analyse: PageAnalyser;
  close(): Promise<void>;
}

interface Waiting {
  task: PageTask;
  resolve: (page: AnalysedPage) => void;
  reject: (err: Error) => void;
}

/** The thread's script: beside this module in dist/; from src/ (tests) the built one. */
function threadScript(): URL {
  const here = new URL("./analysis-thread.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = new URL("../../dist/pipeline/analysis-thread.js", import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new NewsfiguresError(
    "NF_WORKER_NOT_BUILT",
    `${fileURLToPath(built)} is missing; run npm run build`,
  );
}

export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  const size = Math.max(1, options.size ?? Math.min(4, availableParallelism()));
  const limitMs = options.pageTimeLimitMs ?? DEFAULT_PAGE_TIME_LIMIT_MS;
  const script = threadScript();
  const idle: Worker[] = [];
  const queue: Waiting[] = [];
  let threads = 0;
  let closed = false;

  const spawn = (): void => {
    const w = new Worker(script);
    // A thread that dies outside a task is replaced by the next task that needs one.
    w.on("error", () => {});
    w.unref();
    threads++;
    idle.push(w);
  };

  const run = (w: Worker, job: Waiting): void => {
    let done = false;
    const finish = (keep: boolean): void => {
      done = true;
      clearTimeout(timer);
      w.removeAllListeners("message");
      w.removeAllListeners("exit");
      if (keep && !closed) idle.push(w);
      else {
        threads--;
        if (keep) void w.terminate();
      }
      next();
    };
    const timer = setTimeout(() => {
      if (done) return;
      finish(false);
      void w.terminate();
      job.reject(
        new NewsfiguresError(
          "NF_EXTRACT_TIMEOUT",
          `parsing and extracting the page took more than ${limitMs} ms, the per-page limit; it is not tried again`,
        ),
      );
    }, limitMs);
    w.on(
      "message",
      (msg: {
        ok?: AnalysedPage;
        error?: { code: string | null; message: string; retryable: boolean };
      }) => {
        if (done) return;
        finish(true);
        if (msg.ok) {
          const article = msg.ok.article;
          // Structured cloning turns Buffers into Uint8Arrays.
          if (article.raw)
            article.raw = Buffer.from(
              article.raw.buffer,
              article.raw.byteOffset,
              article.raw.byteLength,
            );
          job.resolve(msg.ok);
        } else {
          const e = msg.error;
          job.reject(
            e?.code && isErrorCode(e.code)
              ? new NewsfiguresError(e.code, e.message, { retryable: e.retryable })
              : new Error(e?.message ?? "the analysis thread failed"),
          );
        }
      },
    );
    w.once("exit", (code) => {
      if (done) return;
      finish(false);
      job.reject(
        new NewsfiguresError(
          "NF_EXTRACT_THREAD_EXITED",
          `the analysis thread exited (code ${code}) while working on the page`,
          { retryable: true },
        ),
      );
    });
    w.postMessage(job.task);
  };

  const next = (): void => {
    while (queue.length > 0 && !closed) {
      if (idle.length === 0 && threads < size) spawn();
      const w = idle.pop();
      if (w === undefined) return;
      run(w, queue.shift() as Waiting);
    }
  };

  return {
    analyse: (task) =>
      new Promise<AnalysedPage>((resolve, reject) => {
        if (closed) {
          reject(new NewsfiguresError("NF_WORKER_CLOSED", "the analysis pool is closed"));
          return;
        }
        queue.push({ task, resolve, reject });
        next();
      }),
    async close() {
      closed = true;
      for (const q of queue.splice(0))
        q.reject(
          new NewsfiguresError("NF_WORKER_CLOSED", "the analysis pool is closed", {
            retryable: true,
          }),
        );
      await Promise.all(idle.splice(0).map((w) => w.terminate()));
    },
  };
}
