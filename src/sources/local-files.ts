/**
 * Local article files -> extractor inputs. `.txt` is one article whose body is the file
 * unchanged (BOM removed) and whose first line is the headline; `.html` goes through the
 * page parser; `.jsonl` holds one `{"id", "text"}` or `{"id", "html"}` object per line.
 * `-` reads standard input (JSONL when it starts with `{`, else text).
 */
import { createReadStream } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { NewsfiguresError } from "../errors.js";
import type { ArticleInput } from "../model/index.js";

export const ARTICLE_EXTENSIONS = [".txt", ".html", ".htm", ".jsonl"] as const;

/** One article read from disk, with the raw page when there was one. */
export interface LoadedArticle {
  input: ArticleInput;
  /** The page as read (HTML bytes), kept so a store never has to read the file again. */
  raw: Buffer | null;
  contentType: "text/plain" | "text/html";
}

/** An input that could not be read; the others go on. */
export interface LoadFailure {
  source: string;
  error: NewsfiguresError;
}

export type LoadResult = { ok: true; article: LoadedArticle } | { ok: false; failure: LoadFailure };

const JsonlLine = z
  .object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    text: z.string().optional(),
    html: z.string().optional(),
    title: z.string().nullish(),
    url: z.string().nullish(),
  })
  .refine((l) => l.text !== undefined || l.html !== undefined, {
    message: 'needs "text" or "html"',
  });

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The headline of a plain-text article: its first non-empty line. */
export function headlineOf(text: string): string | null {
  for (const line of text.split("\n", 5)) {
    const t = line.trim();
    if (t !== "") return t;
  }
  return null;
}

export function textArticle(source: string, text: string): LoadedArticle {
  const body = stripBom(text);
  return {
    input: {
      source,
      body,
      title: headlineOf(body),
      url: null,
      publishedAt: null,
      publisher: null,
      authors: [],
    },
    raw: null,
    contentType: "text/plain",
  };
}

/** The page parser (cheerio) is loaded on the first page, so text-only runs start fast. */
const parser = () => import("../parse/index.js");

export async function htmlArticle(
  source: string,
  html: string,
  raw: Buffer | null,
  url: string | null = null,
): Promise<LoadedArticle> {
  const page = (await parser()).parseArticle(html, { url });
  return {
    input: {
      source,
      body: page.body,
      title: page.title,
      url: page.canonicalUrl ?? page.url,
      publishedAt: page.publishedAt,
      publisher: page.publisher,
      authors: page.authors,
    },
    raw,
    contentType: "text/html",
  };
}

/** A fixture's expected output, kept beside its article (`fixtures/NAME.golden.json`). */
export const GOLDEN_SUFFIX = ".golden.json";

/**
 * Expand folders into their article files (sorted, recursive); other files are skipped
 * and reported through `onSkip`, except hidden files and fixture goldens, which are passed
 * over quietly.
 */
export async function expandPaths(
  paths: string[],
  onSkip?: (path: string) => void,
): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (p === "-") {
      out.push(p);
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(p);
    } catch {
      out.push(p); // reported as a failure when read
      continue;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      const children: string[] = [];
      for (const e of entries) {
        // Hidden files, and the expected outputs kept beside fixture articles, are not inputs.
        if (e.name.startsWith(".") || e.name.endsWith(GOLDEN_SUFFIX)) continue;
        const child = join(p, e.name);
        if (e.isDirectory()) children.push(child);
        else if (isArticleFile(e.name)) children.push(child);
        else onSkip?.(child);
      }
      out.push(...(await expandPaths(children, onSkip)));
    } else {
      out.push(p);
    }
  }
  return out;
}

/** `inner` is `outer` or below it (both real, absolute paths). */
function isInside(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep));
}

/**
 * The article files of a pipeline's `files:` source, confined: each named path must
 * resolve (symlinks followed) inside `root`, and whatever a folder holds must resolve
 * inside that folder, so a symlink cannot lead out of it. What is refused goes to
 * `onRefused` with NF_INPUT_OUTSIDE_ROOT or NF_INPUT_OUTSIDE_FOLDER; the rest is returned
 * as real paths, sorted per folder as `expandPaths` sorts them.
 */
export async function confinedFiles(
  paths: string[],
  root: string,
  onRefused: (path: string, error: NewsfiguresError) => void,
): Promise<string[]> {
  const realRoot = await realpath(root);
  const out: string[] = [];
  for (const p of paths) {
    let real: string;
    try {
      real = await realpath(p);
    } catch {
      out.push(p); // reported as not found when read
      continue;
    }
    if (!isInside(real, realRoot)) {
      onRefused(
        p,
        new NewsfiguresError(
          "NF_INPUT_OUTSIDE_ROOT",
          `${p} is outside the files root ${realRoot}; pipelines read files only below it (set NEWSFIGURES_FILES_ROOT to widen it)`,
        ),
      );
      continue;
    }
    if (!(await stat(real)).isDirectory()) out.push(p);
    else await walkConfined(p, real, real, out, new Set([real]), onRefused);
  }
  return out;
}

/**
 * Refuse (NF_INPUT_OUTSIDE_FOLDER) a file that does not resolve inside one of `folders`:
 * a path taken from job data is checked again where it is read.
 */
