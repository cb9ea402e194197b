/**
 * Results tables written as lines of text, as newswires and earnings releases print them:
 *
 *     Shr loss 16 cts vs profit 10 cts
 *     Net 1,569,000 vs 990,000
 *     Nine mths
 *     Revs 50.3 mln vs 50.1 mln
 *
 * Each row is a label and its cells (`vs` between them, or only spaces). The label gives
 * the metric of every cell (labels.ts); a block label on a line of its own gives the
 * period of the rows below it, the headline's period the first block's; the first cell is
 * the current period, the others the year-earlier one of the same name. A bare number is
 * money in the table's currency; a scale or unit stated once on a row or for the table
 * ("(in millions)") applies to the bare numbers it governs. Lines that are not rows
 * (notes, prose) are left to the prose reader.
 */
import type { EntityRef, Period } from "../../model/index.js";
import { parsePeriod } from "../attribution/period.js";
import { isSpaceCode } from "../chars.js";
import { CENT_CURRENCIES } from "../figures/data/currencies.js";
import { COUNT_WORDS, TENS, UNITS } from "../figures/data/number-words.js";
import { wordsByFirstLetter } from "../figures/patterns.js";
import type { Attribution, Figure } from "../types.js";
import { type Cell, cellTail, readCell } from "./cells.js";
import {
  blockLabel,
  COLUMN_PERIOD,
  HEADER_SCALE,
  labelOf,
  mayBeBlockLabel,
  mayBeColumnHeader,
  mayBeScaleLine,
  ROW_LABELS,
  type RowLabel,
  SCALE_LINE,
} from "./labels.js";

export interface TableOptions {
  /** Whose figures the table's are: the headline's company, else the article's main entity. */
  entity: EntityRef | null;
  /** The period of the first block when no block label names it (the headline's). */
  firstPeriod: string | null;
  /** Where the body's text begins after its headline line (the headline is never a row). */
  from?: number;
  /** More row labels, tried before the built-in ones. */
  labels?: readonly RowLabel[];
}

export interface TableFigure {
  figure: Figure;
  attribution: Attribution;
}

export interface TableReading {
  figures: TableFigure[];
  /** Spans of the text the table reader owns (each row from its first cell to its end). */
  owned: Array<{ start: number; end: number }>;
}

interface Row {
  label: string;
  rowLabel: RowLabel | null;
  cells: Cell[];
  /** The offset where the row's cells begin and where the row ends. */
  cellsStart: number;
  end: number;
}

const MAX_LABEL_WORDS = 7;

/**
 * A row holds a number: digits, `nil`, or a number word ("Net seven mln"). Most lines of
 * prose hold none, and are passed over without a cell read a word.
 */
const MAY_HOLD_CELL = new RegExp(
  `\\d|\\b(?:${wordsByFirstLetter(["nil", ...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(COUNT_WORDS)])})\\b`,
  "gi",
);

/** Where `s` first holds what a cell needs (MAY_HOLD_CELL) at or after `from`, or s.length. */
function numberFrom(s: string, from: number): number {
  MAY_HOLD_CELL.lastIndex = from;
  const m = MAY_HOLD_CELL.exec(s);
  return m ? m.index : s.length;
}

/** A verb of prose in what would be a row label: labels are noun phrases ("Net profit", "Shr diluted"). */
const PROSE_LABEL =
  /\b(?:is|are|was|were|rose|fell|grew|said|says|reached|totall?ed|amounted|stood|increased|decreased|dropped|climbed|declined|jumped|came)\b/i;
/** A label word, or a note in brackets inside the label ("Net income (loss)"). */
const LABEL_WORD = /[A-Za-z][A-Za-z'.&/-]*|\([A-Za-z][^)\n]{0,40}\)/y;
const SEPARATOR =
  /[ \t]+(?:vs\.?|versus|against)[ \t]+|[ \t]*(?:vs\.?|versus)[ \t]*\r?\n[ \t]*|[ \t]{1,}/y;
/** What may follow the last cell: "prior", a note in brackets, punctuation. */
const TAIL = /^[ \t]*(?:(?:prior|\([^)\n]*\)|[.;,])[ \t]*)*$/i;

/**
 * @example
 * readTables("Shr 23 cts vs loss six cts\nNet 319,564 vs 84,203\n", { entity: null, firstPeriod: "4TH QTR" })
 * // figures: 23 cts (eps 0.23), six cts (eps -0.06), 319,564 (net_income), 84,203 (net_income)
 */
