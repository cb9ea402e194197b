/**
 * Named entities of an article: mentions found by chunk.ts, merged into entities
 * ("Dell", "Dell's", "Dell Technologies'" -> Dell Technologies; "Okafor" -> Daniel
 * Okafor; "FOMC" -> Federal Open Market Committee when the text introduces it), each
 * with its canonical (longest, cleanest) name, a type and a mention count. The
 * headline is read last, against the names the body established, so title-case and
 * ALL-CAPS headlines add mentions but not new names.
 */
import type { ArticleEntity } from "../../model/index.js";
import {
  FIRST_NAMES,
  INSTITUTION_HEADS,
  LEGAL_FORM_WORDS,
  LEGAL_FORMS,
  ORG_SUFFIXES,
} from "../lexicon/entities.js";
import { chunkMentions, type RawMention } from "./chunk.js";
import { KNOWN_BY_FORM } from "./known.js";
import { type LowerWords, lowerWords } from "./lower-words.js";
import { splitOnSpace, splitOnWhite } from "./split.js";

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  /** The canonical entity this mention belongs to. */
  name: string;
  type: ArticleEntity["type"] | "instrument";
}

export interface EntityAnalysis {
  entities: ArticleEntity[];
  /** Every other form an entity goes by in the article, tickers included ("Acme" and "ACM" for Acme Corp). */
  aliasesOf(name: string): string[];
  mentions: EntityMention[];
  /** The entity the article is about (headline first, then the most mentioned); the default owner of figures. */
  main: { name: string; type: ArticleEntity["type"] } | null;
}

interface Group {
  name: string;
  type: RawMention["type"];
  strength: number;
  forms: Set<string>;
  mentions: RawMention[];
  peripheral: boolean;
  inHeadline: boolean;
  firstAt: number;
  known?: string | undefined;
  /** Some mention reads like a speaker ("Helene Durand said", "according to Willem Buiter"). */
  personCue?: boolean;
  /** Tickers the article gives the entity ("<ALGI>", "(NYSE: CRVT)"). */
  tickers?: Set<string>;
}