export async function assertInsideFolders(path: string, folders: readonly string[]): Promise<void> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return; // reported as not found when read
  }
  for (const f of folders) {
    const top = await realpath(f).catch(() => null);
    if (top !== null && isInside(real, top)) return;
  }
  throw new NewsfiguresError(
    "NF_INPUT_OUTSIDE_FOLDER",
    `${path} is not inside ${folders.join(" or ")}, the folders this pipeline may read; the job is refused`,
  );
}

/**
 * One folder of `confinedFiles`, in `expandPaths` order (names sorted, folders in place).
 * Async recursion returns to the event loop at each readdir, so depth does not pile up
 * on the stack; `seen` stops symlink cycles.
 */
async function walkConfined(
  dir: string,
  realDir: string,
  top: string,
  out: string[],
  seen: Set<string>,
  onRefused: (path: string, error: NewsfiguresError) => void,
): Promise<void> {
  const entries = (await readdir(realDir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith(".") && !e.name.endsWith(GOLDEN_SUFFIX))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const child = join(dir, e.name);
    let target = join(realDir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      try {
        target = await realpath(target);
        isDir = (await stat(target)).isDirectory();
      } catch {
        continue; // a dangling link names nothing
      }
      if (!isInside(target, top)) {
        onRefused(
          child,
          new NewsfiguresError(
            "NF_INPUT_OUTSIDE_FOLDER",
            `${child} is a symbolic link out of ${top}; a files: source reads only inside its folder (copy the file in instead)`,
          ),
        );
        continue;
      }
    }
    if (isDir) {
      if (seen.has(target)) continue;
      seen.add(target);
      await walkConfined(child, target, top, out, seen, onRefused);
    } else if (isArticleFile(e.name)) out.push(child);
  }
}

export function isArticleFile(name: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/** One `.jsonl` line as an article object; NF_INPUT_BAD_JSONL saying what is wrong. */
function jsonlLine(line: string, where: string): z.infer<typeof JsonlLine> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    throw new NewsfiguresError(
      "NF_INPUT_BAD_JSONL",
      `${where}: not valid JSON (${(err as Error).message}); each line must be one {"id", "text"} object`,
    );
  }
  const parsed = JsonlLine.safeParse(json);
  if (!parsed.success)
    throw new NewsfiguresError(
      "NF_INPUT_BAD_JSONL",
      `${where}: ${z.prettifyError(parsed.error).replace(/\n/g, " ")}; each line must be {"id": "...", "text": "..."} or {"id", "html"}`,
    );
  return parsed.data;
}

/** Read articles from files; yields failures in place instead of throwing. */
export async function* loadArticles(paths: string[]): AsyncGenerator<LoadResult> {
  for (const path of paths) {
    const ext = path === "-" ? "-" : extname(path).toLowerCase();
    try {
      if (ext === ".jsonl" || ext === "-") {
        yield* loadJsonl(path);
      } else if (ext === ".html" || ext === ".htm") {
        const raw = await readFile(path);
        // Pages name their own charset (BOM, <meta>); many older ones are windows-1252.
        const { decodePage } = await parser();
        yield { ok: true, article: await htmlArticle(path, decodePage(raw).text, raw) };
      } else if (ext === ".txt") {
        yield { ok: true, article: textArticle(path, decodeUtf8(await readFile(path))) };
      } else {
        throw new NewsfiguresError(
          "NF_INPUT_UNSUPPORTED",
          `${path}: unsupported file type "${ext || "(none)"}"; give .txt, .html or .jsonl files, or - for standard input`,
        );
      }
    } catch (err) {
      yield { ok: false, failure: { source: path, error: asInputError(path, err) } };
    }
  }
}

function decodeUtf8(raw: Buffer): string {
  return new TextDecoder("utf-8").decode(raw);
}

async function* loadJsonl(path: string): AsyncGenerator<LoadResult> {
  const stream = path === "-" ? process.stdin : createReadStream(path, { encoding: "utf8" });
  if (path === "-") process.stdin.setEncoding("utf8");
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let plain: string[] | null = null;
  for await (const line of lines) {
    lineNo++;
    if (plain !== null) {
      plain.push(line);
      continue;
    }
    if (lineNo === 1 && path === "-" && !line.trimStart().startsWith("{")) {
      plain = [line];
      continue;
    }
    if (line.trim() === "") continue;
    const where = `${path}:${lineNo}`;
    try {
      const l = jsonlLine(line, where);
      const article =
        l.html !== undefined
          ? await htmlArticle(l.id, l.html, Buffer.from(l.html), l.url ?? null)
          : textArticle(l.id, l.text ?? "");
      if (l.title != null) article.input.title = l.title;
      if (l.url != null) article.input.url = l.url;
      yield { ok: true, article };
    } catch (err) {
      yield { ok: false, failure: { source: where, error: asInputError(where, err) } };
    }
  }
  if (plain !== null) yield { ok: true, article: textArticle("-", plain.join("\n")) };
}

function asInputError(path: string, err: unknown): NewsfiguresError {
  if (err instanceof NewsfiguresError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT")
    return new NewsfiguresError("NF_INPUT_NOT_FOUND", `${path}: no such file; check the path`, {
      cause: err,
    });
  if (code === "EISDIR")
    return new NewsfiguresError("NF_INPUT_IS_DIRECTORY", `${path}: is a folder`, { cause: err });
  if (code === "EACCES")
    return new NewsfiguresError("NF_INPUT_UNREADABLE", `${path}: permission denied`, {
      cause: err,
    });
  return new NewsfiguresError("NF_INPUT_READ_FAILED", `${path}: ${(err as Error).message}`, {
    cause: err,
  });
}
