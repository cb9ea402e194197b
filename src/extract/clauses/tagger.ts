/**
 * A one-pass part-of-speech tagger for the words around figures. Its word list is
 * compromise's lexicon (about 24,000 forms: verbs in every tense, function words, names,
 * places), kept as generated data (./lexicon.ts); compromise itself never loads. Words the
 * lexicon does not know are nouns, capitalised ones proper nouns; a short list of our own
 * settles the words financial news uses in another sense than the lexicon's ("rose",
 * "shares", "net"). Each token looks only at itself and the tag before it: linear.
 */
import { isAsciiLetter, isDigitCode } from "../chars.js";
import { type LexTag, loadLexicon } from "./lexicon.js";

export type Tag =
  | "det" // the, a, this
  | "prep" // of, in, for
  | "conj" // and, but, while
  | "wh" // which, who, that (relative)
  | "pron" // it, they
  | "poss" // its, their, 's
  | "verb"
  | "modal"
  | "adv"
  | "adj"
  | "noun"
  | "proper"
  | "num"
  | "punct";

export interface Token {
  start: number;
  end: number;
  text: string;
  tag: Tag;
  /** The lexicon says a name (person, first name) or a place; used to keep people from owning figures. */
  nameKind: "person" | "place" | "demonym" | "date" | "org" | null;
  /** The lexicon has the word as a past-tense verb ("slipped", "rose"). */
  past: boolean;
}

/** compromise's word list, read as generated data on first use (see ./lexicon.ts). */
const lex = loadLexicon;

/**
 * Words financial news uses in a sense the general lexicon ranks second. Without a
 * prototype, so "constructor" or "toString" are words, not Object's methods.
 */
const OURS: Record<string, Tag> = Object.assign(Object.create(null) as Record<string, Tag>, {
  rose: "verb",
  shares: "noun",
  share: "noun",
  net: "adj",
  operating: "adj",
  sales: "noun",
  profit: "noun",
  profits: "noun",
  loss: "noun",
  losses: "noun",
  revenue: "noun",
  revenues: "noun",
  earnings: "noun",
  increased: "verb",
  decreased: "verb",
  totalled: "verb",
  totaled: "verb",
  totalling: "verb",
  totaling: "verb",
  amounted: "verb",
  compared: "verb",
  that: "wh",
  which: "wh",
  who: "wh",
  whose: "wh",
  while: "conj",
  whereas: "conj",
  although: "conj",
  though: "conj",
  its: "poss",
  their: "poss",
  his: "poss",
  her: "poss",
  "'s": "poss",
  "’s": "poss",
  it: "pron",
  they: "pron",
  we: "pron",
  he: "pron",
  she: "pron",
  pct: "noun",
  percent: "noun",
  mln: "num",
  bln: "num",
  billion: "num",
  million: "num",
  dlrs: "noun",
  stake: "noun",
  ai: "noun",
  company: "noun",
  group: "noun",
  shed: "verb",
  slid: "verb",
  sank: "verb",
  ebit: "noun",
  ebitda: "noun",
  gaap: "noun",
  eps: "noun",
  cpi: "noun",
  gdp: "noun",
  pce: "noun",
  ppi: "noun",
  ipo: "noun",
  capex: "noun",
  rpo: "noun",
  ceo: "noun",
  cfo: "noun",
} satisfies Record<string, Tag>);

/** Nouns that are also verbs: after a determiner or adjective they are nouns ("a rise"). */
const NOUN_AFTER_DET = new Set(["det", "adj", "poss", "num"]);

/**
 * The tokens of `text.slice(from, to)`. With `limit`, tagging stops once more than `limit`
 * tokens are read (the caller discards such a span whole, so the rest is never looked at).
 */
export function tagText(
  text: string,
  base: number,
  from: number,
  to: number,
  limit = Number.POSITIVE_INFINITY,
): Token[] {
  const L = lex();
  const out: Token[] = [];
  let i = from;
  const push = (a: number, b: number): void => {
    const prev = out.length > 0 ? (out[out.length - 1] as Token).tag : null;
    // The word after a dateline or a label ("MUMBAI:", "NOTE:") starts the sentence too.
    const first = out.length === 0 || (out[out.length - 1] as Token).text === ":";
    out.push(tokenOf(text, a, b, base, prev, first, L));
  };
  // One scan: words (with inner "&", ".", "-", apostrophes), numbers, single marks.
  while (i < to && out.length <= limit) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) {
      i++;
      continue;
    }
    let j = i + 1;
    if (isAsciiLetter(c)) {
      while (j < to && isWordChar(text.charCodeAt(j))) j++;
      // A word ends on a letter, digit or "&" ("Corp." leaves the period; "Technologies'" the apostrophe).
      while (
        j > i + 1 &&
        !isAsciiLetter(text.charCodeAt(j - 1)) &&
        !isDigitCode(text.charCodeAt(j - 1)) &&
        text.charCodeAt(j - 1) !== 38
      )
        j--;
      // "Dell's": the possessive is a token of its own.
      const q = text.charCodeAt(j - 2);
      if (j - i > 2 && isS(text.charCodeAt(j - 1)) && (q === 39 || q === 0x2019)) {
        push(i, j - 2);
        push(j - 2, j);
      } else push(i, j);
    } else if (isDigitCode(c)) {
      while (j < to && isNumberChar(text.charCodeAt(j))) j++;
      push(i, j);
    } else if (
      (c === 39 || c === 0x2019) &&
      isS(text.charCodeAt(i + 1)) &&
      !isWordChar(text.charCodeAt(i + 2))
    ) {
      j = i + 2;
      push(i, j);
    } else push(i, j);
    i = j;
  }
  return out;
}