export function readTables(text: string, options: TableOptions): TableReading {
  const labels = [...(options.labels ?? []), ...ROW_LABELS];
  const out: TableReading = { figures: [], owned: [] };
  let inTable = false;
  let firstTable = true;
  let block: string | null = null;
  let period: string | null = null;
  let currency: string | null = null;
  let scale: number | null = null;
  /** Column headers' periods, one a column, when the table has them. */
  let columns: string[] | null = null;
  const from = options.from ?? 0;
  let pos = from;
  /**
   * Where the text next holds a number, at or after the line: one pass of MAY_HOLD_CELL over
   * the text, not one test a line. Every line but the first starts after a line break, where
   * the pattern's word boundary is the same in the text as in the line alone.
   */
  let numberAt = -1;
  while (pos < text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    let first = pos;
    while (first < end && isSpaceCode(text.charCodeAt(first))) first++;
    if (first === end) {
      pos = end + 1;
      continue;
    }
    const line = text.slice(pos, end);
    const c = text.charCodeAt(first);
    if (mayBeScaleLine(text, first, end) && SCALE_LINE.test(line)) {
      scale = scaleOf(line);
      pos = end + 1;
      continue;
    }
    const header = mayBeColumnHeader(c) ? columnHeader(line) : null;
    if (header) {
      columns = header.periods;
      if (header.scale !== null) scale = header.scale;
      pos = end + 1;
      continue;
    }
    const b = mayBeBlockLabel(c) ? blockLabel(line) : null;
    if (b !== null) {
      block = b;
      if (inTable) period = block;
      pos = end + 1;
      continue;
    }
    if (numberAt < pos) numberAt = numberFrom(text, pos);
    // The first line may start inside a word of the headline: there the line alone decides.
    const holds = pos === from && from > 0 ? numberFrom(line, 0) < line.length : numberAt < end;
    const row = holds ? readRow(text, pos, end, labels) : null;
    if (!row) {
      if (inTable) {
        inTable = false;
        firstTable = false;
        scale = null;
        columns = null;
      }
      block = null;
      pos = end + 1;
      continue;
    }
    if (!inTable) {
      inTable = true;
      period = block ?? (firstTable ? options.firstPeriod : null);
      currency = null;
    }
    currency ??= row.cells.find((c) => c.currency !== null)?.currency ?? null;
    const ctx = { period, columns, currency: currency ?? "USD", scale, entity: options.entity };
    emitRow(text, row, ctx, out);
    out.owned.push({ start: row.cellsStart, end: row.end });
    pos = row.end + 1;
  }
  return out;
}

