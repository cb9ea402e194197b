/**
 * Mention finding: capitalised phrases (with "of", "&" inside), each read into a mention by
 * mention.ts (span trimming, then ordered rules that type it by suffix, ticker, title, given
 * name, "-based" and the lexicon). One regular-expression pass over the text.
 */
import { isDigitCode, isLowerAscii } from "../chars.js";
import {
  FIRST_NAMES,
  INSTITUTION_HEADS,
  LEGAL_FORM_WORDS,
  NOT_NAME_WORDS,
  PERSON_TITLES,
} from "../lexicon/entities.js";
import { KNOWN_BY_FORM, scanKnown } from "./known.js";
import type { LowerWords } from "./lower-words.js";
import { toMention } from "./mention.js";
import type { RawMention } from "./mention-types.js";
import { splitOnSpace, splitOnWhite } from "./split.js";

export type { MentionType, RawMention } from "./mention-types.js";

const TOKEN = "(?:(?:[A-Z]\\.){2,}(?=\\s+[A-Z][a-z])|[A-Z][A-Za-z0-9'’.&-]*[A-Za-z0-9&]|[A-Z]\\.?)";
/** Words of a name are apart by spaces, or by a line break inside a wrapped paragraph (wire copy). */
const GAP = "(?:[ \\t]+|[ \\t]*\\n(?![ \\t\\r\\n]))";
const PHRASE = new RegExp(
  `${TOKEN}(?:(?:(?:${GAP}(?:of|&|de|du|van|von|der|del|da|di|la|le|for)){1,2}${GAP}|${GAP}|,${GAP}(?=(?:Inc|Corp|Ltd|LLC|plc|Plc|PLC|Co|Limited|LP|NV|N\\.V\\.|SA|S\\.A\\.|AG|Oyj|AB|ASA|Incorporated)\\b))${TOKEN})*`,
  "g",
);
/** Stock exchanges as tickers name them: "(NYSE: CRVT)", "( HEL : RAP1V )", "OMX Helsinki: OKM1V". */
const EXCHANGES =
  "NYSE American|NYSE Arca|NYSE MKT|NYSE|NASDAQ|Nasdaq|AMEX|LSE|LON|TSXV|TSX-V|TSX|TSE|NSE|BSE|HKEX|HKSE|ASX|OTCQX|OTCQB|OTC|Euronext Paris|Euronext|Xetra|XETRA|FWB|ETR|SIX|SWX|Nasdaq OMX Helsinki|Nasdaq Helsinki|OMX Helsinki|OMX Stockholm|Nasdaq Stockholm|OMX Copenhagen|OMX|HEL|STO|CPH|OSL|SGX|KRX|KOSDAQ|TYO|JSE|NZX|BMV|SSE|SZSE|EPA|AMS|WSE";
const TICKER_SYMBOL = "[A-Z0-9][A-Z0-9.-]{0,9}";
/**
 * A ticker in brackets ("(NYSE: CRVT)", "<ALGI>") or after an exchange ("HEL : POH1S"): an
 * alias of the name before it; the exchange named in it is not an entity.
 */
