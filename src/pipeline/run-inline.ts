/**
 * A pipeline run in-process, without Redis: discover every source, then run each article
 * through `runArticle` with a few in flight. What `ingest` does when REDIS_URL is unset
 * and what `npm start` runs on the fixtures.
 */

import type { ArticleRef } from "../model/index.js";
import type { ArticleDeps } from "./deps.js";
import { discoverRefs, sourceLabel } from "./discover.js";
import { type ArticleOutcome, runArticle } from "./run-article.js";
import type { Pipeline } from "./schema.js";
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
  const tally = new RunTally(pipeline.spec.name);
  const log = deps.logger.child({ pipeline: pipeline.spec.name });
  const refs: ArticleRef[] = [];
  for (const source of pipeline.spec.sources) {
    const started = Date.now();
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
          ms: Date.now() - started,
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
  let i = 0;
  const worker = async () => {
    while (i < refs.length) {
      const ref = refs[i++] as ArticleRef;
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
