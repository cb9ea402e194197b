/**
 * Whose figure it is, by the structure of its clause: the possessor of the clause's
 * subject ("Vaisala 's net profit dropped to ..."), else the name in the subject ("Sales
 * for the clothing store subsidiary Seppala decreased by 4 %", "Basware targets ..."),
 * else, for "it", "its", "the company", the name that subject refers to: a named subject
 * earlier in the same sentence, else the article's main entity, else no one (a lone
 * sentence with no antecedent). A relative clause's subject is the noun it describes
 * ("the FTSE 100 index, which fell 0.6 %"). `undefined` means the clause does not say, and
 * the nearest-name reading decides.
 */
import type { EntityRef, Metric } from "../../model/index.js";
import {
  attachedPossessor,
  type Clause,
  clauseAt,
  type NounPhrase,
  type SentenceClauses,
} from "../clauses/index.js";
import type { EntityMention } from "../entities/index.js";
import { type ArticleOwners, type MentionIndex, owns } from "./entity.js";

export interface ClauseOwner {
  entity: EntityRef | null;
  rule:
    | "name-before-move"
    | "possessor"
    | "subject"
    | "relative-antecedent"
    | "pronoun-antecedent"
    | "pronoun-main"
    | "pronoun-none"
    | "government-country"
    | "reporting-subject";
  span: NounPhrase;
}

