/**
 * Job data comes from Redis, which anyone with its address can write: a job names a
 * pipeline, and the worker runs the definition of that name it loaded itself (its store,
 * folder, sources and options), never the one carried in the job. A job of a pipeline the
 * worker did not load, or one whose store differs from the loaded definition, fails
 * permanently with its code.
 */
import { NewsfiguresError } from "../errors.js";
import type { Pipeline } from "../pipeline/schema.js";
import type { PipelineRef } from "./jobs.js";

/**
 * The loaded pipeline a job belongs to, or null when the worker was started without
 * definitions (embedded use; the CLI worker always loads them).
 */
export function trustedPipeline(
  ref: PipelineRef,
  loaded: ReadonlyMap<string, Pipeline> | undefined,
): Pipeline | null {
  if (loaded === undefined) return null;
  const p = loaded.get(ref.name);
  if (p === undefined) {
    throw new NewsfiguresError(
      "NF_QUEUE_UNKNOWN_PIPELINE",
      `the job names pipeline "${ref.name}", which this worker did not load; start the worker with --pipelines naming its file or folder (loaded: ${[...loaded.keys()].join(", ") || "none"})`,
    );
  }
  const store = p.spec.store ?? null;
  // The folder is always the loaded file's (machines may keep pipelines in different
  // places); the store must agree, since every later job of the run writes to it.
  if (ref.store !== store) {
    throw new NewsfiguresError(
      "NF_QUEUE_JOB_MISMATCH",
      `the job of pipeline "${ref.name}" names store ${ref.store ?? "(the worker's default)"}, not ${store ?? "(the worker's default)"} as the worker's ${p.file} does; run it from that file (restart the worker after editing it)`,
    );
  }
  return p;
}

/** Pipelines by name; two of one name is an error the loader already reports. */
export function pipelinesByName(pipelines: readonly Pipeline[]): Map<string, Pipeline> {
  return new Map(pipelines.map((p) => [p.spec.name, p]));
}
