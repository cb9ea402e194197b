/**
 * Patterns of the genres the annotation guide names, read from the words right around a
 * figure: stakes and ownership ("a 50 pct stake", "4.998 % of total share capital") are
 * `other`; "90 % of the beer market" is market share; a conversion in brackets ("EUR 32
 * mln ( $ 46 mln )") repeats the figure before it; a prior-period comparison ("compared to
 * a profit of EUR 0.5 mn") measures what the figure before it measures; an exchange rate
 * ("EUR 1.0 = USD 1.397") is the price of the first currency; a per-share loss ("a loss of
 * 38 cents a share", "a 45-cent loss") is negative EPS.
 */
import type { EntityRef, Metric } from "../../model/index.js";
import { lossAfter as lossNamedAfter } from "../figures/wire.js";
import type { FigureContext } from "./context.js";

const STAKE_AFTER =
  /^\s*(?:stake|holding|interest|slice|shareholding|share\s+of\s+the\s+(?:company|capital|shares))\b|^\s+of\s+(?:the\s+)?(?:total\s+|all\s+|its\s+|the\s+company\s*['’]?s?\s+)?(?:share\s+capital|capital|voting\s+rights|votes|shares(?:\s+outstanding)?|outstanding\s+shares|stock)\b|^\s+of\s+the\s+(?:company|group)\b(?!\s*['’]?s?\s+(?:revenue|sales|profit|earnings))|^\s+of\s+[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}\s*['’]s?\s+(?:shares|stock|capital)\b/;
const STAKE_BEFORE =
  /\b(?:stake|holding|shareholding|ownership)\s+(?:of|to|from)\s+(?:about\s+|some\s+)?$/i;
const MARKET_AFTER = /^\s+of\s+the\s+(?:[\w-]+\s+){0,3}market\b/i;

/** A percent that is a stake, an ownership or a market share, or null. */
export function percentGenre(c: FigureContext): Metric | null {
  if (c.figure.kind !== "percent") return null;
  if (MARKET_AFTER.test(c.right)) return "market_share";
  if (STAKE_AFTER.test(c.right) || STAKE_BEFORE.test(c.left)) return "other";
  return null;
}

/**
 * The figure restates the previous one in another currency: only a bracket, "or" or a
 * space between two money figures ("EUR 184 million USD 259.7 m", "39.8 mln euro ( $ 56.8
 * mln )").
 */
export function isConversion(
  text: string,
  prev: FigureContext | undefined,
  c: FigureContext,
): boolean {
  if (!prev || c.prevInSentence !== prev.index) return false;
  if (prev.figure.kind !== "money" || c.figure.kind !== "money") return false;
  if (prev.figure.currency === c.figure.currency) return false;
  return /^\s*(?:[([]\s*)?(?:or\s+|about\s+|approximately\s+|some\s+)?$/.test(
    text.slice(prev.figure.end, c.figure.start),
  );
}

const COMPARED =
  /\b(?:compared\s+(?:to|with)|versus|vs\.?|against|from|down\s+from|up\s+from)\s+(?:a|an)\s+(?:profit|loss)\s+(?:of\s+)?(?:about\s+|some\s+)?$/i;
const PROFIT_METRICS: ReadonlySet<Metric> = new Set([
  "operating_income",
  "ebitda",
  "eps",
  "net_income",
]);

/** "Operating loss totaled EUR 0.8 mn, compared to a profit of EUR 0.5 mn": the earlier figure's profit metric. */
export function comparedMetric(c: FigureContext, prevMetric: Metric | null): Metric | null {
  if (prevMetric === null || !PROFIT_METRICS.has(prevMetric)) return null;
  return COMPARED.test(c.left) ? prevMetric : null;
}

/** "narrowed to EUR415,000 from EUR7.4 m": a loss compared with an earlier loss. */
export function fromSameLoss(c: FigureContext, prevAmount: number | null): boolean {
  return (
    prevAmount !== null &&
    prevAmount < 0 &&
    /^\s*(?:,\s*)?(?:from|versus|vs\.?|compared\s+(?:to|with))\s+$/i.test(c.left)
  );
}

const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  EUR: "euro",
  USD: "dollar",
  GBP: "sterling",
  JPY: "yen",
  CHF: "Swiss franc",
  SEK: "Swedish crown",
  NOK: "Norwegian crown",
  DKK: "Danish crown",
  CNY: "yuan",
  CAD: "Canadian dollar",
  AUD: "Australian dollar",
};

/** "EUR 1.0 = USD 1.397": the exchange rate is the price of the first currency. */
export function exchangeRateOwner(
  text: string,
  c: FigureContext,
  prev: FigureContext | undefined,
): EntityRef | null {
  if (c.figure.kind !== "money") return null;
  if (/^\s*=/.test(c.right)) return currencyRef(c.figure.currency);
  if (
    prev &&
    prev.figure.kind === "money" &&
    /^\s*=\s*$/.test(text.slice(prev.figure.end, c.figure.start))
  )
    return currencyRef(prev.figure.currency);
  return null;
}

function currencyRef(code: string | null): EntityRef | null {
  const name = code && Object.hasOwn(CURRENCY_NAMES, code) ? CURRENCY_NAMES[code] : undefined;
  return name ? { name, type: "instrument" } : null;
}

const LOSS_AFTER = /^[\s-]*(?:a\s+share\s+|per\s+share\s+)?(?:net\s+|operating\s+)?loss\b/i;
const LOSS_PER_SHARE_BEFORE =
  /\bloss(?:es)?\s+per\s+(?:diluted\s+|basic\s+)?share\s+(?:of|was|were|to|at)?\s*$/i;

/** "a 45-cent loss", "loss per share of EUR 2.26": a per-share loss. */
export function perShareLoss(c: FigureContext): boolean {
  if (c.figure.kind !== "money") return false;
  if (LOSS_PER_SHARE_BEFORE.test(c.left)) return true;
  return /-cent\b|\bcents?\b|\bcts\b/i.test(c.figure.text) && LOSS_AFTER.test(c.right);
}

/**
 * "a 19.64 mln dlr net loss": a money figure that names a loss after it is a negative
 * profit, unless the loss is a one-off item ("a 1,817,000 dlr loss from discontinued
 * operations"), which keeps its size under `other`. The figure reader's rule, read on the
 * words after the figure.
 */
export function lossAfter(c: FigureContext): "loss" | "one-off" | null {
  if (c.figure.kind !== "money" || c.figure.rate === "per_share") return null;
  return lossNamedAfter(c.right, 0);
}

const FROM_BEFORE =
  /(?:^|\b(?:up|down)\s+|,\s*)(?:from|compared\s+(?:with|to)|versus|vs\.?)\s+(?:about\s+|around\s+|some\s+|a\s+)?$/i;

/**
 * "grew at a 2.4% rate, up from 2.0% in the first quarter", "stood at 12.4% of revenue,
 * compared with 16.1%": the earlier value of the same measure, said right after it.
 */
export function priorValue(c: FigureContext, prev: FigureContext | undefined): boolean {
  if (!prev || c.prevInSentence !== prev.index || prev.figure.kind !== c.figure.kind) return false;
  return FROM_BEFORE.test(c.left);
}

const BUYBACK = /\b(?:buy(?:s|ing)?\s+back|bought\s+back|repurchas\w*|buybacks?)\b/i;

/** "would buy back up to 100 million shares, or 3.1% of shares outstanding, worth up to ¥250 billion". */
export function inBuyback(c: FigureContext, text: string): boolean {
  if (c.figure.kind === "count") return false;
  return BUYBACK.test(text.slice(Math.max(c.sentence.start, c.figure.start - 120), c.figure.start));
}
