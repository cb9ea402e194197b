/**
 * Span trimming of a capitalised run before it is typed: the words around a name that are
 * not part of it (a headline verb run into the body, a title, "The", a trailing report
 * word, what follows a closing legal form, "-based", a possessive, closing punctuation)
 * come off, and the span's offsets follow the words kept.
 */
import { isAsciiLetter } from "../chars.js";
import {
  HEADLINE_VERBS,
  INSTITUTION_HEADS,
  LEGAL_FORM_WORDS,
  MEDIA_WORDS,
  NOT_NAME_WORDS,
  ORG_SUFFIXES,
  PERSON_TITLE_LAST_WORDS,
  PERSON_TITLES,
} from "../lexicon/entities.js";
import {
  INSTITUTION_LEAD_WORDS,
  INSTITUTION_WORDS,
  NAME_CONNECTORS,
  TITLE_LEAD_WORDS,
  TITLE_WORDS,
} from "../lexicon/mention-words.js";
import { KNOWN_BEFORE_SPACE, KNOWN_BY_FORM } from "./known.js";
import { isWhiteAt, splitOnSpace } from "./split.js";

/** A run trimmed to its name: where it is, how it reads, and what the trimming learnt. */
export interface TrimmedSpan {
  start: number;
  end: number;
  /** The name as one line: single spaces, no possessive, no closing punctuation. */
  form: string;
  words: string[];
  /** A title stood before the name or was trimmed off it ("Mr.", "Chief Executive"). */
  titled: boolean;
  /** The run ended in "-based": the name is a place. */
  based: boolean;
  /** The possessive the form ended in ("'s", "’"), or null. */
  possessive: string | null;
  /** Up to forty characters of text before the run. */
  before: string;
}

/**
 * The words of a run that belong to one name, before any trimming at its edges: a
 * press-release verb ends the name ("Balboa Capital Celebrates National ..."), and a
 * headline glued to the body's first words repeats it ("Keio Plaza Hotel Keio Plaza Hotel").
 */
export function cutRun(tokens: string[]): string[] {
  let out = tokens;
  const verbAt = out.findIndex((t, i) => i > 0 && HEADLINE_VERBS.has(t));
  if (verbAt > 0) out = out.slice(0, verbAt);
  const half = out.length / 2;
  if (
    half >= 1 &&
    Number.isInteger(half) &&
    out.slice(0, half).join(" ") === out.slice(half).join(" ")
  )
    out = out.slice(0, half);
  return out;
}

