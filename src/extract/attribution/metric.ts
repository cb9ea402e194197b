/**
 * Which metric a figure measures, read from the words around it with the metric lexicon:
 * a noun phrase right after the figure ("$24.4 billion in AI orders", "71 cents a share")
 * first, else the nearest phrase before it ("revenue hit $43.8 billion"), else the metric
 * of the previous comparable figure in the sentence ("rose 9% to C$2.43 billion").
 */
import type { Metric } from "../../model/index.js";
import { COUNT_UNIT_METRIC, METRIC_LEXICON } from "../lexicon/metrics.js";
import type { FigureContext } from "./context.js";

interface Hit {
  metric: Metric;
  start: number;
  end: number;
  phrase: string;
}

const COMPILED = METRIC_LEXICON.map((e) => {
  // A phrase may wrap to the next line ("market\npenetration" in wire copy).
  const source = `(?<![\\w&-])(?:${e.phrases.map((p) => p.replace(/ /g, "\\s+")).join("|")})(?![\\w&])`;
  const prefixes = literalPrefixes(e.phrases);
  return {
    metric: e.metric,
    re: new RegExp(source, "gi"),
    /** The same expression tried at one position: where one of the entry's words starts. */
    at: new RegExp(source, "iy"),
    prefixes,
    // Every phrase starts with a word of two or more letters the word scan sees: a match
    // can only start where one of those words starts, so the expression is tried there only.
    byWord:
      prefixes?.every((p) => {
        const w = p.split(" ")[0] as string;
        return w.length >= 2 && wordChar(w.charCodeAt(0));
      }) ?? false,
  };
});

/**
 * The literal words every phrase of an entry starts with ("revenues?" -> "revenue"), or
 * null when some phrase starts with a pattern: a window that holds none of them cannot
 * match the entry, and its regular expression need not run.
 */
function literalPrefixes(phrases: string[]): string[] | null {
  const out: string[] = [];
  for (const p of phrases) {
    const m = /^[a-z&'’ -]+/i.exec(p);
    if (!m) return null;
    // "revenues?": the letter before a quantifier is optional.
    let lit = m[0];
    if (/[?*]/.test(p[lit.length] ?? "")) lit = lit.slice(0, -1);
    if (lit.length < 2) return null;
    out.push(lit.toLowerCase());
  }
  return out;
}

/**
 * The key of a word's first two or three characters (lower-case ASCII letters, digits,
 * "&" or "-", each below 128), as a number: no string is cut out of the window per word.
 */
function keyOf(a: number, b: number, c: number, len: number): number {
  return len >= 3 ? (a << 14) | (b << 7) | c : (1 << 21) | (a << 7) | b;
}

/** Entries by the first three letters of a phrase's first word, to find which can match a window. */
const BY_START = new Map<number, Array<{ word: string; entry: number }>>();
const ALWAYS: number[] = [];
COMPILED.forEach((e, entry) => {
  if (e.prefixes === null) {
    ALWAYS.push(entry);
    return;
  }
  for (const p of e.prefixes) {
    const word = p.split(" ")[0] as string;
    // A window's words are runs of word characters: a key with anything else never matches.
    const len = Math.min(word.length, 3);
    let ok = len >= 2;
    for (let j = 0; j < len; j++) if (!wordChar(word.charCodeAt(j))) ok = false;
    if (!ok) continue;
    const key = keyOf(word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(2), len);
    const list = BY_START.get(key);
    if (list) list.push({ word, entry });
    else BY_START.set(key, [{ word, entry }]);
  }
});

/** Flags of the lexicon entries that may match the current window (reused: no allocation per call). */
const POSSIBLE = new Uint8Array(COMPILED.length);
/** Per entry, the window offsets where one of its words starts (reused). */
const STARTS: number[][] = COMPILED.map(() => []);

/**
 * Marks the lexicon entries whose phrases may start at one of the window's words, and
 * where (offsets into the window, which are the lower-cased window's own while both have
 * the same length).
 */
function markPossible(lower: string): void {
  POSSIBLE.fill(0);
  for (const k of ALWAYS) POSSIBLE[k] = 1;
  const n = lower.length;
  let i = 0;
  while (i < n) {
    // Words as the phrases' lookbehind sees them: runs of letters, digits, "&" and "-".
    while (i < n && !wordChar(lower.charCodeAt(i))) i++;
    const start = i;
    while (i < n && wordChar(lower.charCodeAt(i))) i++;
    if (i - start < 2) continue;
    const list = BY_START.get(
      keyOf(
        lower.charCodeAt(start),
        lower.charCodeAt(start + 1),
        lower.charCodeAt(start + 2),
        i - start,
      ),
    );
    if (!list) continue;
    for (const x of list) {
      if (!lower.startsWith(x.word, start)) continue;
      POSSIBLE[x.entry] = 1;
      const at = STARTS[x.entry] as number[];
      if (at[at.length - 1] !== start) at.push(start);
    }
  }
}

function wordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 38 || c === 45;
}