const TICKER_BRACKET = new RegExp(
  `\\(\\s*(?:${EXCHANGES})\\s*:\\s*(${TICKER_SYMBOL})\\s*\\)|<\\s*([A-Z0-9][A-Z0-9.]{0,9})\\s*>`,
  "g",
);
/** An exchange and a ticker with no brackets ("Pohjola Bank Plc HEL : POH1S"), read back from its colon. */
const EXCHANGE_BEFORE_COLON = new RegExp(`(?<![\\w(])(?:${EXCHANGES})\\s*$`);
const TICKER_AFTER_COLON = /^\s*([A-Z][A-Z0-9]{1,9})\b/;
export function chunkMentions(
  text: string,
  from: number,
  to: number,
  lower: LowerWords,
): RawMention[] {
  const out: RawMention[] = [];
  const region = text.slice(from, to);
  const phrases = allMatches(PHRASE, region);
  for (let p = 0; p < phrases.length; p++) {
    const m = phrases[p] as RegExpMatchArray;
    const at = from + (m.index as number);
    let raw = m[0];
    // "Town and Country Jewelry Manufacturing Corp", "Unilever Plc and NV": a name whose
    // "and" is closed by a legal form is one name.
    const next = phrases[p + 1];
    let k = at + raw.length;
    while (text[k] === " " || text[k] === "\t") k++;
    if (
      next &&
      text.startsWith("and ", k) &&
      joinsByAnd(text, at, raw, from + (next.index as number), next[0])
    ) {
      raw = text.slice(at, from + (next.index as number) + next[0].length);
      p++;
    }
    if (isHeadingLine(text, at)) continue;
    for (const [lineAt, line] of wrappedLines(text, at, raw)) {
      // A possessive or a model number ends a name: "Elon Musk's Colossus", "Nvidia GB300".
      let offset = 0;
      // A ticker or handle closing a name ("Volkswagen AG VLKAY", "John Rosevear TMFMarlowe") starts a
      // new chunk, and so does the name after a "-based" place ("India-based Tractors & Farm Equipment").
      for (const part of splitName(line)) {
        const i = line.indexOf(part, offset);
        offset = i + part.length;
        if (hasDigit(part) && /[A-Z][A-Za-z]*\d/.test(part.split(/\s/)[0] as string)) continue;
        const mention = toMention(text, lineAt + i, part, lower);
        if (mention) out.push(withAndTail(text, mention));
      }
    }
  }
  for (const hit of scanKnown(text, from, to)) {
    const form = hit.form;
    const k = KNOWN_BY_FORM.get(form);
    if (!k) continue;
    const start = hit.start;
    if (text[start - 1] === "&") continue;
    // "2.8 billion yen", "39.8 mln euro": a currency word after an amount is its unit.
    if (k.type === "instrument" && AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 12), start)))
      continue;
    out.push({
      start,
      end: start + form.length,
      form,
      type: k.type,
      strength: 2,
      known: k.name,
      peripheral: k.peripheral,
    });
  }
  return withTickers(text, region, from, dropOverlaps(out));
}

/**
 * Every match of a global expression, in order: `[...s.matchAll(re)]` without the clone of
 * the expression and the iterator. No caller's expression matches the empty string.
 */
function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) out.push(m);
  return out;
}

/** The string holds a digit (what `/\d/` tests), read from character codes. */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) return true;
  return false;
}

/** What any split point of a run needs (see splitName). */
const SPLIT_CUE = /\sof\s|'s|’s|-based|\d|\s[A-Z]{3}/;

/**
 * Parts of a capitalised run that are names of their own: after a possessive, before a
 * model number, before a ticker or handle ("Volkswagen AG VLKAY", "John Rosevear
 * TMFMarlowe"), except capitals that a legal form closes ("Rapala VMC Corp").
 */
