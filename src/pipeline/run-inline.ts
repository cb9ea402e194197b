/**
 * A pipeline run in-process, without Redis: discover every source, decide what to run
 * (`planRefs`, as the queue's discover jobs do), then run each article through
 * `runArticle` with a few in flight. What `ingest` does when REDIS_URL is unset, what
 * `npm start` runs on the fixtures and what `ingest PATH…` runs as a one-off pipeline.
 */

import { isNewsfiguresError, NewsfiguresError } from "../errors.js";
import type { ArticleRef } from "../model/index.js";
import type { ArticleDeps } from "./deps.js";
import { discoverRefs, sourceLabel } from "./discover.js";
import { planRefs } from "./plan-refs.js";
import { type ArticleOutcome, isFileRef, runArticle } from "./run-article.js";
import { durationMs, type Pipeline } from "./schema.js";
import { addFailure, addOutcome, emptySummary, type RunSummary } from "./summary.js";

export interface InlineRunOptions {
  /** Articles in flight at once; pacing still holds per host. 1 keeps the sources' order. */
  concurrency?: number;
  onTotal?: (total: number) => void;
  onArticle?: (outcomes: ArticleOutcome[] | null) => void;
  /** A file of a `files` source that is not an article, as it is passed over. */
  onSkip?: (path: string) => void;
}

/**
 * Run one pipeline to the end and sum up what happened. Failures of single articles or
 * sources are counted and reported, never thrown: the other articles still go in. A
 * store that fails (NF_STORE_*) fails every article alike, so it stops the run instead.
 */
export async function runPipelineInline(
  pipeline: Pipeline,
  deps: ArticleDeps,
  options: InlineRunOptions = {},
): Promise<RunSummary> {
  const started = Date.now();
  const summary = emptySummary();
  const log = deps.logger.child({ pipeline: pipeline.spec.name });
  const refs: ArticleRef[] = [];
  for (const source of pipeline.spec.sources) {
    const sourceStarted = Date.now();
    try {
      const found = await discoverRefs(pipeline, source, {
        ...deps,
        onRefused: (path, err) => addFailure(summary, path, err),
        onSkip: (path) => {
          summary.skipped.push(path);
          options.onSkip?.(path);
        },
      });
      refs.push(...found);
      log.debug(
        {
          stage: "discover",
          outcome: "ok",
          source: sourceLabel(source),
          found: found.length,
          ms: Date.now() - sourceStarted,
        },
        "discover ok",
      );
    } catch (err) {
      addFailure(summary, sourceLabel(source), err);
      log.warn(
        { stage: "discover", outcome: "failed", source: sourceLabel(source), err },
        "discover failed",
      );
    }
  }
  const plan = await planRefs(refs, deps.store, pipeline.spec.fetch);
  const todo = plan.run;
  summary.files = todo.length;
  options.onTotal?.(todo.length);
  const ceiling = pipeline.spec.run.timeout;
  const deadline = started + durationMs(ceiling);
  let i = 0;
  let stop: unknown = null;
  const worker = async () => {
    while (i < todo.length && stop === null) {
      const { ref, ...how } = todo[i++] as (typeof todo)[number];
      if (Date.now() > deadline) {
        // Past the run's ceiling: what is left is reported, not fetched.
        addFailure(
          summary,
          ref.url,
          new NewsfiguresError(
            "NF_RUN_TIMEOUT",
            `not done within run.timeout (${ceiling}); the next run takes it`,
          ),
        );
        options.onArticle?.(null);
        continue;
      }
      try {
        const outcomes = await runArticle(
          ref,
          { ...deps, logger: log.child({ url: ref.url }) },
          pipeline.spec,
          how.action === "fetch" ? how.known : undefined,
        );
        for (const o of outcomes) addOutcome(summary, o);
        options.onArticle?.(outcomes);
      } catch (err) {
        if (isNewsfiguresError(err) && err.code.startsWith("NF_STORE_")) stop = err;
        else addFailure(summary, isFileRef(ref) ? ref.source : ref.url, err);
        options.onArticle?.(null);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  if (stop !== null) throw stop;
  summary.durationMs = Date.now() - started;
  return summary;
}
