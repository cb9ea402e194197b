/**
 * The metric lexicon: which words name which metric. Each entry is a metric and the
 * phrases (regular-expression sources, matched case-insensitively on word boundaries)
 * that name it. When several phrases match near a figure the nearest wins, and at the
 * same place the longest ("operating income" over "income"). Extend by adding phrases.
 */
import type { Metric } from "../../model/index.js";

export interface MetricEntry {
  metric: Metric;
  phrases: string[];
}

export const METRIC_LEXICON: MetricEntry[] = [
  { metric: "eps", phrases: ["earnings per share", "eps", "per share", "a share", "per diluted share", "a diluted share", "diluted earnings", "shr", "shrs? (?:profit|loss)", "oper shr", "earnings a share", "loss per share", "profit per share"] },
  { metric: "operating_income", phrases: ["operating (?:profit|income|loss|earnings|result)s?", "oper(?:ating)? net", "ebit", "trading profit", "underlying (?:operating )?profit", "adjusted operating (?:profit|income)", "profit from operations", "operating line"] },
  { metric: "ebitda", phrases: ["(?:adjusted )?ebitda"] },
  { metric: "net_income", phrases: ["net (?:income|profit|earnings|loss)", "profits?", "earnings", "income", "(?:pre-?tax|pretax|before-tax) (?:profit|loss|income)", "loss(?:es)?", "bottom line", "attributable (?:profit|income)", "profit after tax", "pat"] },
  { metric: "revenue", phrases: ["revenues?", "revs", "sales", "turnover", "top line", "net sales", "total income", "billings", "net interest income", "premiums"] },
  { metric: "margin", phrases: ["(?:gross|operating|net|profit|ebitda|ebit|adjusted|pretax|operating profit) margins?", "margins?", "net interest margin"] },
  { metric: "orders", phrases: ["orders?", "bookings", "order intake", "new orders", "order inflows?", "contract wins", "booked"] },
  { metric: "backlog", phrases: ["backlog", "order ?book", "remaining performance obligations?", "order backlog", "rpo"] },
  { metric: "guidance", phrases: ["guidance", "outlook"] },
  { metric: "market_cap", phrases: ["market (?:value|capitali[sz]ation|cap)", "valued by investors at", "market worth"] },
  { metric: "share_price", phrases: ["price target", "target price", "share price", "stock price", "closed at", "shares? (?:closed|traded|ended|finished|stood) at", "offer price", "ipo price", "priced at"] },
  { metric: "stock_return", phrases: ["shares", "stock", "stocks", "the stock", "index", "its shares", "shares? (?:rose|fell|jumped|surged|slid|dropped|gained|lost|climbed|tumbled|sank|rallied|advanced|declined|plunged|soared)"] },
  { metric: "deal_value", phrases: ["deal", "acquisition", "acquire", "takeover", "buyout", "merger", "purchase", "contract", "agreement", "transaction", "bid", "offer", "tender offer", "premium", "enterprise value", "purchase commitment", "sold for", "sale of", "agreed to buy", "a share in cash", "per share in cash", "all-cash", "will pay", "agreed to pay", "offered", "(?:termination|break|breakup|break-up|reverse break|reverse termination) fee", "leased?", "leasing", "committing", "commitment", "deal value", "tie-up"] },
  { metric: "funding", phrases: ["raised", "raise", "raising", "funding", "financing round", "series [a-f]", "seed round", "investment round", "round", "grant", "venture (?:capital|funding)", "capital raise", "rights issue", "ipo proceeds"] },
  { metric: "valuation", phrases: ["valuation", "valued at", "valuing", "post-money", "pre-money"] },
  { metric: "spending", phrases: ["capex", "capital expenditures?", "capital spending", "spending", "spend", "invest", "investment", "investing", "budget", "costs?", "expenses?", "opex", "operating expenses", "r&d", "research and development", "outlays?", "savings", "save", "saving", "cost cuts?", "charges?", "restructuring", "write-?downs?", "impairment", "provisions?", "expenditure", "set aside", "(?:credit|loan) losses", "provisions? for"] },
  { metric: "debt", phrases: ["debt", "net debt", "borrowings?", "loans?", "bonds?", "notes", "credit facility", "credit line", "leverage", "liabilities", "debentures", "borrow"] },
  { metric: "cash", phrases: ["cash", "cash flow", "free cash flow", "operating cash flow", "cash and (?:cash )?equivalents", "liquidity", "cash position", "reserves"] },
  { metric: "dividend", phrases: ["dividends?", "payout", "qtr div", "div", "distribution", "dividend per share"] },
  { metric: "buyback", phrases: ["buy ?backs?", "share repurchases?", "repurchases?", "repurchased?", "repurchasing", "bought back", "buy back", "share buyback"] },
  { metric: "customers", phrases: ["customers?", "clients?", "users", "subscribers", "accounts", "members", "customer base", "patients", "hospitals", "physician practices", "merchants", "advertisers"] },
  { metric: "employees", phrases: ["employees", "jobs", "workers", "staff", "headcount", "workforce", "positions", "people", "layoffs", "job cuts", "engineers", "employs", "payrolls", "nonfarm payrolls", "hires"] },
  { metric: "units", phrases: ["units", "shipments", "deliveries", "devices", "gpus", "vehicles", "cars", "jets", "aircraft", "planes", "chips", "barrels", "tonnes", "tons", "bags", "ounces", "production", "output", "volumes?", "sold", "shipped", "delivered", "smartphones", "phones", "trucks", "evs"] },
  { metric: "market_share", phrases: ["market share", "share of the market", "share of the (?:\\w+ )?market"] },
  { metric: "price", phrases: ["prices?", "priced", "fines?", "penalty", "tariffs?", "fee", "fees", "per barrel", "a barrel", "an ounce", "per ounce", "settled at", "crude", "brent", "wti", "gold"] },
  { metric: "interest_rate", phrases: ["interest rates?", "(?:policy|benchmark|key|lending|deposit|overnight|federal funds|fed funds|repo|mortgage|discount|prime) rates?", "yields?", "coupon", "rates?", "rate hike", "rate cut", "basis-point"] },
  { metric: "inflation", phrases: ["inflation", "consumer prices", "consumer price index", "cpi", "core pce", "pce", "producer prices", "ppi", "core prices", "price index"] },
  { metric: "gdp", phrases: ["gdp", "gross domestic product", "economy", "economic growth", "output", "annual(?:ized)? rate of growth"] },
  { metric: "unemployment", phrases: ["unemployment(?: rate)?", "jobless(?: rate)?", "jobless claims"] },
];

