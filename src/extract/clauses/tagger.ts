/**
 * A one-pass part-of-speech tagger for the words around figures. Its word list is
 * compromise's lexicon (about 24,000 forms: verbs in every tense, function words, names,
 * places), read once per process as data; compromise's own tagger never runs. Words the
 * lexicon does not know are nouns, capitalised ones proper nouns; a short list of our own
 * settles the words financial news uses in another sense than the lexicon's ("rose",
 * "shares", "net"). Each token looks only at itself and the tag before it: linear.
 */
import { createRequire } from "node:module";

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

type LexTag = string | string[];
let lexicon: Record<string, LexTag> | null = null;

/** compromise's lexicon, loaded on first use (a require keeps module load free of it). */
function lex(): Record<string, LexTag> {
  if (lexicon === null) {
    const require = createRequire(import.meta.url);
    const nlp = require("compromise/two") as {
      model(): { one: { lexicon: Record<string, LexTag> } };
    };
    lexicon = nlp.model().one.lexicon;
  }
  return lexicon;
}

/** Words financial news uses in a sense the general lexicon ranks second. */
const OURS: Record<string, Tag> = {
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
};

/** Nouns that are also verbs: after a determiner or adjective they are nouns ("a rise"). */
const NOUN_AFTER_DET = new Set(["det", "adj", "poss", "num"]);

const WORD = /[A-Za-z][A-Za-z0-9&.'’-]*[A-Za-z0-9&]|[A-Za-z]|\d[\d,.]*|['’]s\b|['’]|\S/g;

export function tagText(text: string, base: number, from: number, to: number): Token[] {
  const L = lex();
  const out: Token[] = [];
  const s = text.slice(from, to);
  WORD.lastIndex = 0;
  for (const m of s.matchAll(WORD)) {
    let w = m[0];
    let start = from + m.index;
    // "Dell's" as one match: split the possessive off.
    const pm = /^(.+?)(['’]s?)$/.exec(w);
    if (pm && /[A-Za-z]/.test(pm[1] as string) && w.length > 2) {
      const head = pm[1] as string;
      out.push(tokenOf(head, base + start, out.at(-1)?.tag ?? null, out.length === 0, L));
      start += head.length;
      w = pm[2] as string;
    }
    out.push(
      tokenOf(
        w,
        base + start,
        out.at(-1)?.tag ?? null,
        out.length === 0,
        L,
        text[start + w.length],
      ),
    );
  }
  return out;
}

function tokenOf(
  w: string,
  start: number,
  prev: Tag | null,
  first: boolean,
  L: Record<string, LexTag>,
  nextChar?: string,
): Token {
  const t: Token = {
    start,
    end: start + w.length,
    text: w,
    tag: "noun",
    nameKind: null,
    past: false,
  };
  const c = w.charCodeAt(0);
  if ((c >= 48 && c <= 57) || /\d/.test(w)) {
    t.tag = "num";
    return t;
  }
  if (!/[A-Za-z]/.test(w)) {
    t.tag = w === "'" || w === "’" ? "poss" : "punct";
    return t;
  }
  if (w === "'s" || w === "’s") {
    t.tag = "poss";
    return t;
  }
  const lower = w.toLowerCase();
  const capital = c >= 65 && c <= 90;
  const own = OURS[lower];
  const entry = L[lower] ?? L[w];
  const tags = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
  const kind = nameKindOf(tags);
  t.nameKind = kind;
  t.past = tags.includes("PastTense") || own === "verb";
  // "C$2.74", "US$5.3 billion": a currency prefix, not a word.
  if (/^[A-Z]{1,3}$/.test(w) && /^[A-Z]{1,3}\$/.test(w + (nextChar ?? ""))) {
    t.tag = "num";
    return t;
  }
  if (own) {
    t.tag = own;
  } else if (tags.length > 0) {
    t.tag = coarse(tags, prev);
  } else t.tag = /ly$/.test(lower) && lower.length > 4 ? "adv" : "noun";
  // "Toronto-based", "Hong Kong-listed": a place made an adjective.
  if (/-(?:based|listed|owned|headquartered|born|registered|controlled|backed|focused)$/i.test(w)) {
    t.tag = "adj";
    return t;
  }
  if (CURRENCY_WORD.test(w)) {
    t.tag = "num";
    return t;
  }
  // A capitalised word is a name unless it starts the sentence as a common word.
  if (capital && own === undefined) {
    const common = t.tag !== "noun" && !(kind === "person" || kind === "place") && t.tag !== "adj";
    if (!first && (t.tag === "noun" || t.tag === "adj" || kind !== null)) t.tag = "proper";
    else if (!first && !common && w.length > 1) t.tag = "proper";
    else if (first && tags.length === 0 && own === undefined && t.tag !== "adv") t.tag = "proper";
    else if (first && (kind === "person" || kind === "place")) t.tag = "proper";
    else if (first && kind === "org") t.tag = "proper";
    if (/^[A-Z0-9&-]{2,}$/.test(w) && own === undefined && !["THE", "A", "AND", "OF"].includes(w))
      t.tag = "proper";
    // Months and days are dates, not names ("July-September period").
    if (kind === "date" || MONTHISH.test(w)) t.tag = "noun";
  }
  return t;
}

/** Currency words and codes before an amount ("Rs 612 crore", "EUR 13.1 mn"). */
const CURRENCY_WORD =
  /^(?:EUR|EURO|USD|GBP|JPY|CHF|SEK|NOK|DKK|ISK|INR|RMB|CNY|HKD|CAD|AUD|Rs|dlrs?|stg)$/;
const MONTHISH =
  /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)?$/;

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

function coarse(tags: string[], prev: Tag | null): Tag {
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
        return prev === "det" ? "noun" : "verb";
      case "PresentTense":
      case "Infinitive":
      case "Participle":
      case "PhrasalVerb":
      case "Verb":
      case "Imperative":
        return prev !== null && NOUN_AFTER_DET.has(prev) ? "noun" : "verb";
      case "Gerund":
        return prev !== null && NOUN_AFTER_DET.has(prev) ? "adj" : "verb";
      default:
        break;
    }
  }
  return "noun";
}
