/**
 * A pipeline run in-process, without Redis: discover every source, then run each article
 * through `runArticle` with a few in flight. What `ingest` does when REDIS_URL is unset
 * and what `npm start` runs on the fixtures.
 */

import { NewsfiguresError } from "../errors.js";
import type { ArticleRef } from "../model/index.js";
import type { ArticleDeps } from "./deps.js";
import { discoverRefs, sourceLabel } from "./discover.js";
import { type ArticleOutcome, runArticle } from "./run-article.js";
import { durationMs, type Pipeline } from "./schema.js";
import { RunTally } from "./summary.js";

export interface InlineRunOptions {
  /** Articles in flight at once; pacing still holds per host. */
  concurrency?: number;
  onTotal?: (total: number) => void;
  onArticle?: (outcomes: ArticleOutcome[] | null) => void;
}

/**
 * Run one pipeline to the end and tally what happened. Failures of single articles or
 * sources are counted and reported, never thrown: the other articles still go in.
 */
export async function runPipelineInline(
  pipeline: Pipeline,
  deps: ArticleDeps,
  options: InlineRunOptions = {},
): Promise<RunTally> {
  const started = Date.now();
  const tally = new RunTally(pipeline.spec.name);
  const log = deps.logger.child({ pipeline: pipeline.spec.name });
  const refs: ArticleRef[] = [];
  for (const source of pipeline.spec.sources) {
    const sourceStarted = Date.now();
    try {
      const found = await discoverRefs(pipeline, source, {
        ...deps,
        onRefused: (path, err) => tally.fail(path, err),
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
      tally.fail(sourceLabel(source), err);
      log.warn(
        { stage: "discover", outcome: "failed", source: sourceLabel(source), err },
        "discover failed",
      );
    }
  }
  options.onTotal?.(refs.length);
  const ceiling = pipeline.spec.run.timeout;
  const deadline = started + durationMs(ceiling);
  let i = 0;
  const worker = async () => {
    while (i < refs.length) {
      const ref = refs[i++] as ArticleRef;
      if (Date.now() > deadline) {
        // Past the run's ceiling: what is left is reported, not fetched.
        tally.fail(
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
        );
        for (const o of outcomes) tally.add(o);
        options.onArticle?.(outcomes);
      } catch (err) {
        tally.fail(ref.url, err);
        options.onArticle?.(null);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return tally;
}
