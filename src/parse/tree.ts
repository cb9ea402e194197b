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

const emptyStats = (): Stats => ({
  text: 0,
  links: 0,
  commas: 0,
  paragraphs: 0,
  listItems: 0,
  hasBlock: false,
  ownText: 0,
  ownCommas: 0,
});

function textStats(node: AnyNode, inLink: boolean): Stats {
  const s = emptyStats();
  const t = (node as unknown as { data: string }).data;
  const len = t.replace(/\s+/g, " ").trim().length;
  s.text = len;
  if (inLink) s.links = len;
  s.commas = t.match(COMMAS)?.length ?? 0;
  return s;
}

/**
 * The containers under `root` (itself included) in pre-order, each with whether its
 * children sit inside a link. Sums taken over this list backwards see every child before
 * its parent, so no walk recurses on the page's depth.
 */
function containers(root: AnyNode, inLink: boolean): Array<[Element, boolean]> {
  const order: Array<[Element, boolean]> = [];
  const stack: Array<[AnyNode, boolean]> = [[root, inLink]];
  while (stack.length > 0) {
    const [n, link] = stack.pop() as [AnyNode, boolean];
    if (!isElement(n) && n.type !== "root") continue;
    const el = n as Element;
    const childLink = link || el.name === "a";
    order.push([el, childLink]);
    for (const c of el.children ?? []) stack.push([c, childLink]);
  }
  return order;
}

/** Text length, link text, commas and block structure of every element, bottom-up. */
export function measure(root: AnyNode, stats: Map<Element, Stats>, inLink: boolean): Stats {
  if (root.type === "text") return textStats(root, inLink);
  const sums = new Map<AnyNode, Stats>();
  const order = containers(root, inLink);
  for (let k = order.length - 1; k >= 0; k--) {
    const [el, link] = order[k] as [Element, boolean];
    const s = emptyStats();
    for (const c of el.children ?? []) {
      const cs = c.type === "text" ? textStats(c, link) : sums.get(c);
      if (cs === undefined) continue;
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
    if (isElement(el)) {
      if (el.name === "p") s.paragraphs++;
      if (el.name === "li") s.listItems++;
      stats.set(el, s);
    }
    sums.set(el, s);
  }
  return sums.get(root) ?? emptyStats();
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
  let out = "";
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (n.type === "text") out += (n as unknown as { data: string }).data;
    else if (isElement(n))
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as AnyNode);
  }
  return out;
}
