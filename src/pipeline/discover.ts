/**
 * Sources -> article references. Feeds and sitemaps are fetched through the same paced
 * PageFetcher as pages and read by `src/sources` (RSS, Atom, JSON Feed, sitemaps and
 * sitemap indexes); `files` expand to `file:` refs relative to the pipeline file. One poll
 * takes at most `run.maxRefsPerSource` references from a source.
 */
import { isAbsolute, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { NewsfiguresError } from "../errors.js";
import type { Logger } from "../log.js";
import type { ArticleRef } from "../model/index.js";
import { decodePage } from "../parse/charset.js";
import { uniqueByUrl } from "../sources/feeds.js";
import { confinedFiles } from "../sources/local-files.js";
import { readSource } from "../sources/remote.js";
import type { ArticleDeps } from "./deps.js";
import { pacedFetch } from "./paced-fetch.js";
import { STDIN_URL } from "./run-article.js";
import type { Pipeline, SourceSpec } from "./schema.js";

/** A short label for a source, for logs and job data. */
export function sourceLabel(source: SourceSpec): string {
  if ("feed" in source) return `feed:${source.feed}`;
  if ("sitemap" in source) return `sitemap:${source.sitemap}`;
  if ("urls" in source) return `urls:${source.urls.length}`;
  return `files:${[source.files].flat().join(",")}`;
}

/**
 * Every article reference a source lists, in its order, without duplicates. Feeds and
 * sitemaps (indexes followed, a child that fails skipped with a warning) are read by
 * `readSource` over the same paced, guarded fetcher as pages.
 */
export async function discoverRefs(
  pipeline: Pipeline,
  source: SourceSpec,
  deps: Pick<ArticleDeps, "fetcher" | "pacer" | "filesRoot"> & {
    logger?: Logger;
    /** A path a `files` source may not read (outside its folder or the root); default: throw. */
    onRefused?: (path: string, error: NewsfiguresError) => void;
    /** A file of a `files` source that is not an article (.txt, .html, .jsonl); default: passed over. */
    onSkip?: (path: string) => void;
  },
): Promise<ArticleRef[]> {
  let refs: ArticleRef[];
  if ("files" in source) {
    const named = [source.files].flat();
    // Standard input is a source only of a one-off pipeline (`ingest -`), never of a file's.
    const stdin = pipeline.file === "" && named.includes("-");
    const paths = await confinedFiles(
      // Joined, not resolved: a path named relative to the working directory keeps that
      // spelling as the source its articles are stored under.
      named
        .filter((p) => !(stdin && p === "-"))
        .map((p) => (isAbsolute(p) ? p : join(pipeline.dir, p))),
      deps.filesRoot ?? process.cwd(),
      deps.onRefused ??
        ((_path, error) => {
          throw error;
        }),
      deps.onSkip,
    );
    refs = paths.map((p) => ({
      url: pathToFileURL(p).href,
      title: null,
      publishedAt: null,
      source: p,
    }));
    if (stdin) refs.push({ url: STDIN_URL, title: null, publishedAt: null, source: "-" });
  } else if ("urls" in source) {
    refs = source.urls.map((url) => ({ url, title: null, publishedAt: null, source: url }));
  } else {
    const fetchText = async (url: string) => {
      const page = await pacedFetch(url, deps, pipeline.spec.fetch);
      return page.body ? decodePage(page.body, page.contentType).text : "";
    };
    const read =
      "feed" in source
        ? await readSource("feed", source.feed, { fetchText })
        : await readSource("sitemap", source.sitemap, { fetchText });
    for (const warning of read.warnings)
      deps.logger?.warn({ source: sourceLabel(source), warning }, "source read with a problem");
    refs = read.refs;
  }
  const unique = uniqueByUrl(refs);
  const max = pipeline.spec.run.maxRefsPerSource;
  if (unique.length <= max) return unique;
  // A huge feed must not fill Redis with jobs in one poll; the rest come in later polls.
  deps.logger?.warn(
    { source: sourceLabel(source), listed: unique.length, taken: max },
    "source lists more references than run.maxRefsPerSource; the first ones are taken this time",
  );
  return unique.slice(0, max);
}
