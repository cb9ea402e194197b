/**
 * The rules that turn a trimmed span into a mention, in the order they are tried. Each
 * rule either decides (a mention, or null for "not a name") or passes (undefined) to the
 * next; the last one, `shape`, always decides, typing the span by the cues around it.
 * The order is the reading: a person's name inside a title phrase before the lexicon,
 * the lexicon before the shape of the words.
 */

import { isWordCode } from "../chars.js";
import {
  FIRST_NAMES,
  LEGAL_FORM_WORDS,
  MEDIA_WORDS,
  NOT_NAME_WORDS,
  ORG_SUFFIXES,
  ROLE_AFTER,
  UNIT_WORDS,
} from "../lexicon/entities.js";
import {
  APPOSITION_NOUNS,
  NAME_PARTICLES,
  PLACE_PREFIXES,
  TITLE_WORDS,
  WIRE_SERVICES,
} from "../lexicon/mention-words.js";
import { KNOWN_BY_FORM } from "./known.js";
import type { LowerWords } from "./lower-words.js";
import type { MentionType, RawMention } from "./mention-types.js";
import { isWhiteAt } from "./split.js";
import { isConnector, rawAt, strip, type TrimmedSpan } from "./trim.js";

/** What every rule reads: the trimmed span, the text around it and the article's lower-case words. */
export interface MentionInput extends TrimmedSpan {
  text: string;
  lower: LowerWords;
  /** The span opens a sentence. */
  initial: boolean;
  /** Reads another run of the same text as a mention (a name found inside this one). */
  again(text: string, at: number, raw: string, lower: LowerWords): RawMention | null;
}

export interface MentionRule {
  name: string;
  /** A mention, null when the span is not a name, undefined to let the next rule decide. */
  apply(m: MentionInput): RawMention | null | undefined;
}

const first = (m: MentionInput): string => m.words[0] as string;
const lastWord = (m: MentionInput): string => m.words.at(-1) as string;
const titleCase = (w: string): string => w.charAt(0) + w.slice(1).toLowerCase();
const isLegal = (w: string): boolean =>
  LEGAL_FORM_WORDS.has(w) || (lowerCaseChanges(w, 1) && LEGAL_FORM_WORDS.has(titleCase(w)));
/**
 * Lower-casing `w` from `from` on may change it: it holds a capital or a non-ASCII letter
 * there. When it cannot, the title-cased word is the word itself.
 */