function hitsIn(s: string): Hit[] {
  const out: Hit[] = [];
  const lower = s.toLowerCase();
  markPossible(lower);
  // "İ" lower-cases to two characters and the Kelvin sign to "k": then the lower-cased
  // window's word starts are not the window's, and marked entries match over all of it.
  const exact = lower.length === s.length && !s.includes("\u212a");
  for (let k = 0; k < COMPILED.length; k++) {
    if (POSSIBLE[k] === 0) continue;
    const e = COMPILED[k] as (typeof COMPILED)[number];
    const starts = STARTS[k] as number[];
    if (e.byWord && exact) {
      // The same hits as a global match over the window: leftmost first, none overlapping.
      let from = 0;
      for (const p of starts) {
        if (p < from) continue;
        e.at.lastIndex = p;
        const m = e.at.exec(s);
        if (m === null) continue;
        from = p + m[0].length;
        out.push({ metric: e.metric, start: p, end: from, phrase: m[0].replace(/\s+/g, " ") });
      }
    } else {
      // exec in a loop, not matchAll, which copies the expression on every call; no phrase
      // matches the empty string, so this is the same walk, and a failed exec leaves
      // lastIndex at 0 for the next window.
      e.re.lastIndex = 0;
      for (let m = e.re.exec(s); m !== null; m = e.re.exec(s))
        out.push({
          metric: e.metric,
          start: m.index,
          end: m.index + m[0].length,
          phrase: m[0].replace(/\s+/g, " "),
        });
    }
    if (starts.length !== 0) starts.length = 0;
  }
  return out;
}

export interface MetricReading {
  metric: Metric;
  phrase: string | null;
}

