/**
 * One error type for the whole project, and the catalogue of its codes. Callers branch
 * on `code` (`NF_<AREA>_<WHAT>`), never on the message; `retryable` tells the queue edge
 * whether trying again can help. Each code's entry says what it means, what to do, and
 * whether it is retryable unless the place that throws it knows better. Messages name the
 * bad value and what to do about it. docs/errors.md is generated from ERROR_CODES
 * (`npm run docs:errors`); a test fails when it is stale.
 */
import { redactText } from "./redact.js";

export interface ErrorCodeEntry {
  /** What happened, in one sentence a user reads. */
  means: string;
  /** What to do about it. */
  todo: string;
  /** Whether trying the same thing again later can help, unless the throw site says otherwise. */
  retryable: boolean;
}

/** Every NF_* code, by area. Adding a code is adding one entry here. */
export const ERROR_CODES = {
  NF_CLI_BAD_FLAG: {
    means: "A command-line flag has a value the command cannot use.",
    todo: "Correct the flag as the message says; `newsfigures COMMAND --help` lists the accepted values.",
    retryable: false,
  },
  NF_CONFIG_INVALID: {
    means:
      "An environment variable (NEWSFIGURES_STORE, REDIS_URL, LOG_LEVEL, …) has a value that is not accepted.",
    todo: "Fix or unset the variable named in the message (see the README's environment table).",
    retryable: false,
  },
  NF_EXTRACT_INVALID_RECORD: {
    means: "A warning: the extractor built a record that failed the record schema, and dropped it.",
    todo: "Nothing for the user; report the article, since it shows an extractor rule to fix.",
    retryable: false,
  },
  NF_FETCH_BAD_REDIRECT: {
    means: "A server redirected to a location that is not a valid http(s) URL.",
    todo: "Check the page in a browser; the link in the source may be stale.",
    retryable: false,
  },
  NF_FETCH_BAD_URL: {
    means: "A reference to fetch is not a valid absolute http(s) URL.",
    todo: "Fix the URL in the pipeline's source (feed, sitemap or URL list).",
    retryable: false,
  },
  NF_FETCH_BLOCKED_ADDRESS: {
    means:
      "The host resolves to a private, loopback or otherwise reserved address, which is not fetched.",
    todo: "Use a public URL, or set the pipeline's fetch.allowPrivateNetwork if this is intended.",
    retryable: false,
  },
  NF_FETCH_CONTENT_TYPE: {
    means:
      "The server answered with something that is not a page (an image, a PDF, an archive) or not the type asked for.",
    todo: "Point the source at article pages; binary documents are not read.",
    retryable: false,
  },
  NF_FETCH_DECOMPRESS: {
    means: "The body could not be decompressed, or uses a content-encoding that is not supported.",
    todo: "Try again later; if it persists the server sends a broken body.",
    retryable: false,
  },
  NF_FETCH_HOST_PAUSED: {
    means: "The host failed too many times in a row in this run; its other pages were deferred.",
    todo: "Wait for the next run, or look at the host's last failure in `newsfigures status`.",
    retryable: false,
  },
  NF_FETCH_HTTP_429: {
    means: "The server answered 429 Too Many Requests.",
    todo: "Nothing: the host is slowed down and the page retried after its Retry-After; lower the pipeline's rate if it persists.",
    retryable: true,
  },
  NF_FETCH_HTTP_503: {
    means: "The server answered 503 Service Unavailable.",
    todo: "Nothing: the page is retried after the server's Retry-After; check the site if it persists.",
    retryable: true,
  },
  NF_FETCH_HTTP_STATUS: {
    means: "The server answered with an HTTP error status (a 404, 410, 500, …).",
    todo: "A 4xx means the page is not there: check the URL. A 5xx (and 408, 425) is retried.",
    retryable: false,
  },
  NF_FETCH_NETWORK: {
    means: "The connection failed (DNS, refused, reset) before an answer came.",
    todo: "Check the host name and the network; the page is retried.",
    retryable: true,
  },
  NF_FETCH_REDIRECT_LOOP: {
    means: "The server's redirects lead back to a URL already visited.",
    todo: "Check the page in a browser; use the final URL in the source.",
    retryable: false,
  },
  NF_FETCH_ROBOTS_DISALLOWED: {
    means: "The site's robots.txt does not allow our user agent to fetch this page.",
    todo: "Respect it: remove the page from the source, or ask the site owner.",
    retryable: false,
  },
  NF_FETCH_ROBOTS_UNAVAILABLE: {
    means: "The site's robots.txt could not be read, so none of its pages are fetched yet.",
    todo: "Nothing: pages wait until robots.txt can be read; check the site if it persists.",
    retryable: true,
  },
  NF_FETCH_TIMEOUT: {
    means: "The server did not answer, or did not finish its answer, in time.",
    todo: "Nothing: the page is retried; raise the pipeline's fetch.timeoutMs for slow sites.",
    retryable: true,
  },
  NF_FETCH_TOO_LARGE: {
    means: "The page is larger than the pipeline's maximum page size.",
    todo: "Raise the pipeline's fetch.maxBytes if such pages are wanted.",
    retryable: false,
  },
  NF_FETCH_TOO_MANY_REDIRECTS: {
    means: "The server redirected more times than allowed.",
    todo: "Use the final URL in the source.",
    retryable: false,
  },
  NF_INGEST_FAILED: {
    means: "An article could not be extracted or stored, for a reason without a code of its own.",
    todo: "Read the message; report it with the input if it is not about the input.",
    retryable: false,
  },
  NF_INPUT_BAD_JSONL: {
    means: "A line of a .jsonl input is not JSON, or not an article object.",
    todo: 'Fix the line named in the message; each line is {"id": "...", "text": "..."} or {"id", "html"}.',
    retryable: false,
  },
  NF_INPUT_IS_DIRECTORY: {
    means: "A path given as a file is a folder.",
    todo: "Give the folder where folders are accepted, or the files in it.",
    retryable: false,
  },
  NF_INPUT_NOT_FOUND: {
    means: "An input file does not exist.",
    todo: "Check the path.",
    retryable: false,
  },
  NF_INPUT_READ_FAILED: {
    means: "An input file could not be read.",
    todo: "Read the system's reason in the message and fix the file or its disk.",
    retryable: false,
  },
  NF_INPUT_UNREADABLE: {
    means: "An input file may not be read (permission denied).",
    todo: "Fix the file's permissions.",
    retryable: false,
  },
  NF_INPUT_UNSUPPORTED: {
    means: "An input file has a type that is not read.",
    todo: "Give .txt, .html or .jsonl files, or - for standard input.",
    retryable: false,
  },
  NF_PIPELINE_DUPLICATE_NAME: {
    means: "Two pipeline files in one folder have the same name.",
    todo: "Rename one of them; names key schedulers and runs.",
    retryable: false,
  },
  NF_PIPELINE_INVALID: {
    means: "A pipeline file is not valid YAML or does not match the pipeline schema.",
    todo: "Fix the field at the line named in the message (see pipelines/ for examples).",
    retryable: false,
  },
  NF_PIPELINE_NOT_FOUND: {
    means: "A pipeline file does not exist.",
    todo: "Check the path.",
    retryable: false,
  },
  NF_QUERY_BAD_PERIOD: {
    means: "A --period filter is not a period that can be read.",
    todo: "Write 2025, FY2026, Q3, Q3 2025, or words of the period.",
    retryable: false,
  },
  NF_QUEUE_BAD_JOB_DATA: {
    means: "A queue job's data does not match its schema (written by another version, or by hand).",
    todo: "Remove the job, or run the pipeline again to enqueue it anew.",
    retryable: false,
  },
  NF_QUEUE_NO_REDIS: {
    means: "A queue command was run without REDIS_URL.",
    todo: "Set REDIS_URL (e.g. redis://127.0.0.1:6379), or run pipelines inline with `newsfigures ingest PIPELINE.yaml`.",
    retryable: false,
  },
  NF_QUEUE_PAGE_DROPPED: {
    means: "A failed extract job was retried after its page had been dropped from the queue.",
    todo: "Run the pipeline again (ingest) to fetch the page anew.",
    retryable: false,
  },
  NF_QUEUE_REDIS_UNREACHABLE: {
    means: "Redis did not answer within seconds.",
    todo: "Check that Redis runs at REDIS_URL; workers reconnect by themselves.",
    retryable: true,
  },
  NF_RUN_TIMEOUT: {
    means: "A page was not done within the pipeline's run.timeout.",
    todo: "Nothing: the next run takes it; raise run.timeout if runs are routinely cut short.",
    retryable: false,
  },
  NF_SOURCE_BAD_FEED: {
    means: "A feed is not RSS or Atom that can be read.",
    todo: "Check the feed URL in a browser; fix the pipeline's source.",
    retryable: false,
  },
  NF_SOURCE_BAD_SITEMAP: {
    means: "A sitemap is not a sitemap or sitemap index that can be read.",
    todo: "Check the sitemap URL in a browser; fix the pipeline's source.",
    retryable: false,
  },
  NF_STORE_BAD_SCHEMA: {
    means: "The PostgreSQL schema named in the store URL (`?schema=`) is not a plain identifier.",
    todo: "Use letters, digits and _ in the schema name.",
    retryable: false,
  },
  NF_STORE_BAD_URL: {
    means: "The store URL cannot be read.",
    todo: "Write sqlite:PATH or postgres://USER@HOST:5432/DB.",
    retryable: false,
  },
  NF_STORE_ID_MISMATCH: {
    means: "An article was saved with the extraction (or fetch state) of another article.",
    todo: "Report it with what you ran: callers pass the result of extracting the article's own body.",
    retryable: false,
  },
  NF_STORE_OPEN_FAILED: {
    means: "The SQLite store file could not be opened or created.",
    todo: "Check the path and its folder's permissions.",
    retryable: false,
  },
  NF_STORE_QUERY_FAILED: {
    means: "The database refused or failed a statement.",
    todo: "Read the database's reason in the message; connection losses and deadlocks are retried.",
    retryable: false,
  },
  NF_STORE_TIMEOUT: {
    means: "The database did not answer in time.",
    todo: "Check that the database runs and is not overloaded; the work is retried.",
    retryable: true,
  },
  NF_STORE_UNSUPPORTED: {
    means: "The store URL names a kind of store that is not supported.",
    todo: "Use sqlite:PATH or postgres://….",
    retryable: false,
  },
  NF_UNKNOWN: {
    means: "A failure that carried no code of its own.",
    todo: "Read the message; report it with what you ran.",
    retryable: false,
  },
  NF_EXTRACT_BODY_TOO_LARGE: {
    means: "An article's body is longer than the extractor reads (6,000,000 characters).",
    todo: "Nothing for a news page; if it is a real article, split it. The page is not retried.",
    retryable: false,
  },
  NF_EXTRACT_LINE_TOO_LONG: {
    means:
      "An article's body has a line longer than the extractor reads (50,000 characters), the shape of a generated or hostile page.",
    todo: "Nothing for a news page; the page is not retried.",
    retryable: false,
  },
  NF_EXTRACT_TIMEOUT: {
    means:
      "A page took longer than the worker's --page-time-limit to parse and extract, and was given up.",
    todo: "Nothing for a news page; raise --page-time-limit if real pages hit it. It is not retried.",
    retryable: false,
  },
  NF_EXTRACT_THREAD_EXITED: {
    means: "The analysis thread exited while working on a page.",
    todo: "Nothing: the page is retried on a new thread; report it if it persists.",
    retryable: true,
  },
  NF_WORKER_CLOSED: {
    means: "The analysis pool was closed (the worker is stopping) before the page was analysed.",
    todo: "Nothing: the page is retried by the next worker.",
    retryable: true,
  },
  NF_WORKER_NOT_BUILT: {
    means:
      "The compiled analysis thread (dist/) is missing, so pages cannot be analysed off the main thread.",
    todo: "Run `npm run build` (or `npm ci`).",
    retryable: false,
  },
  NF_PARSE_TOO_DEEP: {
    means:
      "A page nests its elements deeper than the parser reads (1,000 levels), the shape of a broken or hostile page.",
    todo: "Nothing for a news page; it is not retried.",
    retryable: false,
  },
  NF_INPUT_OUTSIDE_FOLDER: {
    means: "A file of a `files:` source resolves outside its folder (a symbolic link out of it).",
    todo: "Copy the file into the folder instead of linking to it.",
    retryable: false,
  },
  NF_INPUT_OUTSIDE_ROOT: {
    means:
      "A `files:` source names a folder outside NEWSFIGURES_FILES_ROOT (default: the working directory).",
    todo: "Move the files below the root, or set NEWSFIGURES_FILES_ROOT to a folder that holds them.",
    retryable: false,
  },
  NF_QUEUE_UNKNOWN_PIPELINE: {
    means: "A queue job names a pipeline this worker did not load.",
    todo: "Start the worker with --pipelines naming the pipeline's file or folder.",
    retryable: false,
  },
  NF_QUEUE_JOB_MISMATCH: {
    means: "A queue job's store or files differ from the pipeline definition the worker loaded.",
    todo: "Run the pipeline again from its file; jobs written by hand or by another version are refused.",
    retryable: false,
  },
  NF_SERVE_BAD_PARAM: {
    means: "A query parameter of the web page or API has a value that cannot be used.",
    todo: "Correct it as the message says; the API takes the filter names of `newsfigures query`.",
    retryable: false,
  },
  NF_SERVE_BAD_CURSOR: {
    means: "A paging cursor is not one the server made, or was made for another sort order.",
    todo: "Page on with the `next` link or cursor an answer gave (same sort), or start again without a cursor.",
    retryable: false,
  },
  NF_SERVE_ENTITY_NOT_FOUND: {
    means: "No stored figure names that entity.",
    todo: "Search for a shorter part of the name.",
    retryable: false,
  },
  NF_SERVE_ARTICLE_NOT_FOUND: {
    means: "No stored article has that id.",
    todo: "Check the id (sha256:\u2026) or search for the article's figures.",
    retryable: false,
  },
  NF_SERVE_NO_QUEUES: {
    means: "`serve` was started without REDIS_URL, so it shows no queues.",
    todo: "Start serve with REDIS_URL set to see the queues.",
    retryable: false,
  },
  NF_SERVE_QUEUES_UNAVAILABLE: {
    means: "Redis did not answer the page's request for queue status in time.",
    todo: "Check REDIS_URL and that Redis runs.",
    retryable: true,
  },
  NF_SERVE_BAD_HOST: {
    means:
      "A request to a loopback server named a host that is not a loopback name (DNS rebinding).",
    todo: "Open the page at 127.0.0.1 or localhost, or start serve with --host.",
    retryable: false,
  },
  NF_SERVE_BAD_REQUEST: {
    means: "The web page or API could not read the request (a malformed URL or header).",
    todo: "Check the address; the API takes GET requests with the filter names of `newsfigures query`.",
    retryable: false,
  },
  NF_SERVE_NOT_FOUND: {
    means: "Nothing is served at that address; the server only reads (GET).",
    todo: "Start from the overview page, or see docs/cli.md for the API's routes.",
    retryable: false,
  },
  NF_SERVE_INTERNAL: {
    means: "The web page or API failed on a request for a reason without a code of its own.",
    todo: "Report it with the address you opened; the server's log has the whole error.",
    retryable: false,
  },
} as const satisfies Record<`NF_${string}`, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

