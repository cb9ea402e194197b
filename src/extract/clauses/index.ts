/**
 * Clauses of a sentence and the subject of each: what attribution reads to decide whose a
 * figure is. A sentence splits at semicolons, dashes, "while"/"whereas"/"but", a
 * coordinated clause (", and the euro fell ..."), "after"/"before" + clause, a reported
 * clause ("said (that) ..."), a relative clause (", which ...", whose subject is the noun
 * before it) and a parenthesis with a verb in it. A parenthesis without a verb
 * ("(USD 56.8 mln)") stays in its clause: a conversion belongs to the same owner.
 *
 * The subject is the noun phrase before the clause's first verb, after an opening
 * prepositional phrase ("According to ..., Basware targets ..."). Its possessor ("Vaisala
 * 's net profit"), its proper-noun run ("Finnish fishing tackle company Rapala VMC Corp")
 * or its pronoun ("it", "the company") is what owns the clause's figures.
 * One pass over the tokens of a sentence: linear.
 */
import { type Token, tagText } from "./tagger.js";

export interface NounPhrase {
  start: number;
  end: number;
  text: string;
  /** A lone capitalised first word of the sentence ("Group", "Retail"): a name only if the recogniser knows it. */
  guess?: boolean;
  /** Starts at the sentence's first word. */
  initial?: boolean;
}

export interface Subject {
  /** The whole subject noun phrase. */
  phrase: NounPhrase;
  /** "X's ..." / "X' ...": the possessor's proper-noun run. */
  possessor: NounPhrase | null;
  /** The first proper-noun run of the phrase that is not a lone descriptor ("Finnish"). */
  proper: NounPhrase | null;
  /** "it", "its", "the company", "the group": refers back. */
  pronoun: boolean;
}

export interface Clause {
  start: number;
  end: number;
  kind: "main" | "coordinate" | "relative" | "reported" | "subordinate" | "parenthesis";
  subject: Subject | null;
  /** The clause this one hangs from (reported and relative clauses), or -1. */
  parent: number;
  /** A relative clause: the token index of the last word of the noun it describes. */
  antecedent?: number;
}

export interface SentenceClauses {
  tokens: Token[];
  clauses: Clause[];
  /** Clause index of each token. */
  of: number[];
  /** Most words are capitalised (a title-case headline): every word reads as a name there. */
  titleCase: boolean;
}

/** Past this many tokens a "sentence" is a table or a list, not a clause structure to read. */
const MAX_TOKENS = 160;

const SPEECH =
  /^(?:said|says|announced|added|stated|noted|reported|told|expects|expected|believes|estimated|forecast)$/i;
const TIME_WORD =
  /^(?:today|yesterday|on|in|late|early|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|a|statement|week|month)$/;
/** Subordinators, looked up lower-cased: a set lookup per token, not an expression. */
const SUBORD: ReadonlySet<string> = new Set([
  "after",
  "before",
  "as",
  "because",
  "since",
  "when",
  "although",
  "though",
  "if",
]);
/** "an AI lab called Reflection AI": the words that put a name after a noun. */
const NAMING: ReadonlySet<string> = new Set(["called", "named", "dubbed"]);
/** "The Toronto-based lender", "the carmaker": a definite description of the story's company. */
const DEFINITE_COMPANY =
  /^the\s+(?:[\w-]+\s+){0,3}(?:company|group|firm|bank|lender|carmaker|automaker|maker|retailer|insurer|airline|operator|producer|manufacturer|supplier|chipmaker|planemaker|conglomerate|miner|developer|startup|concern|utility|brewer|owner|giant)$/i;
const REFERS =
  /^(?:it|its|company|group|they|their|the company|the group|the firm|the bank|the concern|the companies)$/i;
const DESCRIPTOR =
  /^(?:Finnish|Swedish|Norwegian|Danish|Estonian|Latvian|Lithuanian|German|French|British|US|U\.S|American|Japanese|Chinese|Russian|Nordic|European|Canadian|Dutch|Belgian|Swiss)$/;

