/**
 * Mention finding: capitalised phrases (with "of", "&" inside), trimmed of sentence
 * words, possessives and titles, and typed by suffix, ticker, title, given name,
 * "-based" and the lexicon. One regular-expression pass over the text.
 */
import {
  FIRST_NAMES,
  HEADLINE_VERBS,
  INSTITUTION_HEADS,
  LEGAL_FORM_WORDS,
  MEDIA_WORDS,
  NOT_NAME_WORDS,
  ORG_SUFFIXES,
  PERSON_TITLES,
  ROLE_AFTER,
  UNIT_WORDS,
} from "../lexicon/entities.js";
import { METRIC_LEXICON } from "../lexicon/metrics.js";
import { KNOWN_BY_FORM, KNOWN_SCAN } from "./known.js";

/** Single words that name a metric ("unemployment", "revenue"): never a name by themselves. */
const METRIC_WORDS = new Set(
  METRIC_LEXICON.flatMap((e) => e.phrases)
    .map((p) => /^([a-z]{4,})(?:$|[ (])/.exec(p)?.[1])
    .filter((w): w is string => w !== undefined),
);

export type MentionType = "organization" | "person" | "place" | "instrument" | "unknown";

export interface RawMention {
  start: number;
  end: number;
  /** The surface form without possessive. */
  form: string;
  type: MentionType;
  /** How sure the type is: 2 lexicon/suffix/ticker/title, 1 shape, 0 guess. */
  strength: number;
  /** The acronym introduced right after it: "Federal Open Market Committee (FOMC)". */
  acronym?: string | undefined;
  /** The canonical name when the lexicon knows the form. */
  known?: string | undefined;
  peripheral?: boolean | undefined;
  /** The mention opens a sentence (weak evidence for a lone capitalised word). */
  initial?: boolean | undefined;
  /** Speaker context: "X said", "according to X", "X, who". */
  personCue?: boolean | undefined;
  /** The ticker in a bracket right after it ("Acme Corp (NYSE: ACME)", "Acme <ACM>"): an alias. */
  ticker?: string | undefined;
}

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
const TICKER_AFTER =
  /^\s*(?:\((?:(?:NYSE|NASDAQ|Nasdaq|NYSE American|AMEX|LSE|TSX|TSE|NSE|BSE|HKEX|ASX|OTC|Euronext|Xetra|HEL|OMX Helsinki|OMX)\s*:\s*)?[A-Z][A-Z0-9.]{0,6}\s*\)|<[A-Z][A-Z0-9.]{0,6}>)/;
const LOWER_WORD = /\b[a-z][a-z'-]+\b/g;

/** Lower-case words of the text: a capitalised word also written in lower case is a common word. */
export function lowerWords(text: string): Set<string> {
  return new Set(text.match(LOWER_WORD));
}

export function chunkMentions(
  text: string,
  from: number,
  to: number,
  lower: Set<string>,
): RawMention[] {
  const out: RawMention[] = [];
  const region = text.slice(from, to);
  PHRASE.lastIndex = 0;
  const phrases = [...region.matchAll(PHRASE)];
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
        if (/\d/.test(part) && /[A-Z][A-Za-z]*\d/.test(part.split(/\s/)[0] as string)) continue;
        const mention = toMention(text, lineAt + i, part, lower);
        if (mention) out.push(withAndTail(text, mention));
      }
    }
  }
  KNOWN_SCAN.lastIndex = 0;
  for (const m of region.matchAll(KNOWN_SCAN)) {
    const k = KNOWN_BY_FORM.get(m[0]);
    if (!k) continue;
    const start = from + m.index;
    if (text[start - 1] === "&") continue;
    // "2.8 billion yen", "39.8 mln euro": a currency word after an amount is its unit.
    if (k.type === "instrument" && AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 12), start)))
      continue;
    out.push({
      start,
      end: start + m[0].length,
      form: m[0],
      type: k.type,
      strength: 2,
      known: k.name,
      peripheral: k.peripheral,
    });
  }
  return withTickers(text, region, from, dropOverlaps(out));
}

