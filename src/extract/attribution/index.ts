/**
 * Attribution: for each figure, whose it is (entity), what it measures (metric and the
 * words it was read from), when (period), whether it is a change and whether it is a
 * forecast. One Attribution per figure, in the figures' order. Pure and linear: each
 * figure looks only at its sentence and a bounded window around it.
 */
import type { EntityRef, Metric } from "../../model/index.js";
import { clausesOf, type SentenceClauses } from "../clauses/index.js";
import type { EntityAnalysis } from "../entities/index.js";
import { COUNT_UNIT_METRIC } from "../lexicon/metrics.js";
import type { Attribution, Figure, Sentence } from "../types.js";
import { readChange, readForecast, signOf } from "./change.js";
import { clauseOwner } from "./clause-owner.js";
import { contextsOf, type FigureContext } from "./context.js";
import { articleOwners, MentionIndex, readEntity } from "./entity.js";
import {
  comparedMetric,
  exchangeRateOwner,
  fromSameLoss,
  inBuyback,
  isConversion,
  lossAfter,
  percentGenre,
  perShareLoss,
  priorValue,
} from "./genres.js";
import { readMetric, subjectPhrase } from "./metric.js";
import { type PeriodHit, parsePeriod, periodHits } from "./period.js";
import { blockLabelBefore, readRow } from "./table.js";

export interface AttributionContext {
  text: string;
  title: string | null;
  sentences: Sentence[];
  entities: EntityAnalysis;
}

const PER_SHARE_AFTER =
  /^\s*(?:a|per|for each)\s+(?:diluted\s+|basic\s+|ordinary\s+|common\s+)?(?:share|shr)\b/i;
const LOSS_BEFORE =
  /\b(?:net |operating |pre-?tax |pretax |quarterly |annual |a |its |wider |bigger |smaller )?loss(?:es)?\s+(?:of|was|were|totaled|totalled|amounted to|widened to|narrowed to|reached|to)?\s*(?:about|some|nearly|roughly|around|approximately)?\s*$/i;
/** The word LOSS_BEFORE needs: a window without it cannot match, and this is cheap to look for. */
const HAS_LOSS = /loss/i;
const INSTRUMENT_METRIC: Array<[RegExp, Metric]> = [
  [/crude|brent|wti|west texas|gold|silver|copper|oil|bitcoin/i, "price"],
  [/treasury|bond|note|gilt|bund|yield/i, "interest_rate"],
];
const PROFIT: ReadonlySet<Metric> = new Set(["net_income", "operating_income", "ebitda", "eps"]);
/** Per-share money figures that keep their metric instead of becoming EPS. */
const PER_SHARE_KEEPS: ReadonlySet<Metric> = new Set([
  "dividend",
  "share_price",
  "deal_value",
  "price",
  "buyback",
]);
/** "2.6 billion dlrs of U.S. goods", "480 mln dlrs worth of cars": goods bought for the money. */
const GOODS_AFTER = /^\s*(?:worth\s+)?of\s+(?!(?:its|their|the|this|that)\b)[A-Za-z]/i;
const TRADE_AFTER =
  /^\s*(?:worth\s+)?of\s+(?:[\w.-]+\s+){0,3}?(?:imports|exports|surplus|deficit|reserves|debt|loans|credits?|aid)\b/i;
/**
 * The consideration of a purchase: a buying verb, its object, then "for" right before the
 * figure ("acquired Winley Inc for"). Another figure or a price word in between ("a 77 dlrs
 * a share tender offer for", "will pay for") makes the shares the thing bought.
 */
const PAID_FOR =
  /\b(?:acquire[sd]?|acquiring|buy|buys|bought|purchase[sd]?|purchasing)\b(?![ \t\n]+back)([^;]{0,160}?)\bfor[ \t\n]+(?:about[ \t\n]+|some[ \t\n]+|approximately[ \t\n]+|roughly[ \t\n]+)?$/i;