/** Clauses of the sentence `text.slice(from, to)` (offsets index `text`). */
export function clausesOf(text: string, from: number, to: number): SentenceClauses {
  if (to - from > MAX_TOKENS * 12) return { tokens: [], clauses: [], of: [], titleCase: false };
  const tokens = tagText(text, 0, from, to, MAX_TOKENS);
  if (tokens.length > MAX_TOKENS) return { tokens: [], clauses: [], of: [], titleCase: false };
  const of = new Array<number>(tokens.length).fill(0);
  const clauses: Clause[] = [];
  const open = (kind: Clause["kind"], at: number, parent: number): number => {
    clauses.push({ start: tokens[at]?.start ?? to, end: to, kind, subject: null, parent });
    return clauses.length - 1;
  };
  let current = open("main", 0, -1);
  const stack: number[] = [];
  let parenDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const lw = t.text.toLowerCase();
    if (
      t.text === ";" ||
      t.text === "—" ||
      (t.text === "-" &&
        prev &&
        t.start - prev.end > 0 &&
        tokens[i + 1] &&
        (tokens[i + 1] as Token).start - t.end > 0)
    ) {
      while (stack.length > 0) stack.pop();
      parenDepth = 0;
      of[i] = current;
      current = open("main", i + 1, -1);
      continue;
    }
    if (t.text === "(") {
      if (parenHasVerb(tokens, i)) {
        stack.push(current);
        parenDepth++;
        of[i] = current;
        current = open("parenthesis", i + 1, current);
        continue;
      }
    } else if (t.text === ")" && parenDepth > 0 && stack.length > 0) {
      parenDepth--;
      of[i] = current;
      current = stack.pop() as number;
      continue;
    }
    const c = clauses[current] as Clause;
    if (c.kind === "relative" && t.text === "," && stack.length > 0 && parenDepth === 0) {
      of[i] = current;
      current = stack.pop() as number;
      continue;
    }
    if (t.tag === "wh" && prev?.text === "," && lw !== "that") {
      stack.push(current);
      current = open("relative", i, current);
      (clauses[current] as Clause).antecedent = i - 2;
      of[i] = current;
      continue;
    }
    if (t.tag === "conj" && /^(?:while|whereas|but|although|though)$/.test(lw)) {
      current = open("coordinate", i, -1);
      of[i] = current;
      continue;
    }
    if (
      lw === "and" &&
      (prev?.text === "," || hasVerbAndFigure(tokens, of, current, i)) &&
      startsClause(tokens, i + 1)
    ) {
      current = open("coordinate", i, -1);
      of[i] = current;
      continue;
    }
    if (SUBORD.has(lw) && i > 0 && startsClause(tokens, i + 1)) {
      current = open("subordinate", i, -1);
      of[i] = current;
      continue;
    }
    if (t.tag === "verb" && i > 0 && SPEECH.test(t.text)) {
      // "X said (on Wednesday) (that) S V ...": the reported clause has its own subject.
      let j = i + 1;
      let that = -1;
      for (let k = i + 1; k < Math.min(tokens.length, i + 9); k++) {
        const x = tokens[k] as Token;
        if (/^that$/i.test(x.text)) {
          that = k;
          break;
        }
        if (x.tag === "verb" || x.tag === "punct") break;
      }
      if (that < 0) while (j < tokens.length && TIME_WORD.test((tokens[j] as Token).text)) j++;
      else j = that;
      if (that >= 0 || startsClause(tokens, j)) {
        of[i] = current;
        for (let k = i + 1; k < j; k++) of[k] = current;
        const parent = current;
        current = open("reported", j, parent);
        i = j - 1;
        continue;
      }
    }
    of[i] = current;
  }
  // Each clause's tokens, gathered in one pass; its end is its last token's end.
  const members: number[][] = clauses.map(() => []);
  for (let i = 0; i < tokens.length; i++) (members[of[i] as number] as number[]).push(i);
  for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k] as Clause;
    const idx = members[k] as number[];
    const last = idx.at(-1);
    c.end = last !== undefined ? (tokens[last] as Token).end : c.start;
    c.subject =
      c.antecedent !== undefined
        ? antecedentOf(tokens, c.antecedent, text)
        : subjectOf(tokens, idx, text);
  }
  return { tokens, clauses, of, titleCase: mostlyCapitalised(tokens) };
}

/** A headline in title case reads every word as a name: only recognised names count there. */
function mostlyCapitalised(tokens: Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    const c = t.text.charCodeAt(0);
    const upper = c >= 65 && c <= 90;
    if (!upper && !(c >= 97 && c <= 122)) continue;
    words++;
    if (upper) caps++;
  }
  return words >= 4 && caps / words > 0.6;
}

