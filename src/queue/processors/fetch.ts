/**
 * Fetch jobs: one page, paced per host and conditional on what the store remembers; a
 * host failing again and again is paused for the run (its pages deferred). A fetched page
 * goes on to an extract job with its bytes; a 304 ends here.
 */
import { fetchArticle, notModified } from "../../pipeline/run-article.js";
import { pausedReason } from "../host-breaker.js";
import { FetchJob } from "../jobs.js";
import { enqueueExtract } from "../queues.js";
import { trustedPipeline } from "../trust.js";
import type { WorkerContext } from "../worker-context.js";
import { type Processor, wrapProcessor } from "../wrap-processor.js";

export function fetchProcessor(ctx: WorkerContext): Processor {
  return wrapProcessor(ctx, "fetch", FetchJob, async (data, log) => {
    const { breaker, tracker } = ctx;
    const trusted = trustedPipeline(data.pipeline, ctx.loaded);
    const fetchSpec = trusted?.spec.fetch ?? data.fetch;
    const { name, runId } = data.pipeline;
    const paused = await breaker.paused(name, runId, data.ref.url);
    if (paused) {
      await tracker.deferred(runId, data.ref.url, pausedReason(paused));
      return { status: "deferred" };
    }
    const store = await ctx.storeFor(data.pipeline.store);
    let fetched: Awaited<ReturnType<typeof fetchArticle>>;
    try {
      fetched = await fetchArticle(
        data.ref,
        { store, fetcher: ctx.deps.fetcher, logger: log, pacer: ctx.pacer },
        fetchSpec,
        data.known,
      );
    } catch (err) {
      if (await breaker.failed(name, runId, data.ref.url, err, fetchSpec.pauseHostAfter))
        log.warn({ host: new URL(data.ref.url).host }, "host paused for this run");
      throw err;
    }
    await breaker.succeeded(name, runId, data.ref.url);
    if (fetched.kind === "not-modified") {
      await tracker.finished(data.pipeline.runId, notModified(data.ref.url));
      return { status: "not-modified" };
    }
    const p = fetched.page;
    const body = p.body ?? Buffer.alloc(0);
    await enqueueExtract(
      ctx.queues,
      {
        pipeline: data.pipeline,
        ref: data.ref,
        extract: trusted?.spec.extract ?? data.extract,
        page: {
          url: p.url,
          finalUrl: p.finalUrl,
          status: p.status,
          contentType: p.contentType,
          etag: p.etag,
          lastModified: p.lastModified,
          bodyBase64: body.toString("base64"),
        },
      },
      body,
    );
    return { status: "fetched", bytes: body.length, httpStatus: p.status };
  });
}