const NOT_PAID = /\d|\b(?:pay|paid|offer|tender|warrants?|return|dlrs?|cts|one|two|three)\b/i;
function paidFor(left: string): boolean {
  const m = PAID_FOR.exec(left);
  return m !== null && !NOT_PAID.test(m[1] as string);
}
/** Metrics only a sum of money (or a price) can have: a count never takes them (shares paid for a purchase aside). */
const MONEY_ONLY: ReadonlySet<Metric> = new Set([
  "deal_value",
  "valuation",
  "market_cap",
  "debt",
  "funding",
  "dividend",
  "share_price",
  "price",
  "net_income",
  "operating_income",
  "ebitda",
]);
/** Metrics an instrument's own name overrides ("Brent" makes a price). */
const INSTRUMENT_OVERRIDES: ReadonlySet<Metric> = new Set([
  "other",
  "stock_return",
  "share_price",
  "price",
]);

type Reason = NonNullable<Attribution["explain"]>["entity"];

function spanOf(p: { start: number; end: number }): { start: number; end: number } {
  return { start: p.start, end: p.end };
}

/** The period a heading gives the figures under it. */
interface Scope {
  text: string;
}

export function attributeFigures(figures: Figure[], ctx: AttributionContext): Attribution[] {
  if (figures.length === 0) return [];
  const { text } = ctx;
  const contexts = contextsOf(text, figures, ctx.sentences);
  const index = new MentionIndex(ctx.entities.mentions);
  const owners = articleOwners(ctx.entities, text, ctx.title);
  const withFigures = sentencesWithFigures(contexts);
  const sentenceHits = new Map<number, PeriodHit[]>();
  // Figures come in text order: only the current sentence's clauses are kept, so memory
  // stays flat however long the article is.
  let clausesAt = -1;
  let sentenceClauses: SentenceClauses | null = null;
  const titlePeriod = ctx.title
    ? (periodHits(ctx.title, 0)[0] ?? wireTitlePeriod(ctx.title))
    : null;
  const out: Attribution[] = [];
  const perShare: boolean[] = [];
  let scope: Scope | null = null;
  let lastSentence = -1;

  for (const c of contexts) {
    const f = c.figure;
    if (c.sentenceIndex !== lastSentence) {
      scope = headingScope(c.sentenceIndex, ctx.sentences, withFigures, scope);
      lastSentence = c.sentenceIndex;
    }
    const isPerShare = f.rate === "per_share" || PER_SHARE_AFTER.test(c.right);
    perShare.push(isPerShare);
    const row = readRow(c);
    let metric: Metric = "other";
    let metricPhrase: string | null = null;
    let metricRule = "none";
    if (row) {
      metric = row.metric;
      metricPhrase = row.phrase;
      metricRule = "table-row-label";
    } else {
      const read = readMetric(withoutNames(c, index));
      if (read) {
        metric = read.metric;
        metricPhrase = read.phrase;
        metricRule = "lexicon-phrase";
      } else {
        const carried = carryFrom(contexts, out, perShare, c);
        if (carried) {
          metric = carried.metric;
          metricPhrase = carried.metricPhrase;
          metricRule = "previous-figure";
        } else metricPhrase = subjectPhrase(c);
      }
    }
    const setMetric = (m: Metric, rule: string): void => {
      if (m === metric) return;
      metric = m;
      metricRule = rule;
    };
    const prevC = c.prevInSentence >= 0 ? contexts[c.prevInSentence] : undefined;
    const prevA = c.prevInSentence >= 0 ? out[c.prevInSentence] : undefined;
    if (!row) {
      const genre = percentGenre(c);
      if (genre) setMetric(genre, genre === "other" ? "stake" : "market-share");
      const compared = comparedMetric(c, prevA?.metric ?? null);
      if (compared && !(compared === "eps" && !isPerShare))
        setMetric(compared, "compared-with-profit");
      if (prevA && priorValue(c, prevC)) {
        // The earlier value is of the nearest figure of the same kind ("$1.02 per diluted share, versus $118.3 million" is net income's).
        const same = sameKindBefore(contexts, perShare, c, isPerShare);
        const of = same >= 0 ? (out[same] as Attribution) : prevA;
        setMetric(of.metric, "prior-value");
        metricPhrase = of.metricPhrase;
      }
      if (
        inBuyback(c, text) &&
        (metric === "other" || metric === "share_price" || metric === "stock_return")
      )
        setMetric("buyback", "buyback-clause");
      if (f.kind === "percent" && percentOfUnits(c, contexts[c.index + 1], text))
        setMetric("units", "change-of-counted-volume");
    }
    // "earned 3.69 dlrs a share, or 232.8 mln dlrs": the total after a per-share profit.
    if (
      !row &&
      prevA?.metric === "eps" &&
      !isPerShare &&
      f.kind === "money" &&
      /^\s*,?\s*or\s+(?:about\s+)?$/.test(c.left)
    )
      setMetric("net_income", "total-after-per-share");
    const sharesLoss = !row && perShareLoss(c);
    const namedLoss = row ? null : lossAfter(c);
    if (namedLoss === "one-off") setMetric("other", "one-off-loss");
    else if (namedLoss === "loss" && !PROFIT.has(metric))
      setMetric(/^\W*operating/i.test(c.right) ? "operating_income" : "net_income", "named-loss");
    if (sharesLoss) setMetric("eps", "per-share-loss");
    if (isPerShare && f.kind === "money" && !PER_SHARE_KEEPS.has(metric))
      setMetric("eps", "per-share");
    // "a subscription price of EUR 4.88 per share": a price per share is a share price.
    if (isPerShare && f.kind === "money" && metric === "price")
      setMetric("share_price", "per-share-price");
    if (metric === "eps" && f.kind !== "money")
      setMetric(
        f.kind === "percent" ? (carryMetric(out, c) ?? "other") : "other",
        "kind-fits-metric",
      );
    // "agreed to buy the unit for 4.0 mln Acme shares": shares paid for a purchase are its price.
    if (!row && f.kind === "count" && /^shares?$/i.test(f.unit ?? "") && paidFor(c.left))
      setMetric("deal_value", "paid-in-shares");
    // "an operator of 300 health clubs" after "transaction": a count is never a sum of money.
    else if (f.kind === "count" && MONEY_ONLY.has(metric)) setMetric("other", "kind-fits-metric");
    if (
      isPerShare &&
      f.kind === "money" &&
      metric !== "deal_value" &&
      metric !== "share_price" &&
      /\bdividends?\b|\bpayout\b/i.test(c.sentence.text)
    )
      setMetric("dividend", "per-share-dividend");
    if (
      metric === "valuation" &&
      !/\b(?:round|series|rais|funding|investors?|backed|startup|start-up|venture)/i.test(
        c.sentence.text,
      )
    ) {
      setMetric(
        /\b(?:acqui|buy|deal|takeover|merger|bid|offer)/i.test(c.sentence.text)
          ? "deal_value"
          : "market_cap",
        "valuation-outside-round",
      );
    }
    // "2.3 mln shares": a share count is `other` (a stake, a placement), not a move.
    // Shares sold or issued are a share count (`other`), not goods sold (`units`).
    if (
      f.kind === "count" &&
      /^shares?$/i.test(f.unit ?? "") &&
      (metric === "stock_return" || metric === "units")
    )
      setMetric("other", "kind-fits-metric");
    if (metric === "stock_return" && f.kind === "money")
      setMetric("share_price", "kind-fits-metric");
    if (metric === "share_price" && f.kind === "percent")
      setMetric("stock_return", "kind-fits-metric");
    if (metric === "margin" && f.kind === "money") setMetric("other", "kind-fits-metric");

    // A table row compares columns; only a sign or an explicit word makes a cell a change.
    const wireRow = row !== null && /\bvs\.?\s/i.test(c.line);
    const change = wireRow ? signOf(f.text) : readChange(c);
    const prevOwner = c.prevInSentence >= 0 ? (out[c.prevInSentence]?.entity ?? null) : null;
    let byClause: ReturnType<typeof clauseOwner>;
    if (!row) {
      let sc: SentenceClauses | null = clausesAt === c.sentenceIndex ? sentenceClauses : null;
      if (!sc) {
        // Words far past the sentence's last figure decide no owner: tag up to a short tail.
        let last = f.end;
        for (let j = c.index + 1; j < contexts.length; j++) {
          const n = contexts[j] as FigureContext;
          if (n.sentenceIndex !== c.sentenceIndex) break;
          last = n.figure.end;
        }
        sc = clausesOf(text, c.sentence.start, Math.min(c.sentence.end, last + 100));
        sentenceClauses = sc;
        clausesAt = c.sentenceIndex;
      }
      byClause = clauseOwner(
        f.start,
        f.end,
        sc,
        text,
        index,
        owners,
        metric,
        c.sentenceIndex === 0,
      );
    }
    const rateOf = row ? null : exchangeRateOwner(text, c, prevC);
    if (rateOf) setMetric("price", "exchange-rate");
    const entity: EntityRef | null = rateOf
      ? rateOf
      : byClause !== undefined
        ? byClause.entity
        : readEntity(c, metric, text, index, owners, prevOwner);
    const entityWhy: Reason = rateOf
      ? { rule: "exchange-rate", text: f.text, span: { start: f.start, end: f.end } }
      : byClause !== undefined
        ? { rule: byClause.rule, text: byClause.span.text, span: spanOf(byClause.span) }
        : {
            rule: row ? "table-row-owner" : "nearest-name",
            text: entity?.name ?? null,
            span: null,
          };
    // "Nvidia fell 3.2%", "the S&P 500 lost 0.9%": a bare move of a named company or index is its stock's move.
    if (
      metric === "other" &&
      f.kind === "percent" &&
      change !== null &&
      (entity?.type === "organization" || entity?.type === "instrument") &&
      (entity.name !== ctx.entities.main?.name || bareMove(text, byClause?.span.end, f.start))
    )
      setMetric("stock_return", "move-of-named-company");
    // "South Korea ... would buy 480 mln dlrs worth of U.S. cars": money of goods a country
    // buys is its spending; "1.27 billion dlrs of its planned imports" stays a trade statistic.
    if (
      entity?.type === "place" &&
      f.kind === "money" &&
      (metric === "other" || metric === "deal_value") &&
      GOODS_AFTER.test(c.right) &&
      !TRADE_AFTER.test(c.right)
    )
      setMetric("spending", "goods-a-country-buys");
    if (entity?.type === "instrument") {
      for (const [re, m] of INSTRUMENT_METRIC)
        if (re.test(entity.name) && INSTRUMENT_OVERRIDES.has(metric)) setMetric(m, "instrument");
    }

    const prevForecast = c.prevInSentence >= 0 ? Boolean(out[c.prevInSentence]?.forecast) : false;
    const forecast = row ? false : readForecast(c, text, prevForecast);

    let hits = sentenceHits.get(c.sentenceIndex);
    if (!hits) {
      hits = periodHits(c.sentence.text, c.sentence.start);
      sentenceHits.set(c.sentenceIndex, hits);
    }
    const found = periodFor(c, hits, row !== null, text, titlePeriod?.text ?? null, scope);
    const period = found ? parsePeriod(found.text) : null;

    const a: Attribution = {
      metric,
      metricPhrase,
      entity,
      period,
      change: change ? { direction: change } : null,
      forecast,
      explain: {
        entity: entityWhy,
        metric: { rule: metricRule, text: metricPhrase, span: null },
        period: found
          ? { rule: found.rule, text: found.text, span: found.span }
          : { rule: "none", text: null, span: null },
      },
    };
    if ((isPerShare || sharesLoss) && f.rate === null && f.kind === "money") a.rate = "per_share";
    // Only a loss carries its sign to the figure it is compared with: "a negative EUR 3.1 mn,
    // compared to EUR 23.3 mn" compares two values of a measure that may be either sign.
    const prevSigned =
      prevC !== undefined && prevC.figure.amount < 0 && !prevC.figure.hints.includes("loss");
    const prevAmount = prevA ? (prevA.amount ?? (prevC as FigureContext).figure.amount) : null;
    const loss =
      row?.loss ||
      sharesLoss ||
      namedLoss === "loss" ||
      (f.kind === "money" &&
        HAS_LOSS.test(c.left) &&
        LOSS_BEFORE.test(c.left) &&
        !f.hints.includes("loss")) ||
      (f.kind === "money" && !row && fromSameLoss(c, prevSigned ? null : prevAmount));
    if (loss && f.amount > 0 && f.range === null) {
      a.amount = -f.amount;
      if (metric === "other" || metric === "eps") {
        a.metric = metric === "eps" ? "eps" : "net_income";
        if (a.metric !== metric && a.explain) a.explain.metric.rule = "loss-before";
      }
    }
    // A conversion in brackets is the same figure in another currency: same everything.
    if (!row && prevA && isConversion(text, prevC, c)) {
      a.metric = prevA.metric;
      a.metricPhrase = prevA.metricPhrase;
      a.entity = prevA.entity;
      a.period = prevA.period;
      a.change = prevA.change;
      a.forecast = prevA.forecast;
      a.explain = {
        entity: { ...(prevA.explain?.entity ?? entityWhy), rule: "conversion-of-previous" },
        metric: { rule: "conversion-of-previous", text: prevA.metricPhrase, span: null },
        period: { rule: "conversion-of-previous", text: prevA.period?.text ?? null, span: null },
      };
      if (prevAmount !== null && prevAmount < 0 && f.amount > 0 && f.range === null)
        a.amount = -f.amount;
    }
    out.push(a);
  }
  return out;
}

