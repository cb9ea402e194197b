/**
 * Discover jobs: read a pipeline's sources, decide what to run (`planRefs`, as inline runs
 * do), and queue a fetch job per page to fetch and an extract job per file.
 */
import { readFile } from "node:fs/promises";
import { discoverRefs, sourceLabel } from "../../pipeline/discover.js";
import { planRefs } from "../../pipeline/plan-refs.js";
import { pathOfRef } from "../../pipeline/run-article.js";
import { failureReason } from "../errors.js";
import { DiscoverJob, type FetchJob } from "../jobs.js";
import { enqueueExtract, enqueueFetches } from "../queues.js";
import { trustedPipeline } from "../trust.js";
import type { WorkerContext } from "../worker-context.js";
import { type Processor, wrapProcessor } from "../wrap-processor.js";

export function discoverProcessor(ctx: WorkerContext): Processor {
  return wrapProcessor(ctx, "discover", DiscoverJob, async (data, log) => {
    const { tracker, queues } = ctx;
    const pipeline = trustedPipeline(data.pipeline, ctx.loaded) ?? {
      spec: data.spec,
      // Named, so that a job's `files: -` never reads this worker's standard input.
      file: "(job data)",
      dir: data.pipeline.dir,
    };
    const spec = pipeline.spec;
    const store = await ctx.storeFor(data.pipeline.store);
    let found = 0;
    let enqueued = 0;
    let skipped = 0;
    const refused: { path: string; err: unknown }[] = [];
    const notArticles: { what: string; reason: string }[] = [];
    for (const source of spec.sources) {
      const refs = await discoverRefs(pipeline, source, {
        fetcher: ctx.deps.fetcher,
        pacer: ctx.pacer,
        logger: log,
        filesRoot: ctx.filesRoot,
        onRefused: (path, err) => {
          refused.push({ path, err });
        },
        onSkip: (path) => {
          notArticles.push({ what: path, reason: "not an article file (.txt, .html, .jsonl)" });
        },
      });
      found += refs.length + refused.length;
      // Counted in the run's total as well as failed, so the run still waits for the rest.
      for (const { path, err } of refused)
        log.warn({ stage: "discover", outcome: "refused", source: path, err }, "file refused");
      await tracker.refused(
        data.pipeline.runId,
        refused.splice(0).map(({ path, err }) => ({ what: path, reason: failureReason(err) })),
      );
      await tracker.skipFiles(data.pipeline.runId, notArticles.splice(0));
      const plan = await planRefs(refs, store, spec.fetch);
      const fresh: FetchJob[] = [];
      for (const planned of plan.run) {
        const { ref } = planned;
        if (planned.action === "read") {
          const bytes = await readFile(pathOfRef(ref));
          await enqueueExtract(
            queues,
            { pipeline: data.pipeline, ref, extract: spec.extract, page: null },
            bytes,
          );
          enqueued++;
        } else {
          fresh.push({
            pipeline: data.pipeline,
            ref,
            fetch: spec.fetch,
            extract: spec.extract,
            known: planned.known,
          });
        }
      }
      const queued = await enqueueFetches(queues, fresh);
      enqueued += queued.queued;
      skipped += queued.skipped.length;
      await tracker.skip(data.pipeline.runId, queued.skipped);
      ctx.deps.logger.debug(
        { pipeline: data.pipeline.name, source: sourceLabel(source), found: refs.length },
        "source read",
      );
    }
    await tracker.discovered(data.pipeline.runId, data.pipeline.name, enqueued, found);
    return { status: "ok", found, enqueued, skipped, known: found - enqueued - skipped };
  });
}