/** The clause so far has a verb and a figure: "Nvidia fell 3.2% and AMD dropped 4.1%". */
function hasVerbAndFigure(tokens: Token[], of: number[], k: number, before: number): boolean {
  let verb = false;
  for (let j = before - 1; j >= 0 && j > before - 25; j--) {
    if (of[j] !== k) break;
    const t = tokens[j] as Token;
    if (t.tag === "verb" && verb === false) verb = true;
    if (t.tag === "num" && verb) return true;
    if (t.tag === "num") {
      for (let q = j - 1; q >= 0 && q > j - 25 && of[q] === k; q--)
        if ((tokens[q] as Token).tag === "verb") return true;
      return false;
    }
  }
  return false;
}

/** A clause starts here: a noun phrase (determiner, name, pronoun) then a verb within a few words. */
function startsClause(tokens: Token[], at: number): boolean {
  const t = tokens[at];
  if (!t) return false;
  if (
    !(
      t.tag === "det" ||
      t.tag === "proper" ||
      t.tag === "pron" ||
      t.tag === "poss" ||
      t.tag === "noun" ||
      t.tag === "adj"
    )
  )
    return false;
  for (let j = at; j < Math.min(tokens.length, at + 8); j++) {
    const x = tokens[j] as Token;
    if (x.tag === "verb" || x.tag === "modal") return j > at || t.tag === "pron";
    if (x.tag === "num" && (tokens[j - 1] as Token).tag === "proper" && /^\d{1,4}$/.test(x.text))
      continue;
    if (
      x.tag === "num" ||
      x.text === "," ||
      (x.tag === "punct" && x.text !== "'" && x.text !== "&" && x.text !== "-")
    )
      return false;
  }
  return false;
}

function parenHasVerb(tokens: Token[], at: number): boolean {
  for (let j = at + 1; j < Math.min(tokens.length, at + 30); j++) {
    const x = tokens[j] as Token;
    if (x.text === ")") return false;
    if (x.tag === "verb" && !/ed$/.test(x.text)) return true;
  }
  return false;
}