function carryFrom(
  contexts: FigureContext[],
  out: Attribution[],
  perShare: boolean[],
  c: FigureContext,
): Attribution | null {
  for (let j = c.index - 1; j >= 0; j--) {
    const p = contexts[j] as FigureContext;
    if (p.sentenceIndex !== c.sentenceIndex) break;
    const a = out[j] as Attribution;
    // An `other` read from a named item ("other charges of $36 million, $66 million ...") carries too.
    if (a.metric === "other" && a.explain?.metric.rule !== "lexicon-phrase") continue;
    // A count names its own thing; a percent may be the change of the previous figure's metric.
    if (c.figure.kind === "count") return null;
    if (c.figure.kind === "percent") return a;
    const smallAfterPerShare = perShare[j] === true && Math.abs(c.figure.amount) < 100;
    if (p.figure.kind === "percent" && !perShare[c.index]) return a;
    if (p.figure.kind === "money" && (perShare[j] === perShare[c.index] || smallAfterPerShare))
      return a;
  }
  return null;
}

function carryMetric(out: Attribution[], c: FigureContext): Metric | null {
  return c.prevInSentence >= 0 ? (out[c.prevInSentence]?.metric ?? null) : null;
}

interface FoundPeriod {
  text: string;
  rule: "figure-sentence" | "table-block-label" | "headline" | "heading-scope";
  span: { start: number; end: number } | null;
}