/** The span of the name inside a cut run that starts at `at`, or null when no name is left. */
export function trimSpan(text: string, at: number, run: string[]): TrimmedSpan | null {
  let tokens = run;
  let start = at;
  let titled = false;
  // "Head of Development", "Treasurer of Bay Area Health Care Foundation": a role of an
  // organisation; the organisation is the name.
  if (tokens.length >= 3 && TITLE_WORDS.has(tokens[0] as string) && tokens[1] === "of") {
    for (const t of tokens.splice(0, 2)) start = text.indexOf(t, start) + t.length;
    start = skipSpaces(text, start);
  }
  // A title before the name: "Chief Executive Daniel Okafor", "Mr. Okafor".
  const before = text.slice(Math.max(0, at - 40), at);
  if (endsInSpace(before) && mayEndInTitle(before) && PERSON_TITLES.test(lastWords(before)))
    titled = true;
  // Trim leading non-name words ("The", "Shares", "Chief Executive"), noting titles.
  while (
    tokens.length > 0 &&
    !keepsLead(tokens) &&
    isNotName(tokens[0] as string, tokens.length > 1 ? (tokens[1] as string) : "")
  ) {
    const t = tokens.shift() as string;
    if (isTitleLead(t)) titled = true;
    start = skipSpaces(text, start + t.length);
  }
  while (tokens.length > 0 && isConnector(tokens[0] as string)) {
    const t = tokens.shift() as string;
    start = skipSpaces(text, start + t.length);
  }
  while (tokens.length > 0 && endsOnNonName(tokens)) tokens.pop();
  // "Maple Leaf Mills Ltd of Toronto", "Bennes Marrel SA of France": the legal form closes
  // the name; what follows "of" is where the company is.
  // "Rautaruukki Oyj Ruukki", "Acme Inc Chief Executive": so do the words after a closing
  // legal form ("Corp" and "Co" also sit inside names: "Service Corp International").
  const legalAt = tokens.findIndex(
    (t, i) =>
      i > 0 &&
      LEGAL_FORM_WORDS.has(t) &&
      (tokens[i + 1] === "of" ||
        (tokens[i + 1] !== undefined &&
          !/^(?:Corp|Co|Cos|Company|Corporation)\.?$/.test(t) &&
          !LEGAL_FORM_WORDS.has(tokens[i + 1] as string) &&
          tokens[i + 1] !== "and")),
  );
  if (legalAt > 0) tokens = tokens.slice(0, legalAt + 1);
  if (tokens.length === 0) return null;
  // Recompute the end from the kept tokens (whitespace inside may be several characters).
  let end = start;
  for (const t of tokens) end = text.indexOf(t, end) + t.length;
  const spanText = text.slice(start, end);
  let form = tokens.length === 1 ? spanText : spanText.replace(/\s+/g, " ");
  let based = false;
  if (form.endsWith("-based")) {
    form = form.slice(0, form.length - 6);
    end = start + spanText.length - 6;
    based = true;
  }
  const possessive = possessiveOf(form);
  if (possessive) {
    form = form.slice(0, form.length - possessive.length);
    end -= possessive.length;
  }
  form = withoutClosingPunctuation(form).trim();
  if (form.length < 2) return null;
  end = rawAt(text, start, form.length);
  return { start, end, form, words: splitOnSpace(form), titled, based, possessive, before };
}

/** A trailing word that is no part of the name: a connector, or a report word that is not a corporate word. */
function endsOnNonName(tokens: string[]): boolean {
  const last = tokens.at(-1) as string;
  if (isConnector(last)) return true;
  const s = strip(last);
  return (
    NOT_NAME_WORDS.has(s) &&
    !ORG_SUFFIXES.has(s) &&
    !(tokens.length === 1 && KNOWN_BY_FORM.has(strip(tokens[0] as string))) &&
    // "Bloomberg News": a known outlet's news service keeps its word.
    !(MEDIA_WORDS.has(s) && KNOWN_BY_FORM.has(tokens.slice(0, -1).join(" ")))
  );
}

/** "Acme Corp.," keeps the period of its abbreviation, "Acme said," loses the comma. */
function withoutClosingPunctuation(form: string): string {
  const c = form.charCodeAt(form.length - 1);
  if (c !== 46 && c !== 44) return form;
  return form.replace(/[.,]+$/, () =>
    /\b(?:Inc|Corp|Co|Ltd|Jr|Sr)\.$|(?:^|\s)(?:[A-Z]\.)+$/.test(form) ? "." : "",
  );
}

/** The possessive a form ends in: "'s", "’s", or a lone apostrophe ("Technologies'"). */
function possessiveOf(form: string): string | null {
  const c = form.charCodeAt(form.length - 1);
  if (c === 39 || c === 8217) return form.slice(-1);
  if (c === 115 && form.length >= 2) {
    const q = form.charCodeAt(form.length - 2);
    if (q === 39 || q === 8217) return form.slice(-2);
  }
  return null;
}

function isTitleLead(t: string): boolean {
  return TITLE_LEAD_WORDS.has(t) || (t.endsWith(".") && TITLE_LEAD_WORDS.has(t.slice(0, -1)));
}

/**
 * The last three words of a context with the space before them: a title is at most three
 * words ("Executive Vice President"), and the title regex then scans a few characters, not forty.
 */
