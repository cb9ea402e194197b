/**
 * Every job processor goes through here: job data validated, a child logger per job, one
 * outcome line, errors mapped by `handleJobError` (the one place retry behaviour is
 * decided), and a final failure counted in the job's run.
 */
import type { Job } from "bullmq";
import type { Logger } from "../log.js";
import { classifyError, failureReason, handleJobError, isControlError } from "./errors.js";
import type { QueueName } from "./jobs.js";
import { dropPageBody } from "./retention.js";
import type { WorkerContext } from "./worker-context.js";

export type Processor = (job: Job, token?: string) => Promise<unknown>;

export function wrapProcessor<T>(
  ctx: WorkerContext,
  queue: QueueName,
  schema: { parse(d: unknown): T },
  run: (data: T, log: Logger, job: Job) => Promise<Record<string, unknown>>,
): Processor {
  return async (job: Job, token?: string) => {
    const started = Date.now();
    const raw = job.data as {
      pipeline?: { name?: string; runId?: string | null };
      ref?: { url?: string };
    };
    const log = ctx.deps.logger.child({
      queue,
      jobId: job.id,
      pipeline: raw.pipeline?.name,
      url: raw.ref?.url,
      attempt: job.attemptsMade + 1,
    });
    try {
      const data = schema.parse(job.data);
      const result = await run(data, log, job);
      log.info(
        { stage: queue, outcome: result.status ?? "ok", ...result, ms: Date.now() - started },
        `${queue} ${String(result.status ?? "ok")}`,
      );
      return result;
    } catch (err) {
      if (isControlError(err)) throw err;
      const cls = classifyError(err);
      if (cls === "pace") {
        log.debug({ stage: queue, outcome: cls, ms: Date.now() - started }, `${queue} ${cls}`);
      } else {
        const final = cls === "permanent" || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        log[final ? "error" : "warn"](
          { stage: queue, outcome: final ? "failed" : "retry", err, ms: Date.now() - started },
          `${queue} ${final ? "failed" : "will retry"}`,
        );
        if (final && queue === "extract") await dropPageBody(job);
        if (final && queue !== "discover")
          await ctx.tracker
            .failed(raw.pipeline?.runId ?? null, raw.ref?.url ?? String(job.id), failureReason(err))
            .catch(() => {});
      }
      return handleJobError(err, job, token);
    }
  };
}