function periodFor(
  c: FigureContext,
  hits: PeriodHit[],
  inRow: boolean,
  text: string,
  titlePeriod: string | null,
  scope: Scope | null,
): FoundPeriod | null {
  const f = c.figure;
  let best: PeriodHit | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const h of hits) {
    if (h.end > f.start && h.start < f.end) continue; // inside the figure
    const local =
      (h.start >= c.leftStart && h.end <= f.start) ||
      (h.start >= f.end && h.end <= c.rightEnd + 40 && h.start <= c.rightEnd);
    const d = h.start >= f.end ? h.start - f.end : f.start - h.end;
    const score = local ? d : d + 10_000;
    if (score < bestD) {
      best = h;
      bestD = score;
    }
  }
  if (best)
    return { text: best.text, rule: "figure-sentence", span: { start: best.start, end: best.end } };
  if (inRow) {
    const label = blockLabelBefore(text, c.lineStart, 0);
    if (label) return { text: label, rule: "table-block-label", span: null };
    if (titlePeriod) return { text: titlePeriod, rule: "headline", span: null };
  }
  if (scope) return { text: scope.text, rule: "heading-scope", span: null };
  return null;
}

/**
 * A heading (a short sentence without figures that names a period) scopes the figures
 * under it: the sentence right before sentence `si`, never the text's first sentence.
 */
