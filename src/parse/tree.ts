/**
 * Shared tree helpers for the body extractor: element tests, per-element text statistics
 * (text, link text, commas, block structure) and class weights. Pure.
 */
import type { AnyNode, Element } from "domhandler";
import { BLOCK_TAGS, NEGATIVE_WEIGHT, POSITIVE_WEIGHT } from "./patterns.js";

export interface Stats {
  text: number;
  links: number;
  commas: number;
  paragraphs: number;
  listItems: number;
  hasBlock: boolean;
  /** Text and commas of the inline runs directly inside (not inside child blocks). */
  ownText: number;
  ownCommas: number;
}

export const isElement = (n: AnyNode): n is Element =>
  n.type === "tag" || n.type === "script" || n.type === "style";
const COMMAS = /[,，、،]/g;

export function classAndId(el: Element): string {
  const c = el.attribs.class ?? "";
  const id = el.attribs.id ?? "";
  return id === "" ? c : `${c} ${id}`;
}

/** Text length, link text, commas and block structure of every element, bottom-up. */
export function measure(node: AnyNode, stats: Map<Element, Stats>, inLink: boolean): Stats {
  const s: Stats = {
    text: 0,
    links: 0,
    commas: 0,
    paragraphs: 0,
    listItems: 0,
    hasBlock: false,
    ownText: 0,
    ownCommas: 0,
  };
  if (node.type === "text") {
    const t = (node as unknown as { data: string }).data;
    const len = t.replace(/\s+/g, " ").trim().length;
    s.text = len;
    if (inLink) s.links = len;
    s.commas = t.match(COMMAS)?.length ?? 0;
    return s;
  }
  if (!isElement(node) && node.type !== "root") return s;
  const el = node as Element;
  const link = inLink || el.name === "a";
  for (const c of el.children ?? []) {
    const cs = measure(c, stats, link);
    s.text += cs.text;
    s.links += cs.links;
    s.commas += cs.commas;
    s.paragraphs += cs.paragraphs;
    s.listItems += cs.listItems;
    if (isElement(c) && BLOCK_TAGS.has(c.name)) s.hasBlock = true;
    else {
      s.ownText += cs.text;
      s.ownCommas += cs.commas;
    }
  }
  if (isElement(node)) {
    if (el.name === "p") s.paragraphs++;
    if (el.name === "li") s.listItems++;
    stats.set(el, s);
  }
  return s;
}

export function classWeight(el: Element): number {
  const ci = classAndId(el);
  if (ci === "") return 0;
  let w = 0;
  if (NEGATIVE_WEIGHT.test(ci)) w -= 25;
  if (POSITIVE_WEIGHT.test(ci)) w += 25;
  return w;
}

export const linkDensity = (s: Stats): number => (s.text === 0 ? 0 : s.links / s.text);

export function contains(anc: Element, el: Element): boolean {
  for (let p: AnyNode | null = el; p; p = p.parent) if (p === anc) return true;
  return false;
}

export function plainText(node: AnyNode): string {
  if (node.type === "text") return (node as unknown as { data: string }).data;
  if (!isElement(node)) return "";
  let out = "";
  for (const c of node.children) out += plainText(c);
  return out;
}