function splitName(line: string): string[] {
  // Every place the run splits is white space: a single word is one part.
  if (!/\s/.test(line)) return [line];
  // Each split point needs one of these (" of " after a legal form, a possessive or
  // "-based", a digit, a capitalised run of three): a run with none is one part.
  if (!SPLIT_CUE.test(line)) return [line];
  const parts = line.split(
    /(?<=\b(?:Inc|Corp|Ltd|LLC|Plc|plc|PLC|SA|AG|NV|AB|ASA|Oyj|Oy|GmbH|Limited)\.?)\s+of\s+(?=[A-Z])|(?<=(?:'s|’s|-based))\s+|\s+(?=[A-Z][A-Za-z]*\d)|(?<=[a-z]|\bAG|\bSA|\bNV|\bSE)\s+(?=[A-Z]{3,}[A-Za-z]*\b)/,
  );
  const out: string[] = [];
  if (parts.length === 1) return parts;
  for (const part of parts) {
    const prev = out.at(-1);
    const w = splitOnWhite(part);
    if (
      prev !== undefined &&
      /^[A-Z]{3,}[A-Za-z]*$/.test(w[0] as string) &&
      !/(?:'s|’s|-based)$/.test(prev) &&
      LEGAL_FORM_WORDS.has(w.at(-1) as string) &&
      w.length <= 3
    ) {
      const gap = line.slice(line.indexOf(prev) + prev.length).match(/^\s+/)?.[0] ?? " ";
      out[out.length - 1] = prev + gap + part;
    } else out.push(part);
  }
  return out;
}

const AMOUNT_BEFORE =
  /(?:\d|\b(?:mln|bln|million|billion|thousand|trillion|mn|bn|m|k|cts|cents|one|two|three|four|five|six|seven|eight|nine|ten|hundred|a|per))\s*$/i;

/**
 * Ticker brackets: the mentions inside one (the exchange, the symbol) are not names; the
 * symbol is an alias of the name just before it, which is then a company.
 */
function withTickers(text: string, region: string, from: number, ms: RawMention[]): RawMention[] {
  const brackets: Array<[number, number, string]> = [];
  for (const b of allMatches(TICKER_BRACKET, region))
    brackets.push([
      from + (b.index as number),
      from + (b.index as number) + b[0].length,
      (b[1] ?? b[2]) as string,
    ]);
  for (let c = region.indexOf(":"); c >= 0; c = region.indexOf(":", c + 1)) {
    const ex = EXCHANGE_BEFORE_COLON.exec(region.slice(Math.max(0, c - 24), c));
    const tk = ex && TICKER_AFTER_COLON.exec(region.slice(c + 1, c + 14));
    if (!ex || !tk) continue;
    const bs = from + c - ex[0].length;
    if (brackets.some(([s, e]) => bs >= s && bs < e)) continue;
    brackets.push([bs, from + c + 1 + tk[0].length, tk[1] as string]);
  }
  if (brackets.length === 0) return ms;
  brackets.sort((a, b) => a[0] - b[0]);
  const out: RawMention[] = [];
  let k = 0;
  for (const m of ms) {
    while (k < brackets.length && (brackets[k] as [number, number, string])[1] <= m.start) {
      const [bs, , symbol] = brackets[k] as [number, number, string];
      const prev = out.at(-1);
      if (prev && /^[\s,]*(?:'s|’s)?[\s,]*$/.test(text.slice(prev.end, bs))) {
        prev.ticker = symbol;
        if (prev.type === "unknown") prev.type = "organization";
        prev.strength = Math.max(prev.strength, 2);
      }
      k++;
    }
    const b = brackets[k];
    if (b && m.start >= b[0] && m.start < b[1]) continue;
    out.push(m);
  }
  for (; k < brackets.length; k++) {
    const [bs, , symbol] = brackets[k] as [number, number, string];
    const prev = out.at(-1);
    if (prev && prev.end <= bs && /^[\s,]*(?:'s|’s)?[\s,]*$/.test(text.slice(prev.end, bs))) {
      prev.ticker = symbol;
      if (prev.type === "unknown") prev.type = "organization";
      prev.strength = Math.max(prev.strength, 2);
    }
  }
  return out;
}

/**
 * A capitalised run broken over lines: one name when the line before the break is a
 * wrapped line of prose, separate lines when it is short (a heading, a contact block).
 */
function wrappedLines(text: string, at: number, raw: string): Array<[number, string]> {
  if (!raw.includes("\n")) return [[at, raw]];
  const out: Array<[number, string]> = [];
  let pieceAt = 0;
  for (let nl = raw.indexOf("\n"); nl >= 0; nl = raw.indexOf("\n", nl + 1)) {
    const lineStart = text.lastIndexOf("\n", at + nl - 1) + 1;
    if (at + nl - lineStart >= 30) continue;
    out.push([at + pieceAt, raw.slice(pieceAt, nl).replace(/\s+$/, "")]);
    pieceAt = nl + 1;
  }
  out.push([at + pieceAt, raw.slice(pieceAt)]);
  return out.filter(([, t]) => t.length > 0);
}

const LEGAL_TAIL = (words: string[]): boolean => LEGAL_FORM_WORDS.has(words.at(-1) as string);

/**
 * Two capitalised runs with "and" between them are one name when the second closes it
 * with a legal form ("Town and Country Jewelry Manufacturing Corp") or is only a legal
 * form ("Unilever Plc and NV"), and the first is not already a name of its own (a
 * known name, a company with its legal form, a person).
 */
function joinsByAnd(
  text: string,
  at: number,
  first: string,
  nextAt: number,
  second: string,
): boolean {
  const gap = text.slice(at + first.length, nextAt);
  if (!/^[ \t]+and[ \t]+$/.test(gap)) return false;
  const w1 = first.split(/\s+/);
  const w2 = second.split(/\s+/);
  if (w2.every((w) => LEGAL_FORM_WORDS.has(w))) return true;
  if (/^(?:Savings|Loan)$/.test(w1.at(-1) as string) && w2[0] === "Loan") return true;
  if (!LEGAL_TAIL(w2) || LEGAL_TAIL(w1) || w2.length > 5) return false;
  const lead = w1.filter((w) => !NOT_NAME_WORDS.has(w));
  if (lead.length === 0 || lead.length > 4) return false;
  if (KNOWN_BY_FORM.has(lead.join(" ")) || FIRST_NAMES.has(lead[0] as string)) return false;
  return !PERSON_TITLES.test(text.slice(Math.max(0, at - 40), at));
}

const AND_TAIL = /^ and ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)(?![ \t]*(?:[A-Z&]|of\b))/;

/**
 * "Ministry of Trade and Industry", "Institute of Management and Public Administration":
 * an institution's "of" part may join two fields with "and"; the chunker stops at "and".
 */
function withAndTail(text: string, m: RawMention): RawMention {
  // The institution's "of" is a word after the first: without " of" there is none.
  if (m.known || m.type === "person" || m.type === "place" || !m.form.includes(" of")) return m;
  const w = splitOnSpace(m.form);
  const ofAt = w.indexOf("of");
  if (ofAt < 1 || !INSTITUTION_HEADS.has(w[ofAt - 1] as string)) return m;
  const t = AND_TAIL.exec(text.slice(m.end, m.end + 60));
  if (!t || KNOWN_BY_FORM.has(t[1] as string)) return m;
  const end = m.end + t[0].length;
  return { ...m, end, form: text.slice(m.start, end), type: "organization", strength: 2 };
}

/**
 * A title-case heading line ("Density Bottleneck", "Investor Contact"): its capitalised
 * words are typography, not names; the caller matches such lines against known names.
 */
let headingCache: { text: string; ls: number; le: number; heading: boolean } | null = null;

function isHeadingLine(text: string, at: number): boolean {
  // Phrases come in text order: one line's answer serves all its phrases, and a phrase
  // from the start of the last line read to its break is on that line.
  if (
    headingCache &&
    headingCache.text === text &&
    at >= headingCache.ls &&
    (headingCache.le === -1 || at <= headingCache.le)
  )
    return headingCache.heading;
  const ls = text.lastIndexOf("\n", at - 1) + 1;
  const le = text.indexOf("\n", ls);
  const heading = lineIsHeading(text, ls, le);
  headingCache = { text, ls, le, heading };
  return heading;
}

/** The line from `ls` to its break at `le` (-1 at the end of the text) reads as a heading. */
function lineIsHeading(text: string, ls: number, le: number): boolean {
  // A line whose next line goes on in lower case is wrapped prose, not a heading (looked
  // at first: it is most lines of prose, and needs no copy of the line).
  if (le !== -1 && isLowerAscii(text.charCodeAt(le + 1))) return false;
  const line = text.slice(ls, le === -1 ? text.length : le).trim();
  if (line.length > 80 || /[.!?:;,>]$/.test(line) || /\d/.test(line)) return false;
  // So is a line that stops on "of" or "and".
  if (/\s(?:of|and|&|the|for|de|du|von|van)$/.test(line)) return false;
  const words = splitOnWhite(line);
  if (words.length > 12) return false;
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  return caps >= Math.max(1, words.length - 2) && words.length >= 1;
}

function dropOverlaps(ms: RawMention[]): RawMention[] {
  ms.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: RawMention[] = [];
  for (const m of ms) {
    const prev = out.at(-1);
    if (prev && m.start < prev.end) {
      // Prefer the lexicon's reading when it covers the same words or more.
      if (
        m.strength > prev.strength &&
        (m.end - m.start >= prev.end - prev.start || (m.start === prev.start && m.known))
      )
        out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}