function headingScope(
  si: number,
  sentences: Sentence[],
  withFigures: ReadonlySet<number>,
  current: Scope | null,
): Scope | null {
  const k = si - 1;
  if (k < 1 || withFigures.has(k)) return current;
  const prev = sentences[k] as Sentence;
  if (prev.text.length > 60 || /[.!?]$/.test(prev.text)) return current;
  const h = periodHits(prev.text, prev.start)[0];
  return h ? { text: h.text } : current;
}

/** The indices of the sentences a figure starts in. */
function sentencesWithFigures(contexts: FigureContext[]): Set<number> {
  const out = new Set<number>();
  for (const c of contexts)
    if (c.figure.start >= c.sentence.start && c.figure.start < c.sentence.end)
      out.add(c.sentenceIndex);
  return out;
}

/** Wire headlines name the table's period in capitals: "4TH QTR NET", "YEAR NET", "NINE MTHS". */
function wireTitlePeriod(title: string): PeriodHit | null {
  const m =
    /\b((?:1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH)\s+(?:QTR|QUARTER)|YEAR|NINE\s+MTHS|SIX\s+MTHS|1ST\s+HALF|2ND\s+HALF)\b/.exec(
      title,
    );
  return m
    ? { start: m.index, end: m.index + (m[1] as string).length, text: m[1] as string }
    : null;
}