export function findEntities(text: string, title: string | null): EntityAnalysis {
  const headlineEnd = headlineEndOf(text, title);
  const lower = lowerWords(text.slice(headlineEnd));
  const raw = chunkMentions(text, headlineEnd, text.length, lower);
  const groups = mergeMentions(raw);
  if (headlineEnd > 0) {
    addHeadlineMentions(text.slice(0, headlineEnd), groups, lower);
    addHeadlineCompanies(text.slice(0, headlineEnd), groups, lower);
  } else if (title && !text.startsWith(title)) {
    addHeadlineMentions(title, groups, lower, true);
    const fromTitle = tickerTitleEntity(title);
    if (fromTitle && !groups.some((g) => g.inHeadline && g.type !== "place")) {
      groups.push({
        name: fromTitle,
        type: "organization",
        strength: 2,
        forms: new Set([fromTitle]),
        mentions: [],
        peripheral: false,
        inHeadline: true,
        firstAt: 0,
      });
    }
  }

  const kept = groups.filter((g) => keep(g));
  for (const g of kept) {
    // Name an entity as the article writes it (its longest clean form), so "NYSE" stays
    // "NYSE"; instruments keep the lexicon's name.
    if (g.type === "instrument" || !g.known) continue;
    const longest = namingForm(g);
    // "U.S" as the chunker cut it before a sentence's full stop is "U.S.".
    const form = longest && /^(?:[A-Z]\.)+[A-Z]$/.test(longest) ? `${longest}.` : longest;
    // An abbreviation of several letters keeps its full stop ("U.S."), a name does not.
    if (form && KNOWN_BY_FORM.get(form)?.name === g.known)
      g.name = form.endsWith(".") && !/(?:[A-Z]\.){2,}$/.test(form) ? form.slice(0, -1) : form;
  }
  // "Name Surname" when the surname also stands alone is a person.
  const singles = new Set(groups.filter((g) => !g.name.includes(" ")).map((g) => g.name));
  for (const g of kept) {
    if (g.type !== "unknown") continue;
    const w = splitOnSpace(g.name);
    // An unknown pair or triple of plain capitalised words with no corporate word is, in
    // news copy, far more often a person ("Helene Durand") than a company.
    if (
      w.length >= 2 &&
      w.length <= 5 &&
      g.personCue &&
      w.every(
        (x, i) =>
          (/^[A-Z][a-z'’-]+$/.test(x) && !ORG_SUFFIXES.has(x)) ||
          (i > 0 && i < w.length - 1 && /^(?:van|von|de|der|den|da|di|du|del|la|le)$/.test(x)),
      ) &&
      w.filter((x) => /^[A-Z]/.test(x)).length <= 3
    )
      g.type = "person";
    else if (
      w.length >= 2 &&
      w.length <= 3 &&
      singles.has(w.at(-1) as string) &&
      w.every((x) => /^[A-Z][a-z'-]+$/.test(x))
    )
      g.type = "person";
  }
  const mentions: EntityMention[] = [];
  for (const g of kept) {
    const type = g.type === "unknown" ? "organization" : g.type;
    for (const m of g.mentions)
      if (m.end <= text.length && m.start >= 0 && m.end > m.start)
        mentions.push({
          start: m.start,
          end: m.end,
          text: text.slice(m.start, m.end),
          name: g.name,
          type,
        });
  }
  mentions.sort((a, b) => a.start - b.start);
  const entities: ArticleEntity[] = kept
    .filter((g) => g.type !== "instrument")
    .map((g) => ({
      name: g.name,
      type: (g.type === "unknown" ? "organization" : g.type) as ArticleEntity["type"],
      mentions: Math.max(1, g.mentions.length),
    }));
  // Worked out when asked: most callers never need them.
  const aliasesOf = (name: string): string[] => {
    const g = kept.find((x) => x.name === name);
    if (!g) return [];
    const other = new Set([...g.forms, ...(g.tickers ?? [])]);
    other.delete(g.name);
    return [...other];
  };
  return { entities, aliasesOf, mentions, main: mainOf(kept) };
}

/**
 * The form a known entity is named by: its longest, the first written of equal ones; a
 * place's most used ("US" in a story that once says "United States"), then its longest.
 */
function namingForm(g: Group): string | undefined {
  const uses = g.type === "place" ? formUses(g.mentions) : null;
  let best: string | undefined;
  let bestUses = 0;
  for (const f of g.forms) {
    const n = uses?.get(f) ?? 0;
    if (best === undefined || n > bestUses || (n === bestUses && f.length > best.length)) {
      best = f;
      bestUses = n;
    }
  }
  return best;
}

/** How many mentions each form has. */
function formUses(mentions: RawMention[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const m of mentions) uses.set(m.form, (uses.get(m.form) ?? 0) + 1);
  return uses;
}

/**
 * A wire headline that names its company before a ticker ("BROWN-FORMAN INC <BFD> 4TH QTR
 * NET"): the company, title-cased ("Brown-Forman Inc"). The body of such stories often
 * never names it.
 */
function tickerTitleEntity(title: string): string | null {
  const m = /^\s*([A-Z][A-Z0-9&.,' -]{1,60}?)\s*<[A-Z0-9.]{1,8}>/.exec(title);
  if (!m) return null;
  const name = (m[1] as string).trim().replace(/,$/, "");
  return name
    .toLowerCase()
    .replace(/(^|[\s-])([a-z])/g, (_x, a: string, b: string) => a + b.toUpperCase())
    .replace(/\b(Ltd|Inc|Corp|Co|Plc|Nv|Ag|Sa)\b/g, (w) =>
      w === "Plc" ? "plc" : w === "Nv" ? "NV" : w === "Ag" ? "AG" : w === "Sa" ? "SA" : w,
    );
}

/** The headline is the body's first line when it is the title (a `.txt` article). */
function headlineEndOf(text: string, title: string | null): number {
  const nl = text.indexOf("\n");
  if (nl <= 0) return 0;
  const first = text.slice(0, nl).trim();
  if (title && first === title.trim()) return nl;
  return 0;
}

const KEY_CACHE = new Map<string, string>();
/** Comparison key of a name; memoised because the same forms recur across a corpus. */
function keyOf(form: string): string {
  let k = KEY_CACHE.get(form);
  if (k === undefined) {
    k = computeKey(form);
    if (KEY_CACHE.size > 50_000) KEY_CACHE.clear();
    KEY_CACHE.set(form, k);
  }
  return k;
}

const computeKey = (form: string): string =>
  form
    .replace(LEGAL_FORMS, "")
    .replace(/(?:'s|’s|'|’)$/, "")
    .replace(/[^A-Za-z0-9&]+/g, " ")
    .trim()
    .toLowerCase();

function mergeMentions(raw: RawMention[]): Group[] {
  const byKey = new Map<string, Group>();
  const groups: Group[] = [];
  for (const m of raw) {
    const key = m.known ? keyOf(m.known) : keyOf(m.form);
    if (key === "") continue;
    let g = byKey.get(key);
    if (!g) {
      g = {
        name: m.known ?? cleanName(m.form),
        known: m.known,
        type: m.type,
        strength: m.strength,
        forms: new Set(),
        mentions: [],
        peripheral: Boolean(m.peripheral),
        inHeadline: false,
        firstAt: m.start,
      };
      byKey.set(key, g);
      groups.push(g);
    }
    g.forms.add(m.form);
    g.mentions.push(m);
    if (m.ticker) tickersOf(g).add(m.ticker);
    if (m.personCue) g.personCue = true;
    if (m.strength > g.strength || (g.type === "unknown" && m.type !== "unknown")) {
      if (m.type !== "unknown") g.type = m.type;
      g.strength = Math.max(g.strength, m.strength);
    }
    if (!m.known && m.form.length > g.name.length) {
      const clean = cleanName(m.form);
      if (clean.length > g.name.length && keyOf(clean) === key) g.name = clean;
    }
    // Acronym introduced in the text: "Federal Open Market Committee (FOMC)".
    if (m.acronym && !byKey.has(m.acronym.toLowerCase())) byKey.set(m.acronym.toLowerCase(), g);
  }
  // Acronyms found before their introduction were grouped apart: fold them now.
  for (const g of groups) {
    const target = byKey.get(keyOf(g.name));
    if (target && target !== g) absorb(target, g);
  }
  // Shorter forms into longer ones: "Dell" -> "Dell Technologies", "Okafor" -> "Daniel Okafor".
  const live = () => groups.filter((g) => g.mentions.length > 0);
  // Index the candidates once (by first word, last word of persons, initials) so the
  // merge stays linear in the number of names.
  const words = new Map<Group, string[]>();
  for (const g of live()) words.set(g, splitOnSpace(keyOf(g.name)));
  const byFirst = new Map<string, Group[]>();
  const byLast = new Map<string, Group[]>();
  const byInitials = new Map<string, Group[]>();
  // Only a name indexed by its first word is ever compared by its initials.
  const initialsOf = new Map<Group, string>();
  const add = (m: Map<string, Group[]>, k: string, g: Group): void => {
    const l = m.get(k);
    if (l) l.push(g);
    else m.set(k, [g]);
  };
  for (const [g, w] of words) {
    if (g.type === "instrument" || g.type === "place" || w.length < 2) continue;
    if (g.type === "person") add(byLast, w.at(-1) as string, g);
    else {
      add(byFirst, w[0] as string, g);
      const ini = initials(g.name);
      initialsOf.set(g, ini);
      add(byInitials, ini, g);
    }
  }
  const smalls = [...words.keys()].sort(
    (a, b) => (words.get(a) as string[]).length - (words.get(b) as string[]).length,
  );
  for (const small of smalls) {
    if (
      small.mentions.length === 0 ||
      (small.type === "place" && small.strength >= 2 && !small.personCue) ||
      small.type === "instrument" ||
      // "Mitsubishi Corp" beside "Mitsubishi Motors Corp": a name with its own legal form
      // is a registered name, not a short form of a longer one.
      LEGAL_FORM_WORDS.has(small.name.slice(small.name.lastIndexOf(" ") + 1))
    )
      continue;
    const sw = words.get(small) as string[];
    const candidates = [
      ...(byFirst.get(sw[0] as string) ?? []),
      ...(sw.length === 1 ? (byLast.get(sw[0] as string) ?? []) : []),
      ...(sw.length === 1 && /^[A-Z&]{2,6}$/.test(small.name)
        ? (byInitials.get(small.name) ?? [])
        : []),
    ];
    let best: Group | null = null;
    for (const big of candidates) {
      if (big === small || big.mentions.length === 0) continue;
      const bw = words.get(big) as string[];
      if (bw.length <= sw.length) continue;
      const isPrefix = sw.every((w, i) => bw[i] === w);
      const isSurname = big.type === "person" && sw.length === 1 && bw.at(-1) === sw[0];
      const isInitials =
        big.type !== "person" && sw.length === 1 && initialsOf.get(big) === small.name;
      if ((isPrefix && big.type !== "person") || isSurname || isInitials) {
        // A known short name ("Tesla") joins an unknown longer one only when that is the
        // same name with its corporate word ("Tesla Motors", "Apple Inc").
        if (
          small.known &&
          !(isSurname && small.personCue) &&
          (big.known
            ? small.known !== big.known
            : bw.length !== sw.length + 1 ||
              !CORPORATE_TAIL.has(big.name.split(" ").at(-1) as string))
        )
          continue;
        if (!best || preference(big) > preference(best)) best = big;
      }
    }
    if (best) absorb(best, small);
  }
  return live();
}

/** Words that make a known short name its full corporate name ("Tesla Motors", "Apple Inc"). */
const CORPORATE_TAIL = new Set([
  ...LEGAL_FORM_WORDS,
  "Motors",
  "Group",
  "Holdings",
  "Technologies",
  "Industries",
  "Company",
  "Corporation",
  "Platforms",
]);

/** Which longer name a short form belongs to: a known name, then one ending in a corporate word, then the most mentioned. */
function preference(g: Group): number {
  const last = g.name.slice(g.name.lastIndexOf(" ") + 1);
  return (
    (g.known ? 1000 : 0) +
    (ORG_SUFFIXES.has(last) && last !== "AI" ? 100 : 0) +
    g.mentions.length -
    g.firstAt / 1e7
  );
}

function initials(name: string): string {
  return splitOnWhite(name)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join("");
}

/** A name without the punctuation a sentence gives it: "Acme, Inc." -> "Acme Inc.", "Acme Corp," -> "Acme Corp". */
function cleanName(form: string): string {
  if (!form.includes(",") && !form.endsWith(".")) return form;
  const name = form.replace(/,(\s+)(?=\S+\.?$)/, (c, sp: string, at: number) =>
    LEGAL_FORM_WORDS.has(form.slice(at + c.length)) ? sp : c,
  );
  return name.replace(/[.]$/, (d) => (/\b(?:Inc|Corp|Co|Ltd|Cos)\.$/.test(name) ? d : ""));
}

/** The group's ticker set, made on first use. */
function tickersOf(g: Group): Set<string> {
  if (g.tickers === undefined) g.tickers = new Set();
  return g.tickers;
}

function absorb(into: Group, from: Group): void {
  for (const f of from.forms) into.forms.add(f);
  for (const t of from.tickers ?? []) tickersOf(into).add(t);
  into.mentions.push(...from.mentions);
  from.mentions = [];
  if (into.type === "unknown" && from.type !== "unknown" && from.type !== "place")
    into.type = from.type;
  into.strength = Math.max(into.strength, from.strength);
  into.firstAt = Math.min(into.firstAt, from.firstAt);
}

/** Mentions in the headline of names the body established, matched case-insensitively. */
function addHeadlineMentions(
  headline: string,
  groups: Group[],
  lower: LowerWords,
  detached = false,
): void {
  const hl = headline.toLowerCase();
  // Longest forms first, each headline span to one entity: "MITSUBISHI MOTORS AUSTRALIA" is
  // Mitsubishi Motors Australia Ltd's, not Mitsubishi Motors Corp's.
  const candidates: Array<[Group, string]> = [];
  for (const g of groups) {
    // "MITSUBISHI MOTORS AUSTRALIA" for "Mitsubishi Motors Australia Ltd": the headline
    // often drops the legal form.
    const bare = [...g.forms].map((f) => f.replace(LEGAL_FORMS, "")).filter((f) => f.includes(" "));
    for (const f of new Set([...g.forms, ...bare])) if (f.length >= 2) candidates.push([g, f]);
  }
  candidates.sort((a, b) => b[1].length - a[1].length);
  const taken: Array<[number, number]> = [];
  const done = new Set<Group>();
  for (const [g, f] of candidates) {
    if (done.has(g)) continue;
    const i = wordIndex(hl, f.toLowerCase());
    if (i < 0 || taken.some(([s, e]) => i < e && i + f.length > s)) continue;
    taken.push([i, i + f.length]);
    done.add(g);
    g.inHeadline = true;
    if (!detached)
      g.mentions.push({
        start: i,
        end: i + f.length,
        form: headline.slice(i, i + f.length),
        type: g.type,
        strength: g.strength,
      });
  }
  // Names the headline alone gives, when the lexicon knows them (a known company, the Fed).
  if (!detached) {
    for (const m of chunkMentions(headline, 0, headline.length, lower)) {
      if (!m.known || groups.some((g) => g.name === m.known)) continue;
      const k = KNOWN_BY_FORM.get(m.form);
      if (!k) continue;
      groups.push({
        name: k.name,
        type: k.type,
        strength: 2,
        forms: new Set([m.form]),
        mentions: [m],
        peripheral: Boolean(k.peripheral),
        inHeadline: true,
        firstAt: m.start,
      });
    }
  }
}

const HEADLINE_TICKER = /<([A-Z0-9][A-Z0-9.]{0,9})>|\(([A-Z]{2,5})\)/g;
const CAPS_LEGAL_NAME =
  /^((?:[A-Z][A-Z0-9&.'-]*\s+){1,5}(?:CORP|INC|LTD|CO|PLC|NV|LP|CORPORATION|LIMITED|INCORPORATED|COS))\b/;

/**
 * Companies a headline in capitals names by their ticker ("CELINA FINANCIAL CORP <CELNA>
 * 4TH QTR NET", "MONSANTO <MTC> INVESTS IN BIOTECHNOLOGY <BIOD>") or by their legal form
 * ("COMPUTER DEVICES INC 4TH QTR"): the body's entity with that ticker or name takes the
 * mention; a company the body never names becomes an entity, title-cased.
 */
function addHeadlineCompanies(headline: string, groups: Group[], lower: LowerWords): void {
  if (/[a-z]/.test(headline.replace(/<[^>]*>/g, ""))) return;
  const found: Array<{ start: number; end: number; words: string[]; ticker?: string | undefined }> =
    [];
  for (const m of headline.matchAll(HEADLINE_TICKER)) {
    const before = headline.slice(0, m.index);
    const words: string[] = [];
    for (const w of before.trimEnd().split(/\s+/).reverse()) {
      const part = w.split(/[/:,;]/).at(-1) as string;
      if (part === "" || !/^[A-Z][A-Z0-9&.'-]*$/.test(part) || commonCapsWord(part, lower)) break;
      words.unshift(part);
      if (part !== w) break;
    }
    if (words.length === 0) continue;
    const name = words.join(" ");
    const start = before.lastIndexOf(name);
    found.push({ start, end: start + name.length, words, ticker: m[1] ?? m[2] });
  }
  const legal = CAPS_LEGAL_NAME.exec(headline);
  if (legal && !found.some((f) => f.start === 0)) {
    const name = (legal[1] as string).trim();
    found.push({ start: 0, end: name.length, words: name.split(/\s+/) });
  }
  for (const f of found) {
    const titled = f.words.map((w) => titleWord(w, lower)).join(" ");
    const key = keyOf(titled);
    const owner =
      groups.find((g) => f.ticker !== undefined && g.tickers?.has(f.ticker)) ??
      groups.find((g) => g.type !== "person" && g.type !== "place" && keyOf(g.name) === key) ??
      // "BIOTECHNOLOGY <BIOD>" for the body's "Biotechnology Development Corp".
      groups.find(
        (g) =>
          g.type !== "person" &&
          g.type !== "place" &&
          g.type !== "instrument" &&
          `${keyOf(g.name)} `.startsWith(`${key} `),
      ) ??
      groups.find(
        (g) => g.inHeadline && g.mentions.some((m) => m.start >= f.start && m.end <= f.end),
      );
    const mention: RawMention = {
      start: f.start,
      end: f.end,
      form: headline.slice(f.start, f.end),
      type: "organization",
      strength: 2,
      ticker: f.ticker,
    };
    if (owner) {
      owner.inHeadline = true;
      if (!owner.mentions.some((m) => m.start === f.start)) owner.mentions.push(mention);
      if (f.ticker) tickersOf(owner).add(f.ticker);
      if (owner.type === "unknown") owner.type = "organization";
      continue;
    }
    if (KNOWN_BY_FORM.has(titled) || /^\d/.test(titled)) continue;
    groups.push({
      name: titled,
      type: "organization",
      strength: 2,
      forms: new Set([titled]),
      mentions: [mention],
      peripheral: false,
      inHeadline: true,
      firstAt: f.start,
      ...(f.ticker ? { tickers: new Set([f.ticker]) } : {}),
    });
  }
}

/** A word of a capitals headline that is not part of a name ("SEES", "IN", "NET", "4TH"). */
function commonCapsWord(w: string, lower: LowerWords): boolean {
  const t = w.charAt(0) + w.slice(1).toLowerCase();
  if (LEGAL_FORM_WORDS.has(t) || ORG_SUFFIXES.has(t)) return false;
  return /\d/.test(w) || lower.has(w.toLowerCase()) || HEADLINE_STOP.has(w);
}

const HEADLINE_STOP = new Set(
  "A AN THE AND OR IN ON AT TO FOR BY WITH FROM INTO OVER UNDER AFTER BEFORE VS SEES SAYS SETS BUYS SELLS GETS HAS IS UP DOWN NET QTR YEAR LOSS PROFIT".split(
    " ",
  ),
);

/** A capitals word as a name writes it: "FINANCIAL" -> "Financial", "K-TRON" -> "K-Tron", "LP" stays. */
function titleWord(w: string, lower: LowerWords): string {
  const legal = [...LEGAL_FORM_WORDS].find((f) => f.toUpperCase() === w);
  if (legal) return legal;
  if (/^(?:OF|AND|THE|FOR|DE)$/.test(w)) return w.toLowerCase();
  if (w.length <= 3 && !lower.has(w.toLowerCase())) return w;
  return w
    .toLowerCase()
    .replace(/(^|[-'’.])([a-z])/g, (_x, a: string, b: string) => a + b.toUpperCase());
}

function wordIndex(hay: string, needle: string): number {
  let i = hay.indexOf(needle);
  while (i >= 0) {
    const a = hay[i - 1] ?? " ";
    const b = hay[i + needle.length] ?? " ";
    if (!/[a-z0-9]/.test(a) && !/[a-z0-9]/.test(b)) return i;
    i = hay.indexOf(needle, i + 1);
  }
  return -1;
}

/** Unknown-typed names need some evidence: several mentions, a strong cue, or several words. */
function keep(g: Group): boolean {
  if (g.type !== "unknown") return true;
  if (g.strength >= 1) return true;
  const words = splitOnSpace(g.name).length;
  if (g.personCue && words >= 2) return true;
  // Five or more capitalised words without a corporate word are a title-case line, and a
  // lone given name is not an entity.
  if (
    words >= 5 &&
    !ORG_SUFFIXES.has(g.name.split(" ").at(-1) as string) &&
    !headsInstitution(g.name)
  )
    return false;
  if (words === 1 && FIRST_NAMES.has(g.name)) return false;
  // A multi-word unknown seen once needs a joining "&" or "of" to read as a name.
  if (words >= 2) return g.mentions.length >= 2 || /\s(?:&|of)\s/.test(g.name);
  return g.mentions.length >= 2 && g.mentions.some((m) => m.initial === false);
}

/** "National Association of Kite Makers": an institution word heads the "of" part. */
function headsInstitution(name: string): boolean {
  const w = name.split(" ");
  const ofAt = w.indexOf("of");
  return ofAt >= 1 && INSTITUTION_HEADS.has(w[ofAt - 1] as string);
}

function mainOf(groups: Group[]): EntityAnalysis["main"] {
  let best: Group | null = null;
  let bestScore = 0;
  for (const g of groups) {
    if (g.type !== "organization" && g.type !== "unknown") continue;
    let score =
      g.mentions.length +
      (g.inHeadline ? 4 : 0) +
      (g.firstAt < 400 ? 1 : 0) +
      (g.strength >= 2 ? 1 : 0);
    if (g.peripheral) score *= 0.3;
    if (score > bestScore) {
      best = g;
      bestScore = score;
    }
  }
  return best ? { name: best.name, type: "organization" } : null;
}
