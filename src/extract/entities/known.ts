/**
 * Lookup tables built once from the entity lexicon: surface form -> known entity, and a
 * scanner for instrument names that the capitalised-phrase chunker cannot see
 * ("S&P 500", "spot gold", "10-year Treasury note").
 */
import { KNOWN_ENTITIES, type KnownEntity } from "../lexicon/entities.js";

export const KNOWN_BY_FORM = new Map<string, KnownEntity>();
for (const e of KNOWN_ENTITIES) {
  for (const form of [e.name, ...(e.aliases ?? [])])
    if (!KNOWN_BY_FORM.has(form)) KNOWN_BY_FORM.set(form, e);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Known forms that contain a digit, a lower-case word or "&" are found by this scan. */
const scanForms = [...KNOWN_BY_FORM.keys()]
  .filter((f) => /[\d&/]|(?:^|\s)[a-z]/.test(f) || KNOWN_BY_FORM.get(f)?.type === "instrument")
  .sort((a, b) => b.length - a.length);

/**
 * Every form starts with a word character, so a word boundary opens a match (far cheaper
 * than a lookbehind at every position); the caller skips a match glued to a "&" before it.
 */
export const KNOWN_SCAN = new RegExp(
  `\\b(?:${scanForms.map(escapeRegExp).join("|")})(?![\\w&])`,
  "g",
);
