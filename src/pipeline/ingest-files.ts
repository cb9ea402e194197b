/**
 * `ingest PATH…`: files and folders (.txt, .html, .jsonl, `-` for standard input) run as
 * a one-off pipeline with one `files` source, through the same code as `npm start`,
 * inline runs and the queue's extract jobs.
 */
import { parse } from "node:path";
import pino from "pino";
import { NewsfiguresError } from "../errors.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/types.js";
import type { PageFetcher } from "./deps.js";
import { createLocalPacer } from "./local-pacer.js";
import type { ArticleOutcome } from "./run-article.js";
import { runPipelineInline } from "./run-inline.js";
import { type Pipeline, PipelineSpec } from "./schema.js";
import type { RunSummary } from "./summary.js";

export interface IngestOptions {
  logger?: Logger;
  /** Called after each reference (a file; a `.jsonl` file's articles come together). */
  onArticle?: (outcomes: ArticleOutcome[] | null) => void;
  /** Called with the number of article files once folders are expanded. */
  onFiles?: (count: number) => void;
  onSkip?: (path: string) => void;
  now?: () => Date;
}

/**
 * The pipeline `ingest PATH…` runs. Paths stay as named (relative to the working
 * directory), so articles are stored under the path the user typed. Every named file is
 * an article, whatever its length; the run has no ceiling a person would hit.
 *
 * @example
 * filesPipeline(["fixtures/"]).spec.sources; // [{ files: ["fixtures/"] }]
 */
export function filesPipeline(paths: string[]): Pipeline {
  const spec = PipelineSpec.parse({
    name: "ingest",
    sources: [{ files: paths }],
    extract: { minBodyChars: 0 },
    run: { timeout: "7d", maxRefsPerSource: 100_000 },
  });
  // No file: a one-off pipeline, the only kind whose `files` may name standard input.
  return { spec, file: "", dir: "." };
}

/** A files pipeline fetches nothing; a fetch would be a bug, said as one. */
const NO_FETCHER: PageFetcher = {
  async fetchPage(url) {
    throw new NewsfiguresError(
      "NF_INPUT_UNSUPPORTED",
      `${url}: ingest reads files; give a pipeline file (.yaml) to fetch pages`,
    );
  },
  async crawlDelayMs() {
    return null;
  },
};

/**
 * Ingest files and folders into a store, in the order named. A file that fails is
 * counted and reported; the others go on. The user named the paths, so any of them may
 * be read (the filesystem root is the files root); links out of a named folder are still
 * refused.
 *
 * @example
 * const summary = await ingestFiles(["fixtures/"], store); // summary.articles, summary.records, …
 */
export async function ingestFiles(
  paths: string[],
  store: Store,
  options: IngestOptions = {},
): Promise<RunSummary> {
  return runPipelineInline(
    filesPipeline(paths),
    {
      store,
      fetcher: NO_FETCHER,
      logger: options.logger ?? pino({ level: "silent" }),
      pacer: createLocalPacer(),
      filesRoot: parse(process.cwd()).root,
      ...(options.now ? { now: options.now } : {}),
    },
    {
      concurrency: 1,
      ...(options.onFiles ? { onTotal: options.onFiles } : {}),
      ...(options.onArticle ? { onArticle: options.onArticle } : {}),
      ...(options.onSkip ? { onSkip: options.onSkip } : {}),
    },
  );
}