function subjectOf(tokens: Token[], idx: number[], text: string): Subject | null {
  let p = 0;
  // Skip the clause's own opening word ("while", "and", "which", "that", "after").
  while (p < idx.length) {
    const t = tokens[idx[p] as number] as Token;
    if (
      t.tag === "conj" ||
      t.tag === "wh" ||
      SUBORD.has(t.text.toLowerCase()) ||
      t.text === "," ||
      t.text === "`" ||
      t.text === "'" ||
      t.text === '"' ||
      t.text === "“"
    )
      p++;
    else break;
  }
  // "MUMBAI: Saraswati Cement ...", "LONDON - ...": a dateline before the clause.
  for (let q = p; q < Math.min(idx.length, p + 4); q++) {
    const t = tokens[idx[q] as number] as Token;
    if (t.text === ":" || t.text === "—" || t.text === "–") {
      // Only a place in capitals heads a dateline, not "Note:".
      const head = idx.slice(p, q).map((i) => (tokens[i] as Token).text);
      if (head.length > 0 && head.every((w) => /^[A-Z][A-Z.]+$/.test(w) && !/^NOTES?$/.test(w)))
        p = q + 1;
      break;
    }
  }
  // "Separately, ...": an opening adverb.
  if (tokens[idx[p] as number]?.tag === "adv" && tokens[idx[p + 1] as number]?.text === ",") p += 2;
  // An opening prepositional or participial phrase up to its comma ("According to ..., ").
  const first = tokens[idx[p] as number];
  if (
    first &&
    (first.tag === "prep" ||
      /^(?:With|Compared|According|Including|Excluding|Following|Despite|For|In|At|On)$/.test(
        first.text,
      ))
  ) {
    let q = p;
    while (q < idx.length && (tokens[idx[q] as number] as Token).text !== ",") q++;
    if (q < idx.length && q - p < 30) p = q + 1;
    else return null;
  }
  // "Finnish fishing tackle company Rapala VMC Corp": a descriptor before the name.
  const lead = tokens[idx[p] as number];
  if (lead && (lead.nameKind === "demonym" || DESCRIPTOR.test(lead.text))) {
    for (let q = p + 1; q < Math.min(idx.length, p + 7); q++) {
      const x = tokens[idx[q] as number] as Token;
      if (x.tag === "proper") {
        p = q;
        break;
      }
      if (x.tag === "num" || x.tag === "punct" || x.tag === "prep" || x.tag === "det") break;
    }
  }
  const startTok = idx[p];
  if (startTok === undefined) return null;
  let e = p;
  while (e < idx.length) {
    const t = tokens[idx[e] as number] as Token;
    // "an AI lab called Reflection AI": the name after "called" is the subject's name.
    if (NAMING.has(t.text) && tokens[(idx[e + 1] as number) ?? -1]?.tag === "proper") {
      p = e + 1;
      e++;
      continue;
    }
    // "the FTSE 100 index": a number inside a name does not end the subject.
    const inName =
      t.tag === "num" &&
      /^\d{1,4}$/.test(t.text) &&
      (tokens[idx[e - 1] as number] as Token | undefined)?.tag === "proper";
    if (
      t.tag === "verb" ||
      t.tag === "modal" ||
      (t.tag === "num" && !inName) ||
      t.text === "," ||
      t.text === ":" ||
      (t.tag === "wh" && e > p)
    )
      break;
    // A currency or figure starts the object, never the subject.
    if (t.tag === "punct" && /[$€£¥]/.test(t.text)) break;
    e++;
  }
  // "Pohjola Bank Plc HEL : POH1S": an exchange code before its ticker is not part of the name.
  const stop = tokens[idx[e] as number];
  const lastTok = tokens[idx[e - 1] as number];
  if (stop?.text === ":" && lastTok && e - 1 > p && /^[A-Z]{2,5}$/.test(lastTok.text)) e--;
  if (e === p || e - p > 14) return null;
  const np = idx.slice(p, e).map((i) => tokens[i] as Token);
  // A relative clause's subject is the noun phrase before it.
  const phrase = spanOf(np, text);
  const words = phrase.text.toLowerCase();
  const pronoun =
    REFERS.test(words) ||
    /^(?:its|their)\b/.test(words) ||
    /^(?:the (?:company|group|firm|bank))\b/.test(words) ||
    DEFINITE_COMPANY.test(phrase.text);
  let possessor: NounPhrase | null = null;
  const pi = np.findIndex(
    (t, i) =>
      t.tag === "poss" &&
      i > 0 &&
      (t.text === "'s" || t.text === "’s" || t.text === "'" || t.text === "’"),
  );
  if (pi > 0) {
    const run = properRunEnding(np, pi - 1);
    if (run) possessor = spanOf(run, text);
  }
  // "its New York-listed shares": the owner is what "its" refers to, not a name modifying the noun.
  const proper = /^(?:its|their|the company['’]s|the group['’]s)\b/i.test(phrase.text)
    ? null
    : firstProperRun(np, text);
  const initial = tokens.findIndex((t) => /^[A-Za-z]/.test(t.text));
  for (const x of [possessor, proper]) {
    if (!x || x.start !== tokens[initial]?.start) continue;
    x.initial = true;
    if (/\s/.test(x.text)) continue;
    // "Cramo slipped", "Vaisala 's": a lone first word that owns a verb or a possessive reads as a name.
    const at = idx[p] as number;
    // "L&T also acquired": an adverb between the name and its verb.
    const skip = tokens[at + 1]?.tag === "adv" ? 1 : 0;
    const next = tokens[at + 1 + skip];
    const after = tokens[at + 2 + skip];
    const reads =
      next !== undefined &&
      (next.tag === "poss" ||
        (next.tag === "verb" &&
          !/[^s]s$/.test(x.text) &&
          (next.past || (after !== undefined && /^(?:det|num|adj|poss)$/.test(after.tag)))));
    if (!reads) x.guess = true;
  }
  return { phrase, possessor, proper, pronoun };
}

/** "the FTSE 100 index, which fell ...": the proper run of the noun phrase before the comma. */
function antecedentOf(tokens: Token[], last: number, text: string): Subject | null {
  let s = last;
  while (s > 0 && s > last - 8) {
    const t = tokens[s - 1] as Token;
    if (t.tag === "verb" || t.tag === "prep" || t.tag === "punct" || t.tag === "wh") break;
    s--;
  }
  if (s > last || last < 0) return null;
  const np = tokens.slice(s, last + 1);
  const phrase = spanOf(np, text);
  return {
    phrase,
    possessor: null,
    proper: firstProperRun(np, text),
    pronoun: REFERS.test(phrase.text.toLowerCase()),
  };
}

