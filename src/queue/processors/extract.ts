/**
 * Extract jobs: a fetched page (bytes in the job) or a local file (named by the job, read
 * only inside the pipeline's own folders) through `storePage` / `storeFile`, the same code
 * an inline run uses; saves share a transaction through the store's batcher.
 */
import { resolve } from "node:path";
import { NewsfiguresError } from "../../errors.js";
import {
  type ArticleOutcome,
  pathOfRef,
  storeFile,
  storePage,
} from "../../pipeline/run-article.js";
import { assertInsideFolders } from "../../sources/local-files.js";
import type { SaveItem } from "../../store/types.js";
import { ExtractJob } from "../jobs.js";
import { assertPageKept, dropPageBody } from "../retention.js";
import { trustedPipeline } from "../trust.js";
import type { WorkerContext } from "../worker-context.js";
import { type Processor, wrapProcessor } from "../wrap-processor.js";

export function extractProcessor(ctx: WorkerContext): Processor {
  return wrapProcessor(ctx, "extract", ExtractJob, async (data, log, job) => {
    assertPageKept(data);
    const trusted = trustedPipeline(data.pipeline, ctx.loaded);
    const extract = trusted?.spec.extract ?? data.extract;
    if (data.page === null) {
      // Standard input belongs to one-off pipelines run in the CLI, never to a queued job.
      if (!data.ref.url.startsWith("file:"))
        throw new NewsfiguresError(
          "NF_INPUT_OUTSIDE_FOLDER",
          `${data.ref.url} is not a file; an extract job without a page names a file: URL`,
        );
      // A file named by job data: read only inside the pipeline's own folders.
      const folders = trusted
        ? trusted.spec.sources.flatMap((s) =>
            "files" in s ? [s.files].flat().map((f) => resolve(trusted.dir, f)) : [],
          )
        : [ctx.filesRoot];
      await assertInsideFolders(pathOfRef(data.ref), folders);
      if (trusted) await assertInsideFolders(pathOfRef(data.ref), [ctx.filesRoot]);
    }
    const store = await ctx.storeFor(data.pipeline.store);
    const batcher = ctx.batcherFor(store);
    const articleDeps = {
      store,
      fetcher: ctx.deps.fetcher,
      logger: log,
      pacer: ctx.pacer,
      save: (item: SaveItem) => batcher.save(item),
      ...(ctx.pool ? { analyse: ctx.pool.analyse } : {}),
    };
    let outcomes: ArticleOutcome[];
    if (data.page === null) {
      outcomes = await storeFile(data.ref, articleDeps, extract);
      // The discover stage counted the file as one article; a .jsonl file may hold more.
      await ctx.tracker.more(data.pipeline.runId, outcomes.length - 1);
    } else {
      const page = {
        ...data.page,
        notModified: false,
        body: Buffer.from(data.page.bodyBase64, "base64"),
      };
      outcomes = [await storePage(data.ref, page, articleDeps, extract)];
      // A retained job keeps no page: the store has it now.
      await dropPageBody(job);
    }
    await ctx.tracker.finished(data.pipeline.runId, ...outcomes);
    const first = outcomes[0];
    return {
      status: outcomes.length === 1 && first ? first.status : `${outcomes.length} articles`,
      articleId: first?.articleId ?? null,
      added: outcomes.reduce((n, o) => n + o.added, 0),
      figures: outcomes.reduce((n, o) => n + (o.result?.metrics.length ?? 0), 0),
      warnings: outcomes.reduce((n, o) => n + o.warnings, 0),
      ...(outcomes.length === 1 && first?.timings ? { timings: first.timings } : {}),
    };
  });
}