/** Digits and the "," and "." inside a number. */
function isNumberChar(c: number): boolean {
  return isDigitCode(c) || c === 44 || c === 46;
}

/** "s" or "S", as in "'s". */
function isS(c: number): boolean {
  return c === 115 || c === 83;
}

/** Letters, digits and the marks that sit inside a word: & . ' ’ - */
function isWordChar(c: number): boolean {
  return (
    isAsciiLetter(c) ||
    isDigitCode(c) ||
    c === 38 ||
    c === 46 ||
    c === 39 ||
    c === 0x2019 ||
    c === 45
  );
}

/** What a word form says by itself, before its neighbours: worked out once per form. */
interface WordInfo {
  /** The form itself. */
  word: string;
  base: "num" | "punct" | "poss" | "word";
  own: Tag | undefined;
  tags: string[];
  reading: Reading;
  nameKind: Token["nameKind"];
  past: boolean;
  /** "Toronto-based": a place made an adjective. */
  placeAdjective: boolean;
  currency: boolean;
  allCaps: boolean;
  monthish: boolean;
  capital: boolean;
  ly: boolean;
}

/**
 * The word forms seen so far, in an open-addressing table keyed by the characters of the
 * text itself: a known word is found without cutting it out of the text, and its token
 * reuses the cached form. At most INFO_MAX forms (then it starts afresh), so the table
 * stays at most a third full and memory stays flat however much text passes.
 */
const INFO_SLOTS = 1 << 16;
const INFO_MAX = 20_000;
const INFO: Array<WordInfo | undefined> = new Array<WordInfo | undefined>(INFO_SLOTS).fill(
  undefined,
);
let infoCount = 0;

/** FNV-1a over the UTF-16 code units of `text.slice(a, b)`, as a slot of INFO. */
function slotOf(text: string, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & (INFO_SLOTS - 1);
}

/** What the word `text.slice(a, b)` says by itself, from the table or worked out once. */
function infoAt(text: string, a: number, b: number, L: Record<string, LexTag>): WordInfo {
  let slot = slotOf(text, a, b);
  for (let x = INFO[slot]; x !== undefined; x = INFO[slot]) {
    if (sameWord(x.word, text, a, b)) return x;
    slot = (slot + 1) & (INFO_SLOTS - 1);
  }
  if (infoCount >= INFO_MAX) {
    INFO.fill(undefined);
    infoCount = 0;
    slot = slotOf(text, a, b);
  }
  const info = describeWord(text.slice(a, b), L);
  INFO[slot] = info;
  infoCount++;
  return info;
}

/** `word` is `text.slice(a, b)`, compared in place (a builtin call costs more than these few characters). */
function sameWord(word: string, text: string, a: number, b: number): boolean {
  if (word.length !== b - a) return false;
  for (let k = 0; k < word.length; k++)
    if (word.charCodeAt(k) !== text.charCodeAt(a + k)) return false;
  return true;
}

function describeWord(w: string, L: Record<string, LexTag>): WordInfo {
  const c = w.charCodeAt(0);
  const lower = w.toLowerCase();
  const entry = L[lower] ?? L[w];
  const tags = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
  const own = OURS[lower];
  return {
    word: w,
    base:
      (c >= 48 && c <= 57) || /\d/.test(w)
        ? "num"
        : !/[A-Za-z]/.test(w)
          ? w === "'" || w === "’"
            ? "poss"
            : "punct"
          : w === "'s" || w === "’s"
            ? "poss"
            : "word",
    own,
    tags,
    reading: readingOf(tags),
    nameKind: nameKindOf(tags),
    past: tags.includes("PastTense") || own === "verb",
    placeAdjective:
      /-(?:based|listed|owned|headquartered|born|registered|controlled|backed|focused)$/i.test(w),
    currency: CURRENCY_WORD.test(w),
    allCaps: /^[A-Z0-9&-]{2,}$/.test(w) && !["THE", "A", "AND", "OF"].includes(w),
    monthish: MONTHISH.test(w),
    capital: c >= 65 && c <= 90,
    ly: /ly$/.test(lower) && lower.length > 4,
  };
}

