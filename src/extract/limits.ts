/**
 * What the extractor takes on: a body of at most MAX_BODY_CHARS, no line longer than
 * MAX_LINE_CHARS. Several readers look back or ahead to the edges of a figure's line, so a
 * line's cost grows with its length; capping it keeps extraction linear in the body.
 * Real text is far below both (the longest line of the 187 evaluation pages is 2,071
 * characters, of Reuters 121; the longest body 53,732): what is over is refused with a
 * code, never cut short silently.
 */
import { NewsfiguresError } from "../errors.js";

/** Above the fetch stage's default 5 MB page, so any page it accepts can be extracted. */
export const MAX_BODY_CHARS = 6_000_000;
export const MAX_LINE_CHARS = 50_000;

export function checkBodyLimits(body: string): void {
  if (body.length > MAX_BODY_CHARS) {
    throw new NewsfiguresError(
      "NF_EXTRACT_BODY_TOO_LARGE",
      `the article body has ${body.length} characters, more than ${MAX_BODY_CHARS}; split the input into articles`,
    );
  }
  // One pass over the newlines: indexOf jumps in native code.
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf("\n", start);
    if (end === -1) end = body.length;
    if (end - start > MAX_LINE_CHARS) {
      throw new NewsfiguresError(
        "NF_EXTRACT_LINE_TOO_LONG",
        `line ${countLines(body, start)} of the article body has ${end - start} characters, more than ${MAX_LINE_CHARS}; text this long without a line break is not prose the extractor reads (break it into paragraphs)`,
      );
    }
    start = end + 1;
  }
}

function countLines(body: string, upTo: number): number {
  let n = 1;
  for (let i = body.indexOf("\n"); i !== -1 && i < upTo; i = body.indexOf("\n", i + 1)) n++;
  return n;
}