function lowerCaseChanges(w: string, from: number): boolean {
  for (let i = from; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return true;
  }
  return false;
}
/** A capitalised name word, hyphenated parts included ("Molabane-Nkosi", "Jin-Wei"). */
const NAME_WORD = /^[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*$/;
const DATELINE_AFTER = new RegExp(
  `^\\s*(?:\\((?:${WIRE_SERVICES.join("|")})\\)|,\\s+[A-Z][a-z]+\\.?\\s+\\d{1,2}\\s+-)`,
);

/** The person named by the last words of a span ("… Premier Jay Weatherill" → "Jay Weatherill"). */
function personFrom(m: MentionInput, nameWords: string[]): RawMention {
  const name = nameWords.join(" ");
  const ns = rawAt(m.text, m.start, m.form.lastIndexOf(name));
  return {
    start: ns,
    end: rawAt(m.text, ns, name.length),
    form: name,
    type: "person",
    strength: 2,
  };
}

function acronymAfter(text: string, end: number): string | undefined {
  const a = /^\s*\(([A-Z][A-Za-z&]{1,7})\)/.exec(text.slice(end, end + 14));
  return a ? a[1] : undefined;
}

export const MENTION_RULES: readonly MentionRule[] = [
  {
    // "Plc", "NV", "Co Ltd": a legal form alone closes a name the line before it began.
    name: "legal-form-alone",
    apply: (m) => (isLegal(first(m)) && m.words.every(isLegal) ? null : undefined),
  },
  {
    // A person named after a title phrase: "Assistant Minister for Innovation Wyatt Roy".
    name: "person-after-title-phrase",
    apply: (m) => {
      const { words } = m;
      const fi = words.findIndex((w, i) => i > 0 && FIRST_NAMES.has(w));
      if (
        fi > 0 &&
        words.length - fi >= 2 &&
        words.length - fi <= 3 &&
        !ORG_SUFFIXES.has(words.at(-1) as string) &&
        // "San Francisco Bay Area", "St Paul" are places named after a saint or a person.
        !PLACE_PREFIXES.has(words[fi - 1] as string)
      )
        return personFrom(m, words.slice(fi));
      return undefined;
    },
  },
  {
    // "South Australian Premier Jay Weatherill", "MEC Ismail Vadi": the words after the last title word.
    name: "person-after-title-word",
    apply: (m) => {
      const { words } = m;
      const ti = words.reduce(
        (at, w, i) => (TITLE_WORDS.has(w) && i < words.length - 2 ? i : at),
        -1,
      );
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
      )
        return personFrom(m, words.slice(pi + 1));
      return undefined;
    },
  },
  {
    // "Mallika Srinivasan of Chennai", "Brett Arends of MarketWatch": a person, then where they are from.
    name: "person-of-place",
    apply: (m) => {
      const { words } = m;
      const ofAt = words.indexOf("of");
      if (
        ofAt >= 2 &&
        ofAt <= 3 &&
        (FIRST_NAMES.has(words[0] as string) ||
          (/(?:said|says|by|according to)\s+$/.test(m.before) &&
            words.slice(0, ofAt).every((w) => /^[A-Z][a-z'’-]+$/.test(w))))
      ) {
        const name = words.slice(0, ofAt).join(" ");
        return {
          start: m.start,
          end: rawAt(m.text, m.start, name.length),
          form: name,
          type: "person",
          strength: 2,
        };
      }
      return undefined;
    },
  },
  {
    // "Revenue Reuters ...": a sentence's first word the text also writes in lower case,
    // then a known name: the known name is the mention.
    name: "known-after-common-first-word",
    apply: (m) => {
      const { words } = m;
      if (
        !(
          words.length >= 2 &&
          m.initial &&
          m.lower.has(first(m).toLowerCase()) &&
          KNOWN_BY_FORM.has(words.slice(1).join(" "))
        )
      )
        return undefined;
      const rest = words.slice(1).join(" ");
      const k = KNOWN_BY_FORM.get(rest);
      const s2 = rawAt(m.text, m.start, m.form.indexOf(rest));
      if (!k) return undefined;
      return {
        start: s2,
        end: rawAt(m.text, s2, rest.length),
        form: rest,
        type: k.type,
        strength: 2,
        known: k.name,
        peripheral: k.peripheral,
      };
    },
  },
  {
    // "Clearly Google", "Imagine Apple": a sentence's first word glued to a name.
    name: "common-first-word-glued",
    apply: (m) => {
      const { words } = m;
      if (
        m.initial &&
        words.length >= 2 &&
        m.lower.has(first(m).toLowerCase()) &&
        !FIRST_NAMES.has(first(m)) &&
        !ORG_SUFFIXES.has(words[1] as string)
      ) {
        const rest = words.slice(1).join(" ");
        return m.again(
          m.text,
          rawAt(m.text, m.start, m.form.indexOf(rest, first(m).length)),
          rest,
          m.lower,
        );
      }
      return undefined;
    },
  },
  {
    // Only at a sentence start: weak evidence; kept if the name recurs elsewhere. A word
    // the text also writes in lower case is an ordinary word that opens the sentence.
    name: "common-word-opens-sentence",
    apply: (m) =>
      m.words.length === 1 &&
      m.initial &&
      !KNOWN_BY_FORM.has(m.form) &&
      !/^[A-Z]{2,}$/.test(m.form) &&
      !/^\s*(?:said|says|'s|’s|shares|Inc|Corp)/.test(m.text.slice(m.end, m.end + 8)) &&
      m.lower.has(m.form.toLowerCase())
        ? null
        : undefined,
  },
  {
    // "SUVs", "PACs": an acronym in the plural is a kind of thing; "737 MAX": a model after
    // its number; "the Fund", "the Bank": a corporate word alone refers back to a name.
    name: "kind-model-or-corporate-word",
    apply: (m) =>
      m.words.length === 1 &&
      !KNOWN_BY_FORM.has(m.form) &&
      (/^[A-Z]{2,}s$/.test(m.form) ||
        (/^[A-Z0-9-]{1,4}$/.test(m.form) &&
          /(?:^|[^\d.,+-])\d{2,}[ \t]+$/.test(m.text.slice(Math.max(0, m.start - 8), m.start))) ||
        ORG_SUFFIXES.has(m.form))
        ? null
        : undefined,
  },
  {
    // "Item 2.02", "Form 8-K", "Exhibit 99.1": a capitalised word before a number labels a
    // part of a document.
    name: "document-part",
    apply: (m) =>
      m.words.length === 1 &&
      !KNOWN_BY_FORM.has(m.form) &&
      /^\s+\d/.test(m.text.slice(m.end, m.end + 3))
        ? null
        : undefined,
  },
  {
    // "(NYSE: ACME)", "<ACM>": a ticker is an alias, read with the name before it.
    name: "ticker",
    apply: (m) =>
      /^[A-Z]{1,6}$/.test(m.form) &&
      /^\)|^>/.test(m.text.slice(m.end, m.end + 1)) &&
      /(?:\(|<|:\s*)$/.test(m.text.slice(Math.max(0, m.start - 12), m.start))
        ? null
        : undefined,
  },
  {
    // "Technology sector", "Nikkei index": a sector or index named by its capitalised words.
    name: "sector-or-index",
    apply: (m) => {
      const sector = /^\s+(?:sector|industry|[Ii]ndex)\b/.exec(m.text.slice(m.end, m.end + 12));
      if (!sector || m.words.length < 2) return undefined;
      return {
        start: m.start,
        end: m.end + sector[0].length,
        form: m.form + sector[0].replace(/^\s+/, " "),
        type: "instrument",
        strength: 3,
      };
    },
  },
  {
    // "Jan-March", "Oct-Dec": months of a period.
    name: "month-range",
    apply: (m) =>
      /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-/i.test(m.form)
        ? null
        : undefined,
  },
  {
    // A known name followed by more capitalised words ("Reuters UK Focus", "Google Cloud
    // Platform"): the known name is the mention.
    name: "known-prefix",
    apply: (m) => {
      const { words } = m;
      const last = lastWord(m);
      if (
        !(
          words.length >= 2 &&
          !KNOWN_BY_FORM.has(m.form) &&
          // "Morningstar Investment Management", "Bloomberg News": a unit with its own name.
          !(words.length >= 3 && UNIT_WORDS.has(last)) &&
          !MEDIA_WORDS.has(last)
        )
      )
        return undefined;
      // The form is its words joined by single spaces: each shorter prefix ends at the space
      // before the last word of the one before it.
      let cut = m.form.length;
      for (let k = words.length - 1; k >= 1; k--) {
        cut = m.form.lastIndexOf(" ", cut - 1);
        const prefix = m.form.slice(0, cut);
        const kp = KNOWN_BY_FORM.get(prefix);
        if (kp && kp.type !== "place" && !ORG_SUFFIXES.has(words[k] as string))
          return {
            start: m.start,
            end: rawAt(m.text, m.start, prefix.length),
            form: prefix,
            type: kp.type,
            strength: 2,
            known: kp.name,
            peripheral: kp.peripheral,
          };
      }
      return undefined;
    },
  },
  {
    // "Bloomberg News", "Reuters Television": a known outlet's service is the outlet's.
    name: "outlet-service",
    apply: (m) => {
      if (!MEDIA_WORDS.has(lastWord(m))) return undefined;
      const outlet = KNOWN_BY_FORM.get(m.words.slice(0, -1).join(" "));
      if (outlet?.type !== "organization") return undefined;
      return {
        start: m.start,
        end: m.end,
        form: m.form,
        type: "organization",
        strength: 2,
        peripheral: outlet.peripheral,
      };
    },
  },
  {
    // ALL-CAPS datelines and headlines ("TOKYO (Reuters)", "NEW YORK, March 3"): look the
    // title-cased form up; an unknown capitalised dateline word is a place.
    name: "capitals-dateline",
    apply: (m) => {
      const { form } = m;
      if (!(/^[A-Z][A-Z .'-]{2,}$/.test(form) && /[A-Z]{3}/.test(form))) return undefined;
      const titled = form.toLowerCase().replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
      const kt = KNOWN_BY_FORM.get(titled);
      if (kt)
        return {
          start: m.start,
          end: m.end,
          form,
          type: kt.type,
          strength: 2,
          known: kt.name,
          peripheral: kt.peripheral,
        };
      if (DATELINE_AFTER.test(m.text.slice(m.end, m.end + 24)))
        return { start: m.start, end: m.end, form, type: "place", strength: 1 };
      return undefined;
    },
  },
  {
    // The lexicon's names ("U.S." as the chunker cut it before a full stop included).
    name: "known-form",
    apply: (m) => {
      const { form, text, end } = m;
      const known =
        KNOWN_BY_FORM.get(form) ??
        (/^(?:[A-Z]\.)+[A-Z]$/.test(form) ? KNOWN_BY_FORM.get(`${form}.`) : undefined);
      if (!known) return undefined;
      return {
        start: m.start,
        end,
        form,
        type: known.type,
        strength: 2,
        known: known.name,
        peripheral: known.peripheral,
        acronym: acronymAfter(text, end),
        // "Birmingham says": a known place that speaks is someone's surname.
        ...(known.type === "place" &&
        /^\s*(?:said|says|told|added)\b/.test(text.slice(end, end + 10))
          ? { personCue: true }
          : {}),
      };
    },
  },
  {
    // A lone word the text also writes in lower case, or one or two letters ("A", "Mr").
    name: "lone-common-word",
    apply: (m) =>
      m.words.length === 1 &&
      (m.lower.has(first(m).toLowerCase()) || /^[A-Z][a-z]?$/.test(first(m)))
        ? null
        : undefined,
  },
  {
    name: "only-non-name-words",
    apply: (m) => (m.words.every((w) => NOT_NAME_WORDS.has(strip(w))) ? null : undefined),
  },
  {
    // "Toronto-based": the place a company is based in.
    name: "based-place",
    apply: (m) =>
      m.based
        ? { start: m.start, end: m.end, form: m.form, type: "place", strength: 2 }
        : undefined,
  },
  { name: "shape", apply: (m) => shape(m) },
];

/** What the words right around an unknown name say it is. */
interface ShapeInput {
  m: MentionInput;
  /** Forty characters after the span. */
  after: string;
  /** The last word without punctuation. */
  last: string;
  roleAfter: boolean;
}

interface TypeCue {
  name: string;
  type(s: ShapeInput): { type: MentionType; strength: number } | null;
}

/** Cues to an unknown name's type, the first that holds deciding. */
export const TYPE_CUES: readonly TypeCue[] = [
  {
    // "Acme Corp (NYSE: ACME)", "Acme <ACM>".
    name: "ticker-after",
    type: ({ m }) =>
      TICKER_AFTER.test(m.text.slice(m.end + (m.possessive ? m.possessive.length : 0), m.end + 30))
        ? { type: "organization", strength: 2 }
        : null,
  },
  {
    name: "corporate-suffix",
    type: ({ m, last }) =>
      m.words.length >= 2 && ORG_SUFFIXES.has(last) ? { type: "organization", strength: 2 } : null,
  },
  {
    // "Mainichi Newspapers", "Radio Dabanga"-style outlets named by their medium.
    name: "medium-word",
    type: ({ m }) =>
      m.words.length >= 2 && MEDIA_WORDS.has(lastWord(m))
        ? { type: "organization", strength: 2 }
        : null,
  },
  {
    name: "person-name",
    type: ({ m, roleAfter }) => {
      const { words } = m;
      const lw = lastWord(m);
      return (m.titled || roleAfter || FIRST_NAMES.has(first(m))) &&
        words.length >= 2 &&
        words.length <= 4 &&
        // "Ratings Team", "Development Directors": a plural common noun does not end a name.
        !(/s$/.test(lw) && m.lower.has(lw.toLowerCase())) &&
        words.every(
          (w, i) =>
            NAME_WORD.test(w.replace(/\.$/, "")) ||
            /^[A-Z]\.$/.test(w) ||
            (i > 0 && i < words.length - 1 && NAME_PARTICLES.has(w)),
        )
        ? { type: "person", strength: m.titled || roleAfter ? 2 : 1 }
        : null;
    },
  },
  {
    name: "titled-surname",
    type: ({ m }) =>
      m.titled && m.words.length === 1 && /^[A-Z][a-z'’-]+$/.test(first(m))
        ? { type: "person", strength: 1 }
        : null,
  },
  {
    // camelCase brands ("ServiceNow", "CrowdStrike", "xAI") are names.
    name: "camel-case",
    type: ({ m }) =>
      m.words.length === 1 && /^[a-zA-Z]+[A-Z][a-z]+[A-Za-z]*$|^[a-z]+[A-Z]{1,4}$/.test(first(m))
        ? { type: "organization", strength: 1 }
        : null,
  },
  {
    // "fishing tackle company Rapala", "chipmaker Nvidia": the noun before names what it is.
    name: "apposition",
    type: ({ m }) => {
      const { before } = m;
      return APPOSITION_NOUNS.has(before.slice(before.trimEnd().lastIndexOf(" ") + 1).trimEnd()) &&
        /\s$/.test(before) &&
        !FIRST_NAMES.has(first(m)) &&
        m.words.every((w) => !NOT_NAME_WORDS.has(w) || ORG_SUFFIXES.has(w))
        ? { type: "organization", strength: 2 }
        : null;
    },
  },
  {
    name: "report-verb-after",
    type: ({ m, after }) =>
      /^\s*(?:said|says|reported|posted|shares|stock|announced|agreed|expects|plans|has|had|is|was|will|would)\b/.test(
        after,
      ) ||
      // "Basware targets", "Stockmann Oyj Abp net profit": a report verb or a result after a
      // name inside the sentence.
      (!m.initial &&
        /^\s*(?:targets|aims|controls|owns|signed|acquired|bought|sold|launched|reports|sees|estimates|forecasts|employs|operates|earned|net|pre-tax|pretax|operating|turnover)\b/.test(
          after,
        )) ||
      // "Finnair 's", "Kauno Alus '": a possessive set apart (tokenised text).
      /^\s+['’](?:s\b|\s)/.test(after) ||
      m.possessive
        ? { type: "unknown", strength: 1 }
        : null,
  },
  {
    // "The Elcoteq group", "Ovum analyst Dave Kennedy", "Telsyte managing director".
    name: "group-word-after",
    type: ({ m, after }) =>
      /^\s+(?:group|company|concern|subsidiary|unit|analysts?|economists?|strategists?|managing director|chief executive|chief economist|spokesman|spokeswoman|spokesperson)\b/.test(
        after,
      ) &&
      !FIRST_NAMES.has(first(m)) &&
      !m.initial
        ? { type: "organization", strength: 2 }
        : null,
  },
];

const TICKER_AFTER =
  /^\s*(?:\((?:(?:NYSE|NASDAQ|Nasdaq|NYSE American|AMEX|LSE|TSX|TSE|NSE|BSE|HKEX|ASX|OTC|Euronext|Xetra|HEL|OMX Helsinki|OMX)\s*:\s*)?[A-Z][A-Z0-9.]{0,6}\s*\)|<[A-Z][A-Z0-9.]{0,6}>)/;

/** Words before a place ("in Kumasi", "near Rozelle", "visiting Oslo"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(
  "in near across outside throughout to visit visited visiting".split(" "),
);
/** What comes before a speaker's name ("said Jane Doe", "according to Jane Doe"), glued or not. */
const SPEAKER_LEADS = ["said", "says", "according to", "told", "by"];

/** Where the white space that ends `s` starts; `s.length` when it ends in none. */
function trailingSpaceAt(s: string): number {
  let k = s.length;
  while (k > 0 && isWhiteAt(s, k - 1)) k--;
  return k;
}

/** `s` ends in a whole word of `words`, then white space: what `\b(?:w1|w2)\s+$` tests. */
function endsInWordThenSpace(s: string, words: ReadonlySet<string>): boolean {
  const k = trailingSpaceAt(s);
  if (k === s.length) return false;
  let w = k;
  while (w > 0 && isWordCode(s.charCodeAt(w - 1))) w--;
  return words.has(s.slice(w, k));
}

/** `s` ends in one of `tails`, then white space: what `(?:t1|t2)\s+$` tests. */
function endsInThenSpace(s: string, tails: readonly string[]): boolean {
  const k = trailingSpaceAt(s);
  if (k === s.length) return false;
  return tails.some((t) => k >= t.length && s.startsWith(t, k - t.length));
}

/** The last rule: a name the lexicon does not know, typed by the cues around it. */
function shape(m: MentionInput): RawMention | null {
  const { text, start, end, form, words, before, initial } = m;
  const after = text.slice(end, end + 40);
  const last = strip(words.at(-1) as string);
  const input: ShapeInput = { m, after, last, roleAfter: ROLE_AFTER.test(after) };
  let type: MentionType = "unknown";
  let strength = 0;
  for (const cue of TYPE_CUES) {
    const t = cue.type(input);
    if (t) {
      type = t.type;
      strength = t.strength;
      break;
    }
  }
  if (
    type === "unknown" &&
    endsInWordThenSpace(before, PLACE_PREPOSITIONS) &&
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
    words.every((w) => isConnector(w) || m.lower.has(w.toLowerCase()))
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
    ) || endsInThenSpace(before, SPEAKER_LEADS);
  return { start, end, form, type, strength, acronym: acronymAfter(text, end), initial, personCue };
}
