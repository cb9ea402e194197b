/**
 * The metric record: one extracted figure, exactly as `shared/spec/metric-record.md`
 * defines it. This is the one definition; every stage imports it and the TypeScript types
 * are inferred from it.
 */
import { z } from "zod";

export const FigureKind = z.enum(["money", "percent", "count"]);
export type FigureKind = z.infer<typeof FigureKind>;

export const Span = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end > s.start, { message: "span.end must be greater than span.start" });
export type Span = z.infer<typeof Span>;

export const Bound = z.enum(["exact", "lower", "upper"]);
export type Bound = z.infer<typeof Bound>;

export const PercentUnit = z.enum(["percent", "percentage_point", "basis_point"]);
export type PercentUnit = z.infer<typeof PercentUnit>;
/** The enum's values as a set: the record check looks one up instead of parsing a schema. */
const PERCENT_UNITS: ReadonlySet<string> = new Set(PercentUnit.options);

export const Range = z
  .object({ min: z.number().finite(), max: z.number().finite() })
  .refine((r) => r.min <= r.max, { message: "range.min must not exceed range.max" });
export type Range = z.infer<typeof Range>;

export const MetricValue = z.object({
  /** money: currency units; percent: 88 means 88 %; count: the count. */
  amount: z.number().finite(),
  /** ISO 4217, money only. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  /** percent: a PercentUnit; count: the counted noun phrase; money: null. */
  unit: z.string().min(1).nullable(),
  approximate: z.boolean(),
  bound: Bound,
  /** For "$5 billion to $6 billion"; amount is then the min. */
  range: Range.nullable(),
});
export type MetricValue = z.infer<typeof MetricValue>;

export const Rate = z.enum([
  "per_month",
  "per_year",
  "per_quarter",
  "per_day",
  "per_share",
  "per_unit",
]);
export type Rate = z.infer<typeof Rate>;

export const Metric = z.enum([
  "revenue",
  "net_income",
  "operating_income",
  "ebitda",
  "eps",
  "margin",
  "orders",
  "backlog",
  "guidance",
  "market_cap",
  "share_price",
  "stock_return",
  "deal_value",
  "funding",
  "valuation",
  "spending",
  "debt",
  "cash",
  "dividend",
  "buyback",
  "customers",
  "employees",
  "units",
  "market_share",
  "price",
  "interest_rate",
  "inflation",
  "gdp",
  "unemployment",
  "other",
]);
export type Metric = z.infer<typeof Metric>;

export const EntityType = z.enum(["organization", "person", "place"]);
export type EntityType = z.infer<typeof EntityType>;

/** Whose figure it is; instruments (indexes, benchmarks, securities, currencies) may own figures. */
export const EntityRef = z.object({
  name: z.string().min(1),
  type: z.enum(["organization", "person", "place", "instrument"]),
});
export type EntityRef = z.infer<typeof EntityRef>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected an ISO date YYYY-MM-DD");

export const Period = z.object({
  text: z.string().min(1),
  fiscal: z.boolean(),
  year: z.number().int().min(1800).max(2200).nullable(),
  quarter: z.number().int().min(1).max(4).nullable(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  ytd: z.boolean(),
});
export type Period = z.infer<typeof Period>;

export const Change = z.object({ direction: z.enum(["increase", "decrease"]) });
export type Change = z.infer<typeof Change>;

/**
 * Why a record's entity, metric and period are what they are: the rule that chose each and
 * the words it read them from (`span` indexes the body when the rule read a place in it).
 * Only `extract --explain` adds it; stored records never carry it.
 */
export const AttributeReason = z.object({
  rule: z.string().min(1),
  text: z.string().nullable(),
  span: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).nullable(),
});
export type AttributeReason = z.infer<typeof AttributeReason>;

export const Explanation = z.object({
  entity: AttributeReason,
  metric: AttributeReason,
  period: AttributeReason,
});
export type Explanation = z.infer<typeof Explanation>;

export const MetricRecord = z
  .object({
    id: z.string().min(1),
    kind: FigureKind,
    text: z.string().min(1),
    span: Span,
    sentence: z.string(),
    value: MetricValue,
    rate: Rate.nullable(),
    metric: Metric,
    metricPhrase: z.string().min(1).nullable(),
    entity: EntityRef.nullable(),
    period: Period.nullable(),
    change: Change.nullable(),
    forecast: z.boolean(),
    explain: Explanation.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.span.end - r.span.start !== r.text.length) {
      ctx.addIssue({
        code: "custom",
        message: "span length differs from text length",
        path: ["span"],
      });
    }
    if (r.kind === "money" && r.value.currency === null) {
      ctx.addIssue({
        code: "custom",
        message: "a money figure needs a currency",
        path: ["value", "currency"],
      });
    }
    if (r.kind !== "money" && r.value.currency !== null) {
      ctx.addIssue({
        code: "custom",
        message: "only money figures carry a currency",
        path: ["value", "currency"],
      });
    }
    if (r.kind === "percent" && !PERCENT_UNITS.has(r.value.unit ?? "")) {
      ctx.addIssue({
        code: "custom",
        message: "a percent needs a percent unit",
        path: ["value", "unit"],
      });
    }
    if (r.kind === "count" && r.value.unit === null) {
      ctx.addIssue({
        code: "custom",
        message: "a count needs the counted noun",
        path: ["value", "unit"],
      });
    }
    if (r.kind === "money" && r.value.unit !== null) {
      ctx.addIssue({ code: "custom", message: "money has no unit", path: ["value", "unit"] });
    }
    if (r.value.range !== null && r.value.amount !== r.value.range.min) {
      ctx.addIssue({
        code: "custom",
        message: "with a range, amount is the range's min",
        path: ["value", "amount"],
      });
    }
  });
export type MetricRecord = z.infer<typeof MetricRecord>;
