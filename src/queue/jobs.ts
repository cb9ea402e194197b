/**
 * Job data as stored in Redis: validated by zod in the worker before anything runs,
 * because it may have been written by another version of the code or by hand.
 */
import { z } from "zod";
import { ArticleRef } from "../model/index.js";
import { ExtractSpec, FetchSpec, PipelineSpec } from "../pipeline/schema.js";

export { QUEUE_NAMES, type QueueName } from "./queue-names.js";

/** The pipeline as carried by its jobs: workers on other machines may not have the file. */
export const PipelineRef = z.object({
  name: z.string().min(1),
  /** Folder of the pipeline file, for `files` sources. */
  dir: z.string().min(1),
  /** Store URL as the pipeline names it; null: the worker's NEWSFIGURES_STORE. */
  store: z.string().nullable(),
  /** Groups the jobs of one `ingest` run for its progress bar; null for scheduled runs. */
  runId: z.string().nullable(),
});
export type PipelineRef = z.infer<typeof PipelineRef>;

export const DiscoverJob = z.object({
  pipeline: PipelineRef,
  spec: PipelineSpec,
});
export type DiscoverJob = z.infer<typeof DiscoverJob>;

export const FetchJob = z.object({
  pipeline: PipelineRef,
  ref: ArticleRef,
  fetch: FetchSpec,
  extract: ExtractSpec,
  /**
   * The validators the store remembered for this URL when it was discovered (null: none),
   * read for the whole feed in one query. Absent: the fetch worker asks the store.
   */
  known: z
    .object({ etag: z.string().nullable(), lastModified: z.string().nullable() })
    .nullable()
    .optional(),
});
export type FetchJob = z.infer<typeof FetchJob>;

/** A fetched page (body base64) or, with `page: null`, a local file named by `ref.url`. */
export const ExtractJob = z.object({
  pipeline: PipelineRef,
  ref: ArticleRef,
  extract: ExtractSpec,
  page: z
    .object({
      url: z.string(),
      finalUrl: z.string(),
      status: z.number().int(),
      contentType: z.string(),
      etag: z.string().nullable(),
      lastModified: z.string().nullable(),
      bodyBase64: z.string(),
    })
    .nullable(),
  /** The page body was dropped once the job was done with it (see retention.ts). */
  bodyDropped: z.boolean().optional(),
});
export type ExtractJob = z.infer<typeof ExtractJob>;