/**
 * Parts of a capitalised run that are names of their own: after a possessive, before a
 * model number, before a ticker or handle ("Volkswagen AG VLKAY", "John Rosevear
 * TMFMarlowe"), except capitals that a legal form closes ("Rapala VMC Corp").
 */
function splitName(line: string): string[] {
  const parts = line.split(
    /(?<=\b(?:Inc|Corp|Ltd|LLC|Plc|plc|PLC|SA|AG|NV|AB|ASA|Oyj|Oy|GmbH|Limited)\.?)\s+of\s+(?=[A-Z])|(?<=(?:'s|’s|-based))\s+|\s+(?=[A-Z][A-Za-z]*\d)|(?<=[a-z]|\bAG|\bSA|\bNV|\bSE)\s+(?=[A-Z]{3,}[A-Za-z]*\b)/,
  );
  const out: string[] = [];
  if (parts.length === 1) return parts;
  for (const part of parts) {
    const prev = out.at(-1);
    const w = part.split(/\s+/);
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
  TICKER_BRACKET.lastIndex = 0;
  const brackets: Array<[number, number, string]> = [];
  for (const b of region.matchAll(TICKER_BRACKET))
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
  if (m.known || m.type === "person" || m.type === "place") return m;
  const w = m.form.split(" ");
  const ofAt = w.indexOf("of");
  if (ofAt < 1 || !INSTITUTION_HEADS.has(w[ofAt - 1] as string)) return m;
  const t = AND_TAIL.exec(text.slice(m.end, m.end + 60));
  if (!t || KNOWN_BY_FORM.has(t[1] as string)) return m;
  const end = m.end + t[0].length;
  return { ...m, end, form: text.slice(m.start, end), type: "organization", strength: 2 };
}

function toMention(text: string, at: number, raw: string, lower: Set<string>): RawMention | null {
  // "Unemployment is projected to ...": a metric word that opens a sentence is not a name.
  if (
    !raw.includes(" ") &&
    METRIC_WORDS.has(raw.toLowerCase()) &&
    !KNOWN_BY_FORM.has(raw) &&
    atSentenceStart(text, at)
  )
    return null;
  let tokens = raw.split(/\s+/);
  // "14:29 BST-UK Markets close in 2 hrs": a clock's time zone glued to a page widget.
  if (TIME_ZONE_GLUED.test(tokens[0] as string)) return null;
  let start = at;
  let titled = false;
  // A headline run into the body ("Balboa Capital Celebrates National ...", "Putco Confirms
  // Buses Attacked"): a press-release verb ends the name before it.
  const verbAt = tokens.findIndex((t, i) => i > 0 && HEADLINE_VERBS.has(t));
  if (verbAt > 0) tokens = tokens.slice(0, verbAt);
  // A headline glued to the body's first words repeats a name ("Keio Plaza Hotel Keio
  // Plaza Hotel"): one copy is the mention.
  const half = tokens.length / 2;
  if (
    half >= 1 &&
    Number.isInteger(half) &&
    tokens.slice(0, half).join(" ") === tokens.slice(half).join(" ")
  )
    tokens = tokens.slice(0, half);
  // "U.S. Goods", "U.S. Products": wire copy capitalises the word after "U.S."; a country
  // and one plural common noun name goods from there, not an organisation.
  if (
    tokens.length === 2 &&
    KNOWN_BY_FORM.get(tokens[0] as string)?.type === "place" &&
    /^[A-Z][a-z]{2,}[^s]s$/.test(tokens[1] as string) &&
    !ORG_SUFFIXES.has(tokens[1] as string) &&
    !MEDIA_WORDS.has((tokens[1] as string).toLowerCase())
  )
    return toMention(text, at, tokens[0] as string, lower);
  // "Head of Development", "Treasurer of Bay Area Health Care Foundation": a role of an
  // organisation; the organisation is the name.
  if (tokens.length >= 3 && TITLE_WORD.test(tokens[0] as string) && tokens[1] === "of") {
    for (const t of tokens.splice(0, 2)) start = text.indexOf(t, start) + t.length;
    while (/\s/.test(text[start] ?? "")) start++;
  }
  // A title before the name: "Chief Executive Daniel Okafor", "Mr. Okafor".
  const before = text.slice(Math.max(0, at - 40), at);
  if (PERSON_TITLES.test(lastWords(before))) titled = true;
  // Trim leading non-name words ("The", "Shares", "Chief Executive"), noting titles.
  while (
    tokens.length > 0 &&
    !keepsLead(tokens) &&
    isNotName(tokens[0] as string, tokens.length > 1 ? (tokens[1] as string) : "")
  ) {
    const t = tokens.shift() as string;
    if (
      /^(?:Mr|Mrs|Ms|Dr|Executive|Officer|CEO|CFO|COO|President|Chairman|Director|Analyst|Economist|Minister|Governor)\.?$/.test(
        t,
      )
    )
      titled = true;
    start += t.length;
    while (/\s/.test(text[start] ?? "")) start++;
  }
  while (tokens.length > 0 && isConnector(tokens[0] as string)) {
    const t = tokens.shift() as string;
    start += t.length;
    while (/\s/.test(text[start] ?? "")) start++;
  }
  while (
    tokens.length > 0 &&
    (isConnector(tokens.at(-1) as string) ||
      (NOT_NAME_WORDS.has(strip(tokens.at(-1) as string)) &&
        !ORG_SUFFIXES.has(strip(tokens.at(-1) as string)) &&
        !(tokens.length === 1 && KNOWN_BY_FORM.has(strip(tokens[0] as string))) &&
        // "Bloomberg News": a known outlet's news service keeps its word.
        !(
          MEDIA_WORDS.has(strip(tokens.at(-1) as string)) &&
          KNOWN_BY_FORM.has(tokens.slice(0, -1).join(" "))
        )))
  )
    tokens.pop();
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
  for (const t of tokens) {
    const i = text.indexOf(t, end);
    end = i + t.length;
  }
  let form = text.slice(start, end).replace(/\s+/g, " ");
  let based = false;
  const bm = /-based$/.exec(form);
  if (bm) {
    form = form.slice(0, bm.index);
    end = start + text.slice(start, end).length - "-based".length;
    based = true;
  }
  const possessive = /(?:'s|’s|'|’)$/.exec(form);
  if (possessive) {
    form = form.slice(0, possessive.index);
    end -= possessive[0].length;
  }
  form = form
    .replace(/[.,]+$/, (p) =>
      /\b(?:Inc|Corp|Co|Ltd|Jr|Sr)\.$|(?:^|\s)(?:[A-Z]\.)+$/.test(form) ? "." : "",
    )
    .trim();
  if (form === "" || form.length < 2) return null;
  end = rawAt(text, start, form.length);
  const words = form.split(" ");
  // "Plc", "NV", "Co Ltd": a legal form alone closes a name the line before it began.
  const isLegal = (w: string): boolean =>
    LEGAL_FORM_WORDS.has(w) || LEGAL_FORM_WORDS.has(titleCase(w));
  if (isLegal(words[0] as string) && words.every(isLegal)) return null;
  // A person named after a title phrase: "Assistant Minister for Innovation Wyatt Roy".
  const fi = words.findIndex((w, i) => i > 0 && FIRST_NAMES.has(w));
  if (
    fi > 0 &&
    words.length - fi >= 2 &&
    words.length - fi <= 3 &&
    !ORG_SUFFIXES.has(words.at(-1) as string) &&
    // "San Francisco Bay Area", "St Paul" are places named after a saint or a person.
    !/^(?:San|Santa|Santo|São|Sao|St\.?|Saint|Ste\.?|Fort|Port|Lake|Mount|Mt\.?|Cape|Los|Las|El)$/.test(
      words[fi - 1] as string,
    )
  ) {
    return personFrom(text, start, form, words.slice(fi));
  }
  // "South Australian Premier Jay Weatherill", "MEC Ismail Vadi": the words after the last title word.
  const ti = words.reduce((at, w, i) => (TITLE_WORD.test(w) && i < words.length - 2 ? i : at), -1);
  // "Assistant Minister for Innovation Wyatt Roy": the portfolio, then the two-word name.
  const pi =
    ti >= 0 && (words[ti + 1] === "for" || words[ti + 1] === "of") && words.length - ti - 1 >= 5
      ? words.length - 3
      : ti;
  if (
    pi >= 0 &&
    words.length - pi - 1 >= 2 &&
    words.length - pi - 1 <= 3 &&
    words.slice(pi + 1).every((w) => NAME_WORD.test(w))
  ) {
    return personFrom(text, start, form, words.slice(pi + 1));
  }
  // "Mallika Srinivasan of Chennai", "Brett Arends of MarketWatch": a person, then where they are from.
  const ofAt = words.indexOf("of");
  if (
    ofAt >= 2 &&
    ofAt <= 3 &&
    (FIRST_NAMES.has(words[0] as string) ||
      (/(?:said|says|by|according to)\s+$/.test(before) &&
        words.slice(0, ofAt).every((w) => /^[A-Z][a-z'’-]+$/.test(w))))
  ) {
    const name = words.slice(0, ofAt).join(" ");
    return { start, end: rawAt(text, start, name.length), form: name, type: "person", strength: 2 };
  }
  const first = words[0] as string;
  const initial = atSentenceStart(text, start);
  // A lone capitalised word at the start of a sentence that the text also writes in
  // lower case is a common word ("Revenue", "Analysts").
  if (
    words.length >= 2 &&
    initial &&
    lower.has(first.toLowerCase()) &&
    KNOWN_BY_FORM.has(words.slice(1).join(" "))
  ) {
    const rest = words.slice(1).join(" ");
    const k = KNOWN_BY_FORM.get(rest);
    const s2 = rawAt(text, start, form.indexOf(rest));
    if (k)
      return {
        start: s2,
        end: rawAt(text, s2, rest.length),
        form: rest,
        type: k.type,
        strength: 2,
        known: k.name,
        peripheral: k.peripheral,
      };
  }
  if (
    initial &&
    words.length >= 2 &&
    lower.has(first.toLowerCase()) &&
    !FIRST_NAMES.has(first) &&
    !ORG_SUFFIXES.has(words[1] as string)
  ) {
    // "Clearly Google", "Imagine Apple": a sentence's first word glued to a name.
    const rest = words.slice(1).join(" ");
    return toMention(text, rawAt(text, start, form.indexOf(rest, first.length)), rest, lower);
  }
  if (
    words.length === 1 &&
    initial &&
    !KNOWN_BY_FORM.has(form) &&
    !/^[A-Z]{2,}$/.test(form) &&
    !/^\s*(?:said|says|'s|’s|shares|Inc|Corp)/.test(text.slice(end, end + 8))
  ) {
    // Only at a sentence start: weak evidence; kept if the name recurs elsewhere. A word
    // the text also writes in lower case is an ordinary word that opens the sentence.
    if (lower.has(form.toLowerCase())) return null;
  }
  // "SUVs", "PACs": an acronym in the plural is a kind of thing; "737 MAX": a model after
  // its number; "the Fund", "the Bank": a corporate word alone refers back to a name.
  if (
    words.length === 1 &&
    !KNOWN_BY_FORM.has(form) &&
    (/^[A-Z]{2,}s$/.test(form) ||
      (/^[A-Z0-9-]{1,4}$/.test(form) &&
        /(?:^|[^\d.,+-])\d{2,}[ \t]+$/.test(text.slice(Math.max(0, start - 8), start))) ||
      ORG_SUFFIXES.has(form))
  )
    return null;
  // "Item 2.02", "Form 8-K", "Exhibit 99.1": a capitalised word before a number labels a
  // part of a document.
  if (words.length === 1 && !KNOWN_BY_FORM.has(form) && /^\s+\d/.test(text.slice(end, end + 3)))
    return null;
  if (
    /^[A-Z]{1,6}$/.test(form) &&
    /^\)|^>/.test(text.slice(end, end + 1)) &&
    /(?:\(|<|:\s*)$/.test(text.slice(Math.max(0, start - 12), start))
  )
    return null; // a ticker
  const sector = /^\s+(?:sector|industry|[Ii]ndex)\b/.exec(text.slice(end, end + 12));
  if (sector && words.length >= 2)
    return {
      start,
      end: end + sector[0].length,
      form: form + sector[0].replace(/^\s+/, " "),
      type: "instrument",
      strength: 3,
    };
  if (/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-/i.test(form)) return null;
  const lastWord = words.at(-1) as string;
  if (
    words.length >= 2 &&
    !KNOWN_BY_FORM.has(form) &&
    // "Morningstar Investment Management", "Bloomberg News": a unit with its own name.
    !(words.length >= 3 && UNIT_WORDS.has(lastWord)) &&
    !MEDIA_WORDS.has(lastWord)
  ) {
    // A known name followed by more capitalised words ("Reuters UK Focus", "Google Cloud
    // Platform"): the known name is the mention.
    for (let k = words.length - 1; k >= 1; k--) {
      const prefix = words.slice(0, k).join(" ");
      const kp = KNOWN_BY_FORM.get(prefix);
      if (kp && kp.type !== "place" && !ORG_SUFFIXES.has(words[k] as string))
        return {
          start,
          end: rawAt(text, start, prefix.length),
          form: prefix,
          type: kp.type,
          strength: 2,
          known: kp.name,
          peripheral: kp.peripheral,
        };
    }
  }
  const outlet = KNOWN_BY_FORM.get(words.slice(0, -1).join(" "));
  if (MEDIA_WORDS.has(lastWord) && outlet?.type === "organization")
    return { start, end, form, type: "organization", strength: 2, peripheral: outlet.peripheral };
  if (/^[A-Z][A-Z .'-]{2,}$/.test(form) && /[A-Z]{3}/.test(form)) {
    // ALL-CAPS datelines and headlines ("TOKYO (Reuters)", "NEW YORK, March 3"): look the
    // title-cased form up; an unknown capitalised dateline word is a place.
    const titled = form.toLowerCase().replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
    const kt = KNOWN_BY_FORM.get(titled);
    if (kt)
      return {
        start,
        end,
        form,
        type: kt.type,
        strength: 2,
        known: kt.name,
        peripheral: kt.peripheral,
      };
    if (
      /^\s*(?:\((?:Reuters|AP|AFP|Bloomberg|Dow Jones)\)|,\s+[A-Z][a-z]+\.?\s+\d{1,2}\s+-)/.test(
        text.slice(end, end + 24),
      )
    )
      return { start, end, form, type: "place", strength: 1 };
  }
  const known =
    KNOWN_BY_FORM.get(form) ??
    (/^(?:[A-Z]\.)+[A-Z]$/.test(form) ? KNOWN_BY_FORM.get(`${form}.`) : undefined);
  if (known)
    return {
      start,
      end,
      form,
      type: known.type,
      strength: 2,
      known: known.name,
      peripheral: known.peripheral,
      acronym: acronymAfter(text, end),
      // "Birmingham says": a known place that speaks is someone's surname.
      ...(known.type === "place" && /^\s*(?:said|says|told|added)\b/.test(text.slice(end, end + 10))
        ? { personCue: true }
        : {}),
    };
  if (words.length === 1 && (lower.has(first.toLowerCase()) || /^[A-Z][a-z]?$/.test(first)))
    return null;
  if (words.every((w) => NOT_NAME_WORDS.has(strip(w)))) return null;
  if (based) return { start, end, form, type: "place", strength: 2 };
  const after = text.slice(end, end + 40);
  const last = strip(words.at(-1) as string);
  const roleAfter = ROLE_AFTER.test(after);
  let type: MentionType = "unknown";
  let strength = 0;
  if (TICKER_AFTER.test(text.slice(end + (possessive ? possessive[0].length : 0), end + 30))) {
    type = "organization";
    strength = 2;
  } else if (words.length >= 2 && ORG_SUFFIXES.has(last)) {
    type = "organization";
    strength = 2;
  } else if (words.length >= 2 && MEDIA_WORDS.has(lastWord)) {
    // "Mainichi Newspapers", "Radio Dabanga"-style outlets named by their medium.
    type = "organization";
    strength = 2;
  } else if (
    (titled || roleAfter || FIRST_NAMES.has(first)) &&
    words.length >= 2 &&
    words.length <= 4 &&
    // "Ratings Team", "Development Directors": a plural common noun does not end a name.
    !(/s$/.test(lastWord) && lower.has(lastWord.toLowerCase())) &&
    words.every(
      (w, i) =>
        NAME_WORD.test(w.replace(/\.$/, "")) ||
        /^[A-Z]\.$/.test(w) ||
        (i > 0 && i < words.length - 1 && NAME_PARTICLE.test(w)),
    )
  ) {
    type = "person";
    strength = titled || roleAfter ? 2 : 1;
  } else if (titled && words.length === 1 && /^[A-Z][a-z'’-]+$/.test(first)) {
    type = "person";
    strength = 1;
  } else if (
    words.length === 1 &&
    /^[a-zA-Z]+[A-Z][a-z]+[A-Za-z]*$|^[a-z]+[A-Z]{1,4}$/.test(first)
  ) {
    // camelCase brands ("ServiceNow", "CrowdStrike", "xAI") are names.
    type = "organization";
    strength = 1;
  } else if (
    APPOSITION.has(before.slice(before.trimEnd().lastIndexOf(" ") + 1).trimEnd()) &&
    /\s$/.test(before) &&
    !FIRST_NAMES.has(first) &&
    words.every((w) => !NOT_NAME_WORDS.has(w) || ORG_SUFFIXES.has(w))
  ) {
    // "fishing tackle company Rapala", "chipmaker Nvidia": the noun before names what it is.
    type = "organization";
    strength = 2;
  } else if (
    /^\s*(?:said|says|reported|posted|shares|stock|announced|agreed|expects|plans|has|had|is|was|will|would)\b/.test(
      after,
    ) ||
    // "Basware targets", "Stockmann Oyj Abp net profit": a report verb or a result after a
    // name inside the sentence.
    (!initial &&
      /^\s*(?:targets|aims|controls|owns|signed|acquired|bought|sold|launched|reports|sees|estimates|forecasts|employs|operates|earned|net|pre-tax|pretax|operating|turnover)\b/.test(
        after,
      )) ||
    // "Finnair 's", "Kauno Alus '": a possessive set apart (tokenised text).
    /^\s+['’](?:s\b|\s)/.test(after) ||
    possessive
  ) {
    strength = 1;
  } else if (
    /^\s+(?:group|company|concern|subsidiary|unit|analysts?|economists?|strategists?|managing director|chief executive|chief economist|spokesman|spokeswoman|spokesperson)\b/.test(
      after,
    ) &&
    !FIRST_NAMES.has(first) &&
    !initial
  ) {
    // "The Elcoteq group", "Ovum analyst Dave Kennedy", "Telsyte managing director".
    // "The Elcoteq group", "the EA Reng group".
    type = "organization";
    strength = 2;
  }
  if (
    type === "unknown" &&
    /\b(?:in|near|across|outside|throughout|to|visit(?:ed|ing)?)\s+$/.test(before) &&
    /^\s*(?:[,.;:)]|and\b|or\b|$)/.test(after) &&
    !/^(?:[A-Z]{2,})$/.test(form)
  ) {
    // "in Kumasi,", "near Rozelle and": a place by its preposition.
    return { start, end, form, type: "place", strength: 1, initial };
  }
  // "Standard of Living Could", "Small Business Month": a title-case line whose every word
  // the text also writes in lower case is not a name.
  if (
    type === "unknown" &&
    words.length >= 2 &&
    !ORG_SUFFIXES.has(last) &&
    words.every((w) => isConnector(w) || lower.has(w.toLowerCase()))
  )
    return null;
  // "Fool.com", "allAfrica.com": a web address names its publisher.
  if (type === "unknown" && /^[A-Za-z][A-Za-z0-9-]*\.(?:com|net|org|io|co\.uk)$/.test(form)) {
    type = "organization";
    strength = 2;
  }
  const personCue =
    /^\s*(?:said|says|told|added|wrote|explained|noted|,\s+(?:who|a|an|the|chief|head|senior|president|director|analyst|economist|founder))\b/.test(
      after,
    ) || /(?:said|says|according to|told|by)\s+$/.test(before);
  return { start, end, form, type, strength, acronym: acronymAfter(text, end), initial, personCue };
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

/** The text offset `n` characters of a name into it, its whitespace runs read as one space. */
function rawAt(text: string, start: number, n: number): number {
  let i = start;
  for (let c = 0; c < n && i < text.length; c++) {
    if (isSpace(text.charCodeAt(i))) while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    else i++;
  }
  return i;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * A title-case heading line ("Density Bottleneck", "Investor Contact"): its capitalised
 * words are typography, not names; the caller matches such lines against known names.
 */
let headingCache: { text: string; ls: number; heading: boolean } | null = null;

function isHeadingLine(text: string, at: number): boolean {
  const ls = text.lastIndexOf("\n", at - 1) + 1;
  // Phrases come in text order: one line's answer serves all its phrases.
  if (headingCache && headingCache.text === text && headingCache.ls === ls)
    return headingCache.heading;
  const heading = lineIsHeading(text, ls);
  headingCache = { text, ls, heading };
  return heading;
}

function lineIsHeading(text: string, ls: number): boolean {
  const le = text.indexOf("\n", ls);
  const line = text.slice(ls, le === -1 ? text.length : le).trim();
  if (line.length > 80 || /[.!?:;,>]$/.test(line) || /\d/.test(line)) return false;
  // A line that stops on "of" or "and", or whose next line goes on in lower case, is
  // wrapped prose, not a heading.
  if (/\s(?:of|and|&|the|for|de|du|von|van)$/.test(line)) return false;
  if (le !== -1 && /^[a-z]/.test(text.slice(le + 1, le + 2))) return false;
  const words = line.split(/\s+/);
  if (words.length > 12) return false;
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  return caps >= Math.max(1, words.length - 2) && words.length >= 1;
}

function acronymAfter(text: string, end: number): string | undefined {
  const m = /^\s*\(([A-Z][A-Za-z&]{1,7})\)/.exec(text.slice(end, end + 14));
  return m ? m[1] : undefined;
}

/** A noun in apposition before a company's name ("Finnish lock maker Assa Abloy", "rival Uber"). */
const APPOSITION = new Set(
  "company companies firm maker makers group provider chain lender insurer operator retailer manufacturer producer developer supplier carrier airline brewer miner subsidiary rival competitor startup start-up conglomerate chipmaker automaker carmaker drugmaker distributor wholesaler shipper shipbuilder utility bank broker brokerage peer unit affiliate builder vendor outfit telco".split(
    " ",
  ),
);

const titleCase = (w: string): string => w.charAt(0) + w.slice(1).toLowerCase();

/** Particles inside a person's name ("Floris van de Klashorst", "Ursula von der Leyen"). */
const NAME_PARTICLE = /^(?:van|von|de|der|den|da|di|du|del|la|le|bin|al)$/;

/** A capitalised name word, hyphenated parts included ("Molabane-Nkosi", "Jin-Wei"). */
const NAME_WORD = /^[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*$/;

const TITLE_WORD =
  /^(?:Premier|Governor|MP|MEC|Treasurer|Minister|Deputy|Chairman|Chairwoman|President|Secretary|Senator|Director|Head|Partner|Executive|Officer|CEO|CFO|COO|Founder|Analyst|Economist|Mayor|Commissioner|Chancellor|Spokesman|Spokeswoman|Contributor|Reporter|Editor)$/;

function atSentenceStart(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && (text[k] === " " || text[k] === "\t" || text[k] === '"' || text[k] === "“")) k--;
  return k < 0 || /[.!?\n]/.test(text[k] as string);
}

const STRIPPED_END = /(?:'s|’s|'|’|\.|,)$/;
/** A word without a possessive or closing punctuation; most words have none, so look at the last character first. */
const strip = (w: string): string => {
  const c = w.charCodeAt(w.length - 1);
  // s ' ’ . ,
  return c === 115 || c === 39 || c === 8217 || c === 46 || c === 44
    ? w.replace(STRIPPED_END, "")
    : w;
};
const isConnector = (w: string): boolean =>
  /^(?:of|&|and|de|du|van|von|der|del|da|di|la|le|for)$/.test(w);

function isNotName(w: string, next: string): boolean {
  const s = strip(w);
  if (!NOT_NAME_WORDS.has(s)) return false;
  // "Bank of Kestrel Corp", "Bank of Brazil": an institution word heading an "of" name.
  if (next === "of" && INSTITUTION_HEADS.has(s)) return false;
  // "(Reuters)", "told Reuters": a lone word the lexicon knows as a name is that name.
  if (next === "" && KNOWN_BY_FORM.has(s)) return false;
  // "Bank of Canada", "Federal Reserve", "General Motors": keep a lexicon word when the
  // whole phrase from it is known or it is followed by a suffix word.
  if (KNOWN_BY_FORM.has(`${s} ${strip(next)}`)) return false;
  return true;
}

/** "Federal Open Market Committee": a phrase of three or more words ending in a corporate word keeps its first word. */
function keepsLead(tokens: string[]): boolean {
  // The institution word closes the phrase or heads its "of" part ("American Academy of
  // Actuaries", "National Association of Auto Dealers").
  const ofAt = tokens.indexOf("of");
  const institution =
    ORG_SUFFIXES.has(strip(tokens.at(-1) as string)) ||
    (ofAt >= 2 && INSTITUTION_HEADS.has(tokens[ofAt - 1] as string));
  const lead = strip(tokens[0] as string);
  return (
    tokens.length >= 2 &&
    institution &&
    (PROPER_ADJECTIVE.test(lead) || LEAD_WORDS.test(lead)) &&
    !(
      tokens.length === 2 &&
      NOT_NAME_WORDS.has(strip(tokens[1] as string)) &&
      !/^(?:Bank|Group|Reserve|Fund|Exchange|Authority|Commission|Council|Agency|Association|Institute|Trust)$/.test(
        strip(tokens[1] as string),
      )
    )
  );
}

const TIME_ZONE_GLUED =
  /^(?:BST|GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|IST|JST|HKT|SGT|AEST|AEDT)-/;

/** A nationality or regional adjective ("Saudi", "Arabian", "Australian", "Israeli"). */
const PROPER_ADJECTIVE = /^[A-Z][a-z]+(?:[^m]an|ian|ese|ish|i)$/;

const LEAD_WORDS =
  /^(?:Federal|National|General|Global|International|Central|State|American|European|First|United|Royal|New|Financial|Asian|African|Arab|Islamic|Chinese|Japanese|Indian|British|German|French|Canadian|Australian|Irish|World|Business|Energy|Health|Technology|Industrial|Commercial|Development|Investment|Consumer|Public|Senior|Market|Markets)$/;

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

/** The person named by the last words of a run ("… Premier Jay Weatherill" → "Jay Weatherill"). */
function personFrom(text: string, start: number, form: string, nameWords: string[]): RawMention {
  const name = nameWords.join(" ");
  const ns = rawAt(text, start, form.lastIndexOf(name));
  return { start: ns, end: rawAt(text, ns, name.length), form: name, type: "person", strength: 2 };
}
