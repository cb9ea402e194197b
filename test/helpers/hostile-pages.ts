/**
 * Pages shaped to make a parser or extractor slow or crash, written for the tests and the
 * linearity benchmark: deep nesting, tags never closed, one giant paragraph.
 */

const SENTENCE =
  "Brennock Cement said revenue rose 4% to $1.2 billion in the quarter, while net income was $310 million. ";

/** `n` nested <div> around one paragraph (100,000 -> 1.1 MB). */
export function nestedDivs(n: number): string {
  return `<!doctype html><html><head><title>Deep</title></head><body>${"<div>".repeat(n)}<p>${SENTENCE}</p>${"</div>".repeat(n)}</body></html>`;
}

/** `n` <span> opened and never closed, each with a word. */
export function unclosedSpans(n: number): string {
  return `<!doctype html><html><head><title>Spans</title></head><body><article>${"<span>word ".repeat(n)}<p>${SENTENCE}</p></article></body></html>`;
}

/** One paragraph of about `bytes` bytes (4.9 MB fits under the fetch stage's 5 MB cap). */
export function giantParagraph(bytes: number): string {
  return `<!doctype html><html><head><title>Giant</title></head><body><article><p>${SENTENCE.repeat(Math.max(1, Math.round(bytes / SENTENCE.length)))}</p></article></body></html>`;
}