const MARKET_AFTER_PLACE =
  /^\.?['’]?s?[\s-]+(?:dollars?|treasur|bonds?|stocks?|shares|equities|crude|futures|markets?|index)/i;
const ESTIMATE_AFTER = /^\s*(?:[\w-]+\s+)?(?:consensus|estimates?|expectations?|forecasts?)\b/i;
const LEGAL_FORM_END =
  /\b(?:Plc|PLC|Oyj|Oy|Abp|AB|ASA|A\/S|AG|SA|NV|N\.V\.|Corp|Corporation|Inc|Ltd|Co|LLC|GmbH|SpA)\.?$/;
const TITLE =
  /^(?:Mr|Ms|Mrs|Dr|Chief|President|Vice|Chairman|Executive|Senior|Managing|Director|Treasurer|Secretary|Minister|Governor|Analyst)\b/;
const GOVERNMENT = /\b(?:government|ministry|treasury department|state agencies)\b/i;
const MACRO: ReadonlySet<Metric> = new Set(["inflation", "gdp", "unemployment"]);

export function clauseOwner(
  figureStart: number,
  figureEnd: number,
  sc: SentenceClauses,
  text: string,
  index: MentionIndex,
  owners: ArticleOwners,
  metric: Metric,
  firstSentence: boolean,
): ClauseOwner | undefined {
  // "dragging the PHLX Semiconductor Index down 2.8%": a name right before the move owns it.
  for (const m of index.between(figureStart - 60, figureStart)) {
    if (m.type !== "instrument" && m.type !== "organization") continue;
    if (/^\s*(?:down|up|higher|lower)\s+(?:by\s+)?$/.test(text.slice(m.end, figureStart)))
      return {
        entity: { name: m.name, type: m.type },
        rule: "name-before-move",
        span: { start: m.start, end: m.end, text: m.text },
      };
  }
  if (sc.tokens.length === 0) return undefined;
  const titleCase = sc.titleCase;
  // "Wall Street's $4.15 billion consensus": an estimate of the company's figure, not the street's.
  const estimate = ESTIMATE_AFTER.test(text.slice(figureEnd, figureEnd + 30));
  const attached = estimate ? null : attachedPossessor(sc, figureStart, text);
  if (attached) {
    const e = nameOf(attached, text, index, metric, titleCase, true);
    if (e) return { entity: e, rule: "possessor", span: attached };
  }
  const k = clauseAt(sc, figureStart);
  const clause = sc.clauses[k] as Clause;
  let subj = clause.subject;
  // "A government statement said the 2.6 billion dlrs was ...": a reported clause whose
  // subject names no one is the reporter's.
  if (
    clause.kind === "reported" &&
    clause.parent >= 0 &&
    (!subj || (!subj.possessor && !subj.proper && !subj.pronoun))
  )
    subj = (sc.clauses[clause.parent] as Clause).subject ?? subj;
  if (!subj) return undefined;

  if (subj.possessor) {
    const e = nameOf(subj.possessor, text, index, metric, titleCase, true);
    if (e) return { entity: e, rule: "possessor", span: subj.possessor };
  }
  if (subj.proper) {
    const e = nameOf(
      subj.proper,
      text,
      index,
      metric,
      titleCase,
      subj.proper.start === subj.phrase.start && subj.proper.end === subj.phrase.end,
    );
    if (e)
      return {
        entity: e,
        rule: clause.antecedent !== undefined ? "relative-antecedent" : "subject",
        span: subj.proper,
      };
  }
  // "A government statement said ...": a government's figures are its country's.
  if (owners.country && GOVERNMENT.test(subj.phrase.text))
    return { entity: owners.country, rule: "government-country", span: subj.phrase };
  if (subj.pronoun) {
    // The nearest earlier clause of the sentence with a named subject.
    for (let j = k - 1; j >= 0; j--) {
      const s = (sc.clauses[j] as Clause).subject;
      const np = s?.possessor ?? s?.proper;
      if (!np || np.end > figureStart) continue;
      const e = nameOf(np, text, index, metric, titleCase);
      if (e) return { entity: e, rule: "pronoun-antecedent", span: np };
    }
    // No antecedent in the sentence: the previous sentence or the article's main entity
    // decides (nearest-name reading); a lone sentence has none.
    if (!firstSentence)
      return owners.main && /^the\s/i.test(subj.phrase.text)
        ? { entity: owners.main, rule: "pronoun-main", span: subj.phrase }
        : undefined;
    if (
      index.between(sc.tokens[0]?.start ?? 0, subj.phrase.start).some((m) => owns(m, metric, text))
    )
      return undefined;
    return { entity: null, rule: "pronoun-none", span: subj.phrase };
  }
  return undefined;
}

function nameOf(
  np: NounPhrase,
  text: string,
  index: MentionIndex,
  metric: Metric,
  titleCase: boolean,
  head = false,
): EntityRef | null {
  const ms = index.between(np.start - 80, np.end).filter((m) => m.end > np.start);
  const m: EntityMention | undefined = ms[0];
  // "Vice President of Finance Joel Graff": a person's title and name own nothing.
  if (
    TITLE.test(np.text) &&
    ms.some((x) => x.type === "person" && x.start >= np.start && x.end <= np.end + 2)
  )
    return null;
  if (m) {
    // A country at the head of its clause's subject owns the clause's figures ("South
    // Korea unveiled a list of 2.6 billion dlrs of goods", "Chile's trade surplus"),
    // unless it only names a market ("U.S. stocks", "the U.S. dollar").
    const placeHead =
      m.type === "place" &&
      head &&
      m.start <= np.start &&
      !MARKET_AFTER_PLACE.test(text.slice(m.end, m.end + 16));
    if (placeHead) return { name: m.name, type: "place" };
    // "Sarmo Plc said ...": a name with a legal form is a company, whatever its cue said.
    if (m.type === "person" && LEGAL_FORM_END.test(m.name))
      return { name: m.name, type: "organization" };
    if (!owns(m, metric, text)) return null;
    const clean = np.text.replace(/\s*['’]s?$/, "");
    // The recogniser cut the name short ("VMC Corp" of "Rapala VMC Corp"): the clause's run is the name.
    if (
      m.type === "organization" &&
      m.name === m.text &&
      (!np.initial || /\b(?:of|and|&)\s+$/.test(clean.slice(0, clean.length - m.text.length))) &&
      clean.length > m.text.length &&
      clean.endsWith(m.text)
    )
      return { name: clean, type: "organization" };
    return { name: m.name, type: m.type };
  }
  if (titleCase || np.guess) return null;
  const first = text.slice(np.start, np.end).split(/\s+/)[0] ?? "";
  if (TITLE.test(first)) return null;
  if (MACRO.has(metric)) return null;
  // A name the recogniser did not find is taken from the subject only when it reads as a
  // company's; one with a number in it names a product or a model ("the Aster 9").
  if (/\d/.test(np.text)) return null;
  return { name: np.text, type: "organization" };
}
