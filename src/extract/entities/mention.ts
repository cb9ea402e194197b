/**
 * One capitalised run to one mention: rules on the run as the chunker found it, then span
 * trimming (trim.ts), then the ordered rules that type the trimmed span (mention-rules.ts).
 */

import { MEDIA_WORDS, ORG_SUFFIXES } from "../lexicon/entities.js";
import { TIME_ZONES } from "../lexicon/mention-words.js";
import { METRIC_LEXICON } from "../lexicon/metrics.js";
import { KNOWN_BY_FORM } from "./known.js";
import type { LowerWords } from "./lower-words.js";
import { MENTION_RULES, type MentionInput } from "./mention-rules.js";
import type { RawMention } from "./mention-types.js";
import { splitOnWhite } from "./split.js";
import { cutRun, isNotName, trimSpan } from "./trim.js";

/** Single words that name a metric ("unemployment", "revenue"): never a name by themselves. */
const METRIC_WORDS = new Set(
  METRIC_LEXICON.flatMap((e) => e.phrases)
    .map((p) => /^([a-z]{4,})(?:$|[ (])/.exec(p)?.[1])
    .filter((w): w is string => w !== undefined),
);

/** What a rule on the untrimmed run reads. */
interface RunInput {
  text: string;
  at: number;
  raw: string;
  tokens: string[];
  lower: LowerWords;
}

interface RunRule {
  name: string;
  /** A mention, null when the run holds no name, undefined to go on. */
  apply(r: RunInput): RawMention | null | undefined;
}

/** Rules on the run before its edges are trimmed, in order. */
const RUN_RULES: readonly RunRule[] = [
  {
    // "Unemployment is projected to ...": a metric word that opens a sentence is not a name.
    name: "metric-word-opens-sentence",
    apply: ({ text, at, raw }) =>
      !raw.includes(" ") &&
      METRIC_WORDS.has(raw.toLowerCase()) &&
      !KNOWN_BY_FORM.has(raw) &&
      atSentenceStart(text, at)
        ? null
        : undefined,
  },
  {
    // "14:29 BST-UK Markets close in 2 hrs": a clock's time zone glued to a page widget.
    name: "clock-time-zone",
    apply: ({ tokens }) => {
      const w = tokens[0] as string;
      const dash = w.indexOf("-");
      return dash > 0 && TIME_ZONES.has(w.slice(0, dash)) ? null : undefined;
    },
  },
  {
    // A lone word that is no name by itself ("The", "Shares", "Monday"): trimming would leave nothing.
    name: "lone-non-name-word",
    apply: ({ tokens }) =>
      tokens.length === 1 && isNotName(tokens[0] as string, "") ? null : undefined,
  },
  {
    // "U.S. Goods", "U.S. Products": wire copy capitalises the word after "U.S."; a country
    // and one plural common noun name goods from there, not an organisation.
    name: "country-and-goods",
    apply: ({ text, at, tokens, lower }) =>
      tokens.length === 2 &&
      KNOWN_BY_FORM.get(tokens[0] as string)?.type === "place" &&
      /^[A-Z][a-z]{2,}[^s]s$/.test(tokens[1] as string) &&
      !ORG_SUFFIXES.has(tokens[1] as string) &&
      !MEDIA_WORDS.has((tokens[1] as string).toLowerCase())
        ? toMention(text, at, tokens[0] as string, lower)
        : undefined,
  },
];

/** The mention a capitalised run starting at `at` holds, or null. */
export function toMention(
  text: string,
  at: number,
  raw: string,
  lower: LowerWords,
): RawMention | null {
  const run: RunInput = { text, at, raw, tokens: cutRun(splitOnWhite(raw)), lower };
  for (const rule of RUN_RULES) {
    const r = rule.apply(run);
    if (r !== undefined) return r;
  }
  const span = trimSpan(text, at, run.tokens);
  if (span === null) return null;
  // Every field listed in one order (no spread, no closure): the rules see one object shape.
  const input: MentionInput = {
    start: span.start,
    end: span.end,
    form: span.form,
    words: span.words,
    titled: span.titled,
    based: span.based,
    possessive: span.possessive,
    before: span.before,
    text,
    lower,
    initial: atSentenceStart(text, span.start),
    again: toMention,
  };
  for (const rule of MENTION_RULES) {
    const r = rule.apply(input);
    if (r !== undefined) return r;
  }
  return null;
}

function atSentenceStart(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && (text[k] === " " || text[k] === "\t" || text[k] === '"' || text[k] === "“")) k--;
  return k < 0 || /[.!?\n]/.test(text[k] as string);
}