/** A row at [start, end): label words, then cells to the end of the line (or the next, after a trailing "vs"). */
function readRow(
  text: string,
  start: number,
  end: number,
  labels: readonly RowLabel[],
): Row | null {
  let pos = start;
  while (pos < end && (text[pos] === " " || text[pos] === "\t")) pos++;
  const labelStart = pos;
  let words = 0;
  let cell: Cell | null = null;
  while (pos < end) {
    // Before the first label word a cell ends nothing: the label may not be empty.
    cell = words === 0 || text[pos] === "<" ? null : readCell(text, pos, end);
    if (cell) break;
    LABEL_WORD.lastIndex = pos;
    const w = LABEL_WORD.exec(text);
    if (!w || ++words > MAX_LABEL_WORDS) return null;
    // Every word read so far ends up in the label, and a label with a verb is prose: stop
    // at the verb instead of reading the cells after it.
    if (PROSE_LABEL.test(w[0])) return null;
    pos += w[0].length;
    // "Net profit per five guilder nominal share": the words up to "share" belong to the label.
    if (w[0].length === 3 && w[0].toLowerCase() === "per") {
      const share = /^(?:[ \t]+[\w-]+){0,4}?[ \t]+(?:shr|share)\b/i.exec(text.slice(pos, end));
      if (share) pos += share[0].length;
    }
    if (text[pos] === ":") pos++;
    if (pos < end && text[pos] !== " " && text[pos] !== "\t") return null;
    while (pos < end && (text[pos] === " " || text[pos] === "\t")) pos++;
  }
  if (!cell) return null;
  const label = text
    .slice(labelStart, cell.start)
    .replace(/(?:\s(?:loss|profit))?[\s:($£€¥-]*$/i, "")
    .trim();
  // "Net profit rose to 39.8 mln", "net profit was 5.31 billion francs": a label with a
  // verb is a sentence, and prose reads it (conversions, places, owners).
  if (label === "" || PROSE_LABEL.test(label)) return null;
  const cellsStart = cell.start;
  const cells: Cell[] = [cell];
  let at = cellTail(text, cell);
  let lineEnd = end;
  let compared = false;
  for (;;) {
    SEPARATOR.lastIndex = at;
    const sep = SEPARATOR.exec(text);
    if (!sep || sep.index !== at) break;
    const joined = sep[0].includes("\n");
    const next = readCell(
      text,
      at + sep[0].length,
      joined ? lineEndOf(text, at + sep[0].length) : lineEnd,
    );
    if (!next) break;
    if (/vs|versus|against/i.test(sep[0])) compared = true;
    if (joined) lineEnd = lineEndOf(text, next.start);
    cells.push(next);
    at = cellTail(text, next);
    if (cells.length > 6) return null;
  }
  if (!TAIL.test(text.slice(at, lineEnd))) return null;
  const known = labelOf(label, labels);
  // An unlisted label is a row only when it compares columns ("Assets 426.4 mln vs 334.1 mln").
  if (!known && !(compared && words <= 4 && cells.length >= 2)) return null;
  if (cells.every((c) => c.missing)) return null;
  return { label, rowLabel: known, cells, cellsStart, end: lineEnd };
}

function lineEndOf(text: string, from: number): number {
  const e = text.indexOf("\n", from);
  return e < 0 ? text.length : e;
}

interface RowContext {
  period: string | null;
  columns: string[] | null;
  currency: string;
  scale: number | null;
  entity: EntityRef | null;
}

function emitRow(text: string, row: Row, ctx: RowContext, out: TableReading): void {
  const shape = row.rowLabel?.shape ?? "money";
  const metric = row.rowLabel?.metric ?? "other";
  const rowCurrency = row.cells.find((c) => c.currency !== null)?.currency ?? ctx.currency;
  const rowScale = row.cells.find((c) => c.scale !== null)?.scale ?? null;
  const rowSub = row.cells.find((c) => c.subunit !== null || c.currency !== null);
  row.cells.forEach((c, k) => {
    if (c.missing) return;
    let amount: number;
    let currency: string | null = null;
    if (shape === "per_share") {
      // A bare per-share number takes the unit written on its row ("1.11 dlrs vs 43").
      const sub = c.subunit ?? (c.currency === null && rowSub?.subunit ? rowSub.subunit : null);
      currency = c.currency ?? sub?.currency ?? rowCurrency;
      if (sub && sub.currency === null && !CENT_CURRENCIES.has(currency)) currency = "USD";
      amount = sub ? c.value / 100 : c.value;
    } else {
      amount = c.value * scaleFor(c, rowScale, ctx.scale);
      if (c.subunit) amount /= 100;
      currency = c.currency ?? c.subunit?.currency ?? rowCurrency;
    }
    amount = Number((c.negative ? -amount : amount).toPrecision(15));
    const count = shape === "count";
    const figure: Figure = {
      kind: count ? "count" : "money",
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      amount,
      currency: count ? null : currency,
      unit: count ? (row.rowLabel?.unit ?? "shares") : null,
      approximate: false,
      bound: "exact",
      range: null,
      rate: shape === "per_share" ? "per_share" : null,
      hints: c.negative ? ["loss"] : [],
    };
    out.figures.push({ figure, attribution: attributionOf(row, metric, k, ctx) });
  });
}

/** A bare number takes its row's scale when it cannot be a full amount itself ("327.1 mln vs 307.5"), else the table's. */
function scaleFor(c: Cell, rowScale: number | null, tableScale: number | null): number {
  if (c.scale !== null) return c.scale;
  if (rowScale !== null && !(c.formatted && c.value >= 1000) && c.value < 1000) return rowScale;
  return tableScale ?? 1;
}

function attributionOf(
  row: Row,
  metric: Attribution["metric"],
  column: number,
  ctx: RowContext,
): Attribution {
  return {
    metric,
    metricPhrase: row.label,
    entity: ctx.entity,
    period:
      ctx.columns?.[column] !== undefined
        ? parsePeriod(ctx.columns[column] as string)
        : periodOf(ctx.period, column),
    change: null,
    forecast: false,
  };
}

/** The comparison column is the year-earlier period of the same name; a calendar year names only the first. */
function periodOf(label: string | null, column: number): Period | null {
  if (label === null) return null;
  if (column > 0 && /^(?:fiscal\s+)?(?:19|20)\d\d(?:\/\d\d)?$/i.test(label)) return null;
  return parsePeriod(label);
}

/** "Q3 2024 Q3 2023", "(in millions) 2024 2023": the periods of the columns, and a scale if stated. */
function columnHeader(line: string): { periods: string[]; scale: number | null } | null {
  const s = HEADER_SCALE.exec(line);
  let pos = s ? s[0].length : 0;
  const periods: string[] = [];
  for (;;) {
    COLUMN_PERIOD.lastIndex = pos;
    const m = COLUMN_PERIOD.exec(line);
    if (!m) break;
    periods.push(m[1] as string);
    pos = COLUMN_PERIOD.lastIndex;
  }
  if (periods.length < 2 || line.slice(pos).trim() !== "") return null;
  return { periods, scale: s ? scaleOf(s[1] as string) : null };
}

function scaleOf(line: string): number {
  if (/bln|billion/i.test(line)) return 1e9;
  if (/mln|million/i.test(line)) return 1e6;
  return 1e3;
}