export interface ErrorOptions {
  cause?: unknown;
  /** Overrides the code's default where the throw site knows better (a 5xx, a lost connection). */
  retryable?: boolean;
  details?: Record<string, unknown>;
}

export class NewsfiguresError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    // Messages name URLs (stores, feeds, pages): their secrets never leave in one.
    super(redactText(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "NewsfiguresError";
    this.code = code;
    this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
    this.details = options.details ?? {};
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      details: this.details,
    };
  }
}

export function isNewsfiguresError(err: unknown): err is NewsfiguresError {
  return err instanceof NewsfiguresError;
}

/** The error and its causes, outermost first (at most eight deep). */
export function causeChain(err: unknown): unknown[] {
  const out: unknown[] = [];
  let e: unknown = err;
  for (let i = 0; e !== undefined && e !== null && i < 8; i++) {
    out.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return out;
}

const LEADING_CODE = /^([A-Z0-9_]+):/;

/**
 * The stable code of a failure, the one reader of codes: its NF code, else an errno or
 * SQLSTATE found in its causes; for a failure kept as text (`CODE: message`, as the
 * failed set and run reports keep it), the code it starts with. NF_UNKNOWN when none.
 */
export function errorCode(err: unknown): string {
  if (typeof err === "string") return LEADING_CODE.exec(err)?.[1] ?? "NF_UNKNOWN";
  for (const e of causeChain(err)) {
    if (isNewsfiguresError(e)) return e.code;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
  }
  // Checked by name so that this module loads no schema library.
  if (err instanceof Error && err.name === "ZodError") return "NF_QUEUE_BAD_JOB_DATA";
  return "NF_UNKNOWN";
}

/** A short, single-line description of any thrown value, for reports and logs. */
export function describeError(err: unknown): string {
  if (err instanceof NewsfiguresError) return `${err.code}: ${err.message}`;
  if (err instanceof Error) return err.message;
  return String(err);
}