/** The nearest earlier figure of the sentence of the same kind and per-share reading, or -1. */
function sameKindBefore(
  contexts: FigureContext[],
  perShare: boolean[],
  c: FigureContext,
  isPerShare: boolean,
): number {
  for (let j = c.index - 1; j >= 0; j--) {
    const p = contexts[j] as FigureContext;
    if (p.sentenceIndex !== c.sentenceIndex) break;
    if (p.figure.kind === c.figure.kind && perShare[j] === isPerShare) return j;
  }
  return -1;
}

/** "Brakston Mining rose 2.5%": the subject, a move verb and the figure, with no measure named between. */
function bareMove(text: string, subjectEnd: number | undefined, figureStart: number): boolean {
  if (subjectEnd === undefined || figureStart - subjectEnd > 30) return false;
  return /^\s+(?:rose|fell|gained|lost|climbed|dropped|slid|jumped|declined|advanced|added|shed|eased|firmed|slipped|tumbled|surged|rallied|sank|plunged|soared)\s+(?:by\s+)?$/i.test(
    text.slice(subjectEnd, figureStart),
  );
}

/** "vehicle sales rose 2% to 4.63 million units": a change in the units its result is counted in. */
function percentOfUnits(c: FigureContext, next: FigureContext | undefined, text: string): boolean {
  if (!next || next.sentenceIndex !== c.sentenceIndex || next.figure.kind !== "count") return false;
  const unit = next.figure.unit ?? "";
  if (!COUNT_UNIT_METRIC.some(([re, m]) => m === "units" && re.test(unit))) return false;
  return /^\s+(?:[\w-]+\s+){0,8}?to\s+(?:about\s+|around\s+|some\s+)?$/.test(
    text.slice(c.figure.end, next.figure.start),
  );
}

/** The figure's context with entity names blanked, so "Advanced Micro Devices" does not read as "devices". */
function withoutNames(c: FigureContext, index: MentionIndex): FigureContext {
  const ms = index.between(c.leftStart, c.figure.start);
  if (ms.length === 0) return c;
  // Kept stretches and runs of spaces, joined once: no array of single characters.
  let left = "";
  let at = 0;
  for (const m of ms) {
    const end = Math.min(m.end, c.figure.start) - c.leftStart;
    if (end <= at) continue;
    const from = Math.max(m.start - c.leftStart, at);
    left += c.left.slice(at, from) + " ".repeat(end - from);
    at = end;
  }
  return { ...c, left: left + c.left.slice(at) };
}