/** Up to three words between a figure and the noun that names it ("$51.3 billion AI server backlog"). */
const RIGHT_GAP = /^[-\s]*(?:[A-Za-z][\w&'-]*[-\s]+){0,3}$/;
/** Generic nouns that name a metric only when they stand before the figure ("rate of 4%"), not after it ("a 2.4% annualised rate"). */
const RIGHT_GENERIC =
  /^(?:(?:a|per) (?:diluted )?share|stock|common stock|shares|rates?|annual(?:ized|ised)? rates?|prices?|costs?|index|round)$/i;
/** Verb-like phrases that name the metric only right before the figure ("raised $200 million", not "Dividend Raised to C$1.12"). */
const VERBISH =
  /^(?:earned|raised?|raising|booked|sold|shipped|delivered|priced|invest|investing|borrow|spend|acquire|lost|closed at|settled at|hires|employs)$/i;
const RIGHT_GAP_BAD =
  /\b(?:to|from|at|by|and|or|than|with|as|after|before|on|compared|versus|vs|while|which|that|when|said|says)\b|[,(]/i;

export function readMetric(c: FigureContext): MetricReading | null {
  const f = c.figure;
  if (f.kind === "count" && f.unit) {
    for (const [re, metric] of COUNT_UNIT_METRIC)
      if (re.test(f.unit)) return { metric, phrase: f.unit };
    // A volume of output, sales or trade counts goods: units, whatever the goods are called.
    if (f.hints.includes("volume")) return { metric: "units", phrase: f.unit };
  }
  const rights = hitsIn(c.right);
  let bestRight: Hit | null = null;
  for (const h of rights) {
    const gap = c.right.slice(0, h.start);
    // "44.5% of revenue" is a ratio to revenue, not revenue.
    if (f.kind === "percent" && /^\s+of\s+(?:the\s+|its\s+|total\s+|net\s+)*$/i.test(gap)) continue;
    if (
      gap.length > 32 ||
      !RIGHT_GAP.test(gap) ||
      RIGHT_GAP_BAD.test(gap) ||
      // "$19 million in costs": "in" + a noun names the figure's measure even when the noun is generic.
      (RIGHT_GENERIC.test(h.phrase) &&
        !(/^\s+in\s+$/.test(gap) && /^(?:costs?|prices?|offer|premium|deal)$/i.test(h.phrase)))
    )
      continue;
    if (
      !bestRight ||
      h.start < bestRight.start ||
      (h.start === bestRight.start && h.end > bestRight.end)
    )
      bestRight = h;
  }
  // A per-share amount is EPS unless the words say dividend, price or deal.
  if (bestRight) return extendRight(c.right, bestRight);
  // A relative clause (", which strips out food and energy prices,") says nothing of the figure.
  const lefts = hitsIn(
    c.left.replace(/,\s*(?:which|who|that|whose|a|an)\b[^,]*,/gi, (m) => " ".repeat(m.length)),
  );
  let bestLeft: Hit | null = null;
  for (const h of lefts) {
    if (VERBISH.test(h.phrase)) {
      const gap = c.left.slice(h.end);
      // "earned 142 million dlrs", not "had earned the maximum of $195 million".
      if (/^earned$/i.test(h.phrase) && !/^\s*(?:about|approximately|some|nearly)?\s*$/i.test(gap))
        continue;
      if (
        /\b(?:to|from|at|and|by)\b|[,;]/i.test(gap) ||
        gap.split(/\s+/).filter(Boolean).length > 3
      )
        continue;
    }
    if (!bestLeft || h.end > bestLeft.end || (h.end === bestLeft.end && h.start < bestLeft.start))
      bestLeft = h;
  }
  if (bestLeft) return { metric: bestLeft.metric, phrase: phraseAround(c.left, bestLeft) };
  return null;
}

/**
 * When no lexicon phrase names the metric, the words the figure is said of: the noun
 * phrase before "was", "were", "of", "totaled" ... ("Contributions to our pension plans
 * were $325 million"). Only a phrase, never a metric: the metric stays `other`.
 */
const SUBJECT_BEFORE =
  /([A-Za-z][\w&'’-]*(?:,?\s+(?:and\s+|of\s+|to\s+|for\s+|on\s+|in\s+)?[A-Za-z][\w&'’-]*){0,7}?)(?:,\s*net)?\s+(?:was|were|of|totaled|totalled|amounted to|included|includes|is|are|reached|stood at|increased to|decreased to|rose to|fell to|grew to|declined to|at)\s+(?:approximately|about|roughly|nearly|an estimated|a total of|over|more than)?\s*$/;
const LEAD_WORDS =
  /^(?:(?:the|a|an|our|its|their|this|that|these|those|total|and|as|in|of|for|which|with|by|from|respectively|during|year|ended|december|\d+)\s+)+/i;

/**
 * The verb SUBJECT_BEFORE ends with, alone: a window that does not end so cannot match it,
 * and this is much cheaper to try than up to eight words before every word of the window.
 */
const SUBJECT_VERB_END =
  /\s(?:was|were|of|totaled|totalled|amounted to|included|includes|is|are|reached|stood at|increased to|decreased to|rose to|fell to|grew to|declined to|at)\s+(?:approximately|about|roughly|nearly|an estimated|a total of|over|more than)?\s*$/;

export function subjectPhrase(c: FigureContext): string | null {
  if (!SUBJECT_VERB_END.test(c.left)) return null;
  const m = SUBJECT_BEFORE.exec(c.left);
  if (!m) return null;
  const p = (m[1] as string).replace(LEAD_WORDS, "").trim();
  return p.length >= 3 && /[a-z]/i.test(p) ? p : null;
}

function extendRight(right: string, h: Hit): MetricReading {
  const pre = right
    .slice(0, h.start)
    .replace(/^[-\s]*(?:in|of|for|worth of)\s+/i, "")
    .replace(/^[-\s]+/, "");
  return { metric: h.metric, phrase: (pre + h.phrase).trim() || h.phrase };
}

/** The phrase with up to two modifiers before it ("AI server revenue", "gross margin"). */
function phraseAround(s: string, h: Hit): string {
  const before = s.slice(Math.max(0, h.start - 30), h.start);
  const mods = /(?:(?:[A-Za-z][\w&'-]*)\s+){0,2}$/.exec(before)?.[0] ?? "";
  const kept = mods
    .split(/\s+/)
    .filter(Boolean)
    .filter(
      (w) =>
        !/^(?:['’]?s|the|a|an|its|their|his|her|our|and|or|of|in|on|at|to|for|with|by|from|as|said|was|were|is|are|has|had|have|that|which|while|record|total|quarterly)$/i.test(
          w,
        ),
    );
  // Keep only a contiguous tail of modifiers.
  const tail: string[] = [];
  const words = mods.split(/\s+/).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    if (!kept.includes(words[i] as string)) break;
    tail.unshift(words[i] as string);
  }
  return [...tail, h.phrase].join(" ").trim();
}