function lastWords(before: string): string {
  let k = before.length;
  while (k > 0 && isSpace(before.charCodeAt(k - 1))) k--;
  for (let w = 0; w < 3 && k > 0; w++) {
    k = before.lastIndexOf(" ", k - 1);
    if (k < 0) return before;
    while (k > 0 && isSpace(before.charCodeAt(k - 1))) k--;
  }
  return k <= 0 ? before : before.slice(k);
}

/**
 * The letters before the white space that ends a context (and a full stop before it) are
 * the last word of a title: every title ends in a word of letters that no letter precedes.
 */
function mayEndInTitle(before: string): boolean {
  let k = before.length;
  while (k > 0 && isWhiteAt(before, k - 1)) k--;
  if (k > 0 && before.charCodeAt(k - 1) === 46) k--;
  let s = k;
  while (s > 0 && isAsciiLetter(before.charCodeAt(s - 1))) s--;
  return PERSON_TITLE_LAST_WORDS.has(before.slice(s, k));
}

/** Every title pattern ends in white space: a context that does not cannot hold one. */
function endsInSpace(s: string): boolean {
  return s.length > 0 && isWhiteAt(s, s.length - 1);
}

/** The text offset `n` characters of a name into it, its whitespace runs read as one space. */
export function rawAt(text: string, start: number, n: number): number {
  let i = start;
  for (let c = 0; c < n && i < text.length; c++) {
    if (isSpace(text.charCodeAt(i))) while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    else i++;
  }
  return i;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && isWhiteAt(text, i)) i++;
  return i;
}

const STRIPPED_END = /(?:'s|’s|'|’|\.|,)$/;
/** A word without a possessive or closing punctuation; most words have none, so look at the last character first. */
export const strip = (w: string): string => {
  const c = w.charCodeAt(w.length - 1);
  // s ' ’ . ,
  return c === 115 || c === 39 || c === 8217 || c === 46 || c === 44
    ? w.replace(STRIPPED_END, "")
    : w;
};

export const isConnector = (w: string): boolean => NAME_CONNECTORS.has(w);

/** A word that is not a name by itself, unless what follows makes it one. */
export function isNotName(w: string, next: string): boolean {
  const s = strip(w);
  if (!NOT_NAME_WORDS.has(s)) return false;
  // "Bank of Kestrel Corp", "Bank of Brazil": an institution word heading an "of" name.
  if (next === "of" && INSTITUTION_HEADS.has(s)) return false;
  // "(Reuters)", "told Reuters": a lone word the lexicon knows as a name is that name.
  if (next === "" && KNOWN_BY_FORM.has(s)) return false;
  // "Bank of Canada", "Federal Reserve", "General Motors": keep a lexicon word when the
  // whole phrase from it is known or it is followed by a suffix word.
  if (KNOWN_BEFORE_SPACE.has(s) && KNOWN_BY_FORM.has(`${s} ${strip(next)}`)) return false;
  return true;
}

/** "Federal Open Market Committee": a phrase of three or more words ending in a corporate word keeps its first word. */
function keepsLead(tokens: string[]): boolean {
  if (tokens.length < 2) return false;
  // The institution word closes the phrase or heads its "of" part ("American Academy of
  // Actuaries", "National Association of Auto Dealers").
  const ofAt = tokens.indexOf("of");
  const institution =
    ORG_SUFFIXES.has(strip(tokens.at(-1) as string)) ||
    (ofAt >= 2 && INSTITUTION_HEADS.has(tokens[ofAt - 1] as string));
  if (!institution) return false;
  const lead = strip(tokens[0] as string);
  if (!(PROPER_ADJECTIVE.test(lead) || INSTITUTION_LEAD_WORDS.has(lead))) return false;
  if (tokens.length !== 2) return true;
  const second = strip(tokens[1] as string);
  return !(NOT_NAME_WORDS.has(second) && !INSTITUTION_WORDS.has(second));
}

/** A nationality or regional adjective ("Saudi", "Arabian", "Australian", "Israeli"). */
const PROPER_ADJECTIVE = /^[A-Z][a-z]+(?:[^m]an|ian|ese|ish|i)$/;
