/**
 * Local article files -> source documents (bytes and a content type; `parse/` makes
 * articles of them). `.txt` is one text document, `.html` one page, `.jsonl` holds one
 * `{"id", "text"}` or `{"id", "html"}` object per line. `-` reads standard input (JSONL
 * when it starts with `{`, else text). Which paths a pipeline may read is decided here too.
 */
import { createReadStream } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { NewsfiguresError } from "../errors.js";
import type { SourceDocument } from "../model/index.js";

export const ARTICLE_EXTENSIONS = [".txt", ".html", ".htm", ".jsonl"] as const;

/** One document read from disk (a file, or one line of a `.jsonl` file). */
export type LoadResult =
  | { ok: true; document: SourceDocument }
  | { ok: false; failure: LoadFailure };

/** An input that could not be read; the others go on. */
export interface LoadFailure {
  source: string;
  error: NewsfiguresError;
}

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

/** Files are UTF-8 unless they say otherwise (a BOM; a page's `<meta>`). */
const TEXT = "text/plain; charset=utf-8";
/** A JSONL line's HTML is already text: its bytes are the UTF-8 of that text, whatever its `<meta>` says. */
const HTML_UTF8 = "text/html; charset=utf-8";

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
  /** Files that are not articles (.txt, .html, .jsonl); without it they are passed over quietly. */
  onSkip?: (path: string) => void,
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
    if ((await stat(real)).isDirectory())
      await walkConfined(p, real, real, out, new Set([real]), onRefused, onSkip);
    else if (onSkip && !isArticleFile(p)) onSkip(p);
    else out.push(p);
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
  onSkip?: (path: string) => void,
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
      await walkConfined(child, target, top, out, seen, onRefused, onSkip);
    } else if (isArticleFile(e.name)) out.push(child);
    else onSkip?.(child);
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

/**
 * Read documents from files; yields failures in place instead of throwing. `label` names
 * a path's documents and its failures (default: the path itself), so a file is read by
 * its real path and reported as it was named; a `.jsonl` line is named by its id.
 */
export async function* readDocuments(
  paths: string[],
  label?: (path: string) => string,
): AsyncGenerator<LoadResult> {
  for (const path of paths) {
    const ext = path === "-" ? "-" : extname(path).toLowerCase();
    const source = label?.(path) ?? path;
    try {
      if (ext === ".jsonl" || ext === "-") {
        yield* readJsonl(path, source);
      } else if (ext === ".html" || ext === ".htm") {
        // Pages name their own charset (BOM, <meta>); many older ones are windows-1252.
        const bytes = await readFile(path);
        yield { ok: true, document: { source, bytes, contentType: "text/html", url: null } };
      } else if (ext === ".txt") {
        const bytes = await readFile(path);
        yield { ok: true, document: { source, bytes, contentType: TEXT, url: null } };
      } else {
        throw new NewsfiguresError(
          "NF_INPUT_UNSUPPORTED",
          `${path}: unsupported file type "${ext || "(none)"}"; give .txt, .html or .jsonl files, or - for standard input`,
        );
      }
    } catch (err) {
      yield { ok: false, failure: { source, error: asInputError(source, err) } };
    }
  }
}

function textDocument(source: string, text: string): SourceDocument {
  return { source, bytes: Buffer.from(text), contentType: TEXT, url: null };
}

async function* readJsonl(path: string, name: string): AsyncGenerator<LoadResult> {
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
    const where = `${name}:${lineNo}`;
    try {
      const l = jsonlLine(line, where);
      const document: SourceDocument =
        l.html !== undefined
          ? { source: l.id, bytes: Buffer.from(l.html), contentType: HTML_UTF8, url: l.url ?? null }
          : textDocument(l.id, l.text ?? "");
      const named = {
        ...(l.title != null ? { title: l.title } : {}),
        ...(l.url != null ? { url: l.url } : {}),
      };
      if (Object.keys(named).length > 0) document.named = named;
      yield { ok: true, document };
    } catch (err) {
      yield { ok: false, failure: { source: where, error: asInputError(where, err) } };
    }
  }
  if (plain !== null) yield { ok: true, document: textDocument("-", plain.join("\n")) };
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
