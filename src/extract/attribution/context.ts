/**
 * The words around a figure: its sentence, the left window (back to the previous figure
 * of the sentence or the clause start) and the right window (up to the next figure, a
 * clause break or a few words). Every reader of attribution looks only here, so the cost
 * per figure is bounded and the whole pass is linear in the article.
 */
import type { Figure, Sentence } from "../types.js";

export interface FigureContext {
  figure: Figure;
  index: number;
  sentence: Sentence;
  sentenceIndex: number;
  /** Index in figures of the previous figure in the same sentence, or -1. */
  prevInSentence: number;
  leftStart: number;
  left: string;
  rightEnd: number;
  right: string;
  /** The line the figure sits on (for table rows). */
  line: string;
  lineStart: number;
}

const LEFT_MAX = 140;
const RIGHT_MAX = 70;
/** The previous figure's own tail ("... per diluted share,"). */
const PREV_TAIL =
  /^\s*(?:(?:a|per|for each)\s+(?:diluted\s+|basic\s+)?(?:share|shr)|a (?:year|month|day|quarter)|each|apiece)\b/i;
/** A line break ends a clause unless the text runs on in lower case: wire copy wraps its lines mid-clause. */
const RIGHT_STOP = /;|\n(?![a-z0-9])| — /;
/** ", and the ...", ", while ...", ", but ...": a new clause with its own subject. */
const CLAUSE_JOIN = /,\s+(?:and|while|but|whereas)\s+(?=(?:the|its|a|an|[A-Z]))/g;

export function contextsOf(
  text: string,
  figures: Figure[],
  sentences: Sentence[],
): FigureContext[] {
  const out: FigureContext[] = [];
  let si = 0;
  figures.forEach((figure, index) => {
    while (si < sentences.length - 1 && (sentences[si] as Sentence).end <= figure.start) si++;
    const sentence = sentences[si] ?? { start: 0, end: text.length, text };
    const prev = figures[index - 1];
    const next = figures[index + 1];
    const prevInSentence =
      prev && prev.end > sentence.start && prev.end <= figure.start ? index - 1 : -1;
    let leftStart = Math.max(
      sentence.start,
      figure.start - LEFT_MAX,
      prevInSentence >= 0 ? (prev as Figure).end : 0,
    );
    if (prevInSentence >= 0) {
      // The previous figure's own tail ("... per diluted share,") is not this figure's context.
      const tail = PREV_TAIL.exec(text.slice(leftStart, figure.start));
      if (tail) leftStart += tail[0].length;
    }
    const leftRaw = text.slice(leftStart, figure.start);
    // A clause break (";", " — ", a line break) bounds the left window.
    const cut = Math.max(
      leftRaw.lastIndexOf(";"),
      leftRaw.lastIndexOf(" — "),
      leftRaw.lastIndexOf(" - "),
      paragraphBreak(leftRaw),
      clauseBreak(leftRaw),
    );
    if (cut >= 0) leftStart += cut + 1;
    let rightEnd = Math.min(
      sentence.end,
      figure.end + RIGHT_MAX,
      next && next.start >= figure.end ? next.start : Number.POSITIVE_INFINITY,
    );
    let rightFrom = figure.end;
    // "EUR 5 million ( USD 6.5 m ) in cost savings": read past a conversion in brackets.
    const gap = next ? text.slice(figure.end, next.start) : "";
    const unbracketed =
      next !== undefined &&
      /^ +$/.test(gap) &&
      next.kind === "money" &&
      figure.kind === "money" &&
      next.currency !== figure.currency;
    if (next && (/^\s*\(\s*$/.test(gap) || unbracketed)) {
      // "EUR 40 million USD 51.2 m index-linked bond": the same, without brackets.
      const close = unbracketed ? next.end - 1 : text.indexOf(")", next.end);
      if (close >= 0 && close - next.end <= 3) {
        rightFrom = close + 1;
        rightEnd = Math.min(sentence.end, rightFrom + RIGHT_MAX);
        const after = figures[index + 2];
        if (after && after.start >= rightFrom) rightEnd = Math.min(rightEnd, after.start);
      }
    }
    const rightRaw = text.slice(rightFrom, rightEnd);
    const stop = rightRaw.search(RIGHT_STOP);
    if (stop >= 0) rightEnd = rightFrom + stop;
    const lineStart = text.lastIndexOf("\n", figure.start - 1) + 1;
    const le = text.indexOf("\n", figure.end);
    out.push({
      figure,
      index,
      sentence,
      sentenceIndex: si,
      prevInSentence,
      leftStart,
      left: text.slice(leftStart, figure.start),
      rightEnd,
      right:
        rightFrom === figure.end
          ? text.slice(figure.end, Math.max(figure.end, rightEnd))
          : ` ${text.slice(rightFrom, Math.max(rightFrom, rightEnd))}`,
      line: text.slice(lineStart, le === -1 ? text.length : le),
      lineStart,
    });
  });
  return out;
}

/** The last ", and the ...", ", while ...", ", but ..." in a window: a new clause with its own subject. */
function clauseBreak(s: string): number {
  let at = -1;
  // exec in a loop, not matchAll, which copies the expression on every call. It never
  // matches the empty string, and the last exec fails, which leaves lastIndex at 0.
  CLAUSE_JOIN.lastIndex = 0;
  for (let m = CLAUSE_JOIN.exec(s); m !== null; m = CLAUSE_JOIN.exec(s))
    at = m.index + m[0].length - 1;
  return at;
}

/** The last line break in a window that starts a paragraph, a row or a new line of its own. */
function paragraphBreak(s: string): number {
  for (let i = s.length - 2; i >= 0; i--) {
    if (s[i] !== "\n") continue;
    const next = s[i + 1] as string;
    // A wrapped line goes on in lower case ("net income\nin 1986 rose"); anything else starts anew.
    if ((!/[a-z0-9]/.test(next) && !wrapped(s, i)) || isShortLine(s, i)) return i;
  }
  // A figure that opens a wrapped line ("proceeds of about\n90 mln dlrs") goes on the clause before it.
  return s.endsWith("\n") && !wrappedBefore(s) ? s.length - 1 : -1;
}

/** The window ends with a line break after a line of prose cut mid-clause (wire copy wraps before a figure). */
function wrappedBefore(s: string): boolean {
  const nl = s.length - 1;
  const start = s.lastIndexOf("\n", nl - 1);
  const line = s.slice(start + 1, nl);
  return (
    (start < 0 || nl - start >= 45) && /[a-z,]\s*$/.test(line) && !/^\s*[A-Z][^:]{0,40}:/.test(line)
  );
}

/** A long line that stops mid-sentence was wrapped: "includes income loss of\nMetCap subsidiary". */
function wrapped(s: string, nl: number): boolean {
  const start = s.lastIndexOf("\n", nl - 1);
  const line = s.slice(start + 1, nl);
  // "GAAP operating margin: 14.2%, ...": a labelled row is a line of its own.
  return (
    start >= 0 &&
    nl - start >= 55 &&
    !/[.:;!?"”)]\s*$/.test(line) &&
    !/^\s*[A-Z][^:]{0,40}:\s*(?:[-+$€£¥(]\s*\d|\d[\d,.]*\s*(?:%|pct|per|mln|bln|billion|million|dlrs|cts))/.test(
      line,
    )
  );
}

/** The line before a break is short (a heading, a table row), not a wrapped line of prose. */
function isShortLine(s: string, nl: number): boolean {
  const start = s.lastIndexOf("\n", nl - 1);
  return start >= 0 && nl - start < 45;
}
