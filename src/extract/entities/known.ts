/**
 * Lookup tables built once from the entity lexicon: surface form -> known entity, and a
 * scanner for instrument names that the capitalised-phrase chunker cannot see
 * ("S&P 500", "spot gold", "10-year Treasury note").
 */

import { isWordCode } from "../chars.js";
import { KNOWN_ENTITIES, type KnownEntity } from "../lexicon/entities.js";

export const KNOWN_BY_FORM = new Map<string, KnownEntity>();
for (const e of KNOWN_ENTITIES) {
  for (const form of [e.name, ...(e.aliases ?? [])])
    if (!KNOWN_BY_FORM.has(form)) KNOWN_BY_FORM.set(form, e);
}

/**
 * Every part of a known form before one of its spaces ("Bank", "Bank of" for "Bank of
 * Canada"): a word that is none of them starts no known form of several words.
 */
export const KNOWN_BEFORE_SPACE = new Set<string>();
for (const form of KNOWN_BY_FORM.keys())
  for (let i = form.indexOf(" "); i >= 0; i = form.indexOf(" ", i + 1))
    KNOWN_BEFORE_SPACE.add(form.slice(0, i));

/** Known forms that contain a digit, a lower-case word or "&" are found by this scan. */
const scanForms = [...KNOWN_BY_FORM.keys()]
  .filter((f) => /[\d&/]|(?:^|\s)[a-z]/.test(f) || KNOWN_BY_FORM.get(f)?.type === "instrument")
  .sort((a, b) => b.length - a.length);

/**
 * The scan forms by the run of word characters each opens with, longest form first. A form
 * can only match where the text's own run of word characters is the same: its end is
 * either a non-word character the form spells out or the end of the match.
 */
const BY_LEAD = new Map<string, string[]>();
/** Per first character code (ASCII), a bit for each lead length a form has (31 and over share one). */
const LEAD_LENGTHS = new Uint32Array(128);
for (const form of scanForms) {
  const lead = (/^\w*/.exec(form) as RegExpExecArray)[0];
  // Every form starts with a word character: a match opens on a word boundary.
  if (lead === "") continue;
  const list = BY_LEAD.get(lead);
  if (list) list.push(form);
  else BY_LEAD.set(lead, [form]);
  const c = lead.charCodeAt(0);
  LEAD_LENGTHS[c] = (LEAD_LENGTHS[c] as number) | (1 << Math.min(lead.length, 31));
}

export interface KnownHit {
  start: number;
  form: string;
}

/**
 * Known scan forms in `text.slice(from, to)`, left to right: at each word start the longest
 * form that is not glued to a word character or "&" after it. One pass over the characters;
 * the caller skips a match glued to a "&" before it.
 */
export function scanKnown(text: string, from: number, to: number): KnownHit[] {
  const out: KnownHit[] = [];
  let p = from;
  while (p < to) {
    const c = text.charCodeAt(p);
    if (!isWordCode(c)) {
      p++;
      continue;
    }
    let e = p + 1;
    while (e < to && isWordCode(text.charCodeAt(e))) e++;
    let next = e;
    const lengths = LEAD_LENGTHS[c] ?? 0;
    if (lengths !== 0 && (lengths >>> Math.min(e - p, 31)) & 1) {
      const forms = BY_LEAD.get(text.slice(p, e));
      if (forms !== undefined)
        for (const form of forms) {
          const end = p + form.length;
          if (end > to || !text.startsWith(form, p)) continue;
          const after = end < to ? text.charCodeAt(end) : -1;
          if (after !== -1 && (isWordCode(after) || after === 38)) continue;
          out.push({ start: p, form });
          next = end;
          break;
        }
    }
    p = next;
  }
  return out;
}