/**
 * Counted nouns that settle a count's metric by themselves ("1,200 jobs" is employees
 * whatever the verb). Matched against the start of the count's unit.
 */
export const COUNT_UNIT_METRIC: Array<[RegExp, Metric]> = [
  [/^(?:\w+ )?(?:employees|jobs|workers|staff|positions|people|engineers|hires|roles|personnel|job)\b/i, "employees"],
  [/^(?:\w+ )*?(?:customers|clients|users|subscribers|accounts|members|patients|hospitals|practices|merchants)\b/i, "customers"],
  [/^(?:\w+ )?(?:units|vehicles|cars|gpus|devices|jets|aircraft|planes|phones|smartphones|chips|trucks|shipments|deliveries|barrels|tonnes|tons|ounces|bags|bales|bushels|homes)\b/i, "units"],
];

/**
 * Wire-table row labels ("Shr 23 cts vs 12 cts", "Net 319,564 vs 84,203"): the label at
 * the start of a line names the metric of every figure on the row.
 */
export const TABLE_LABELS: Array<[RegExp, Metric]> = [
  [/^(?:oper(?:ating)?\s+)?shr(?:s)?\b(?!\s*(?:outstanding|out))/i, "eps"],
  [/^(?:primary|fully diluted|diluted|basic)\s+shr\b/i, "eps"],
  [/^(?:avg|average)\s+shrs?\b/i, "other"],
  [/^oper(?:ating)?\s+(?:net|profit|income|loss)\b/i, "operating_income"],
  [/^(?:net|net\s+(?:income|profit|loss|earnings)|profit|loss|earnings)\b/i, "net_income"],
  [/^(?:pretax|pre-tax)\b/i, "net_income"],
  [/^(?:revs?|revenues?|sales|turnover|net\s+sales|total\s+revenues?|operating\s+revenues?)\b/i, "revenue"],
  [/^(?:qtly|qtr|quarterly|annual|final|interim)?\s*div(?:idend)?s?\b/i, "dividend"],
  [/^(?:gross|operating|net)?\s*margin\b/i, "margin"],
  [/^(?:ebitda|adjusted\s+ebitda)\b/i, "ebitda"],
  [/^(?:backlog|order\s+backlog)\b/i, "backlog"],
  [/^(?:orders|bookings|new\s+orders)\b/i, "orders"],
  [/^(?:assets|total\s+assets)\b/i, "other"],
  [/^(?:deposits|loans)\b/i, "other"],
  [/^(?:cash|free\s+cash\s+flow|operating\s+cash\s+flow)\b/i, "cash"],
  [/^(?:eps|earnings\s+per\s+share|diluted\s+eps)\b/i, "eps"],
];

/** Percent figures whose metric is really a move of a stock ("shares fell 6%"). */
export const STOCK_WORDS = /\b(?:shares?|stocks?|index|indexes|indices|sector|futures|nasdaq|dow|s&p|ftse|dax|nikkei|composite|benchmark)\b/i;