/** The token of `text.slice(a, b)`; its offsets are `base` + the text's. */
function tokenOf(
  text: string,
  a: number,
  b: number,
  base: number,
  prev: Tag | null,
  first: boolean,
  L: Record<string, LexTag>,
): Token {
  const start = base + a;
  const end = base + b;
  const c0 = text.charCodeAt(a);
  // Numbers and marks need no lexicon (and would fill the word cache with one-off forms).
  if (isDigitCode(c0) || !isAsciiLetter(c0)) {
    const w = text.slice(a, b);
    const tag: Tag = isDigitCode(c0)
      ? "num"
      : w === "'s" || w === "’s" || w === "'" || w === "’"
        ? "poss"
        : "punct";
    return { start, end, text: w, tag, nameKind: null, past: false };
  }
  const info = infoAt(text, a, b, L);
  const w = info.word;
  const t: Token = {
    start,
    end,
    text: w,
    tag: "noun",
    nameKind: info.nameKind,
    past: info.past,
  };
  if (info.base !== "word") {
    t.tag = info.base;
    return t;
  }
  // "C$2.74", "US$5.3 billion": a currency prefix, not a word.
  if (text[b] === "$" && w.length <= 3 && info.capital && /^[A-Z]+$/.test(w)) {
    t.tag = "num";
    return t;
  }
  const { own, tags, nameKind: kind } = info;
  if (own) t.tag = own;
  else if (tags.length > 0) t.tag = coarse(info.reading, prev);
  else t.tag = info.ly ? "adv" : "noun";
  if (info.placeAdjective) {
    t.tag = "adj";
    return t;
  }
  if (info.currency) {
    t.tag = "num";
    return t;
  }
  // A capitalised word is a name unless it starts the sentence as a common word.
  if (info.capital && own === undefined) {
    const common = t.tag !== "noun" && !(kind === "person" || kind === "place") && t.tag !== "adj";
    if (!first && (t.tag === "noun" || t.tag === "adj" || kind !== null)) t.tag = "proper";
    else if (!first && !common && w.length > 1) t.tag = "proper";
    // "Brakston Mining": a capitalised word after a name continues it, whatever its part of speech.
    else if (!first && prev === "proper") t.tag = "proper";
    else if (first && tags.length === 0 && t.tag !== "adv") t.tag = "proper";
    else if (first && (kind === "person" || kind === "place" || kind === "org")) t.tag = "proper";
    if (info.allCaps) t.tag = "proper";
    // Months and days are dates, not names ("July-September period").
    if (kind === "date" || info.monthish) t.tag = "noun";
  }
  return t;
}

/** Currency words and codes before an amount ("Rs 612 crore", "EUR 13.1 mn"). */
const CURRENCY_WORD =
  /^(?:EUR|EURO|USD|GBP|JPY|CHF|SEK|NOK|DKK|ISK|INR|RMB|CNY|HKD|CAD|AUD|Rs|dlrs?|stg)$/;
const MONTH =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
const MONTHISH = new RegExp(`^${MONTH}\\.?(?:-${MONTH}\\.?)?$`);

function nameKindOf(tags: string[]): Token["nameKind"] {
  for (const x of tags) {
    if (/^(?:Month|WeekDay|Date|Holiday)$/.test(x)) return "date";
    if (/^(?:Organization|Company|SportsTeam|ProperNoun)$/.test(x)) return "org";
    if (/Name$|^Person$|^Actor$|^Honorific$/.test(x)) return "person";
    if (/^(?:Country|City|Place|Region)$/.test(x)) return "place";
    if (x === "Demonym") return "demonym";
  }
  return null;
}

/**
 * How the lexicon's tags of a form read, before the neighbours: a part of speech, or a
 * verb form whose part of speech the tag before it decides (see coarse).
 */
type Reading = Tag | "past" | "verb-form" | "gerund";

/** The first of a form's lexicon tags that says a part of speech decides; worked out once per form. */
function readingOf(tags: string[]): Reading {
  for (const x of tags) {
    switch (x) {
      case "Determiner":
        return "det";
      case "Preposition":
        return "prep";
      case "Conjunction":
        return "conj";
      case "QuestionWord":
        return "wh";
      case "Pronoun":
      case "Reflexive":
        return "pron";
      case "Possessive":
        return "poss";
      case "Copula":
        return "verb";
      case "Modal":
        return "modal";
      case "Adverb":
      case "Negative":
        return "adv";
      case "Adjective":
      case "Comparative":
      case "Superlative":
      case "Demonym":
        return "adj";
      case "TextValue":
      case "Multiple":
        return "num";
      case "PastTense":
        return "past";
      case "PresentTense":
      case "Infinitive":
      case "Participle":
      case "PhrasalVerb":
      case "Verb":
      case "Imperative":
        return "verb-form";
      case "Gerund":
        return "gerund";
      default:
        break;
    }
  }
  return "noun";
}

/** The part of speech of a form's reading after the tag `prev`. */
function coarse(reading: Reading, prev: Tag | null): Tag {
  switch (reading) {
    case "past":
      return prev === "det" ? "noun" : "verb";
    case "verb-form":
      return prev !== null && NOUN_AFTER_DET.has(prev) ? "noun" : "verb";
    case "gerund":
      return prev !== null && NOUN_AFTER_DET.has(prev) ? "adj" : "verb";
    default:
      return reading;
  }
}