function properRunEnding(np: Token[], last: number): Token[] | null {
  let s = last;
  if ((np[s] as Token).tag !== "proper") return null;
  while (s > 0 && isNamePart(np[s - 1] as Token, np[s - 2])) s--;
  while (s <= last && DESCRIPTOR.test((np[s] as Token).text) && s < last) s++;
  return np.slice(s, last + 1);
}

function isNamePart(t: Token, before: Token | undefined): boolean {
  if (t.tag === "proper") return true;
  // "Bank of Boston", "Marks and Spencer", "L & T": a joiner between proper words.
  return /^(?:of|and|&|for|-)$/.test(t.text) && before?.tag === "proper";
}

function firstProperRun(np: Token[], text: string): NounPhrase | null {
  for (let i = 0; i < np.length; i++) {
    if ((np[i] as Token).tag !== "proper") continue;
    let e = i;
    while (
      e + 1 < np.length &&
      ((np[e + 1] as Token).tag === "proper" ||
        // "FTSE 100", "OMX Nordic 40": a number inside an index's name.
        ((np[e + 1] as Token).tag === "num" && /^\d{1,4}$/.test((np[e + 1] as Token).text)) ||
        (/^(?:of|and|&|for|-)$/.test((np[e + 1] as Token).text) &&
          (np[e + 2] as Token | undefined)?.tag === "proper"))
    )
      e++;
    let s = i;
    // "Bank of Boston Corp" at the start of a sentence: "Bank" reads as a common word.
    while (
      s >= 2 &&
      /^(?:of|and|&)$/.test((np[s - 1] as Token).text) &&
      /^[A-Z]/.test((np[s - 2] as Token).text) &&
      (np[s - 2] as Token).tag !== "det"
    )
      s -= 2;
    let run = np.slice(s, e + 1);
    // "the Department Store Division and Hobby Hall": two names, the first is the subject's.
    const and = run.findIndex((t) => t.text === "and");
    if (and >= 2 && run.length - and - 1 >= 2) run = run.slice(0, and);
    // "Finnish" before a common noun is a descriptor, not a name.
    if (
      run.length === 1 &&
      ((np[i] as Token).nameKind === "demonym" || DESCRIPTOR.test((np[i] as Token).text))
    )
      continue;
    return spanOf(run, text);
  }
  return null;
}

function spanOf(ts: Token[], text: string): NounPhrase {
  const start = (ts[0] as Token).start;
  const end = (ts.at(-1) as Token).end;
  return { start, end, text: text.slice(start, end) };
}

/** The clause a text offset falls in (the innermost whose tokens cover it). */
export function clauseAt(sc: SentenceClauses, offset: number): number {
  const best = lastTokenBy(sc.tokens, offset, "start");
  return best < 0 ? 0 : (sc.of[best] as number);
}

/**
 * The possessor of the noun phrase a figure attaches to: "increases Searle's stake in
 * Medicontrol to 19.8 pct" gives Searle. Read back from the figure within its clause, up
 * to a verb, a comma or ten words.
 */
export function attachedPossessor(
  sc: SentenceClauses,
  offset: number,
  text: string,
): NounPhrase | null {
  const k = clauseAt(sc, offset);
  let i = lastTokenBy(sc.tokens, offset, "end");
  for (let steps = 0; i >= 1 && steps < 10; i--, steps++) {
    const t = sc.tokens[i] as Token;
    if (
      sc.of[i] !== k ||
      t.tag === "verb" ||
      t.tag === "wh" ||
      /^(?:and|or|but|while)$/i.test(t.text) ||
      t.text === "," ||
      t.text === ";"
    )
      return null;
    if (
      t.tag === "poss" &&
      (t.text === "'s" || t.text === "’s" || t.text === "'" || t.text === "’")
    ) {
      const run = properRunEnding(sc.tokens, i - 1);
      return run ? spanOf(run, text) : null;
    }
  }
  return null;
}

/** The last token whose `edge` offset is at or before `offset`, or -1: tokens are in text order. */
function lastTokenBy(tokens: Token[], offset: number, edge: "start" | "end"): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token)[edge] <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
