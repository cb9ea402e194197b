/**
 * Internal shapes passed between the extractor's steps (figures -> attribution ->
 * records). They never leave `extract/`; what leaves is a validated MetricRecord.
 */
import type {
  Bound,
  EntityRef,
  Explanation,
  FigureKind,
  Metric,
  Period,
  Range,
  Rate,
} from "../model/index.js";

/** A figure found by the recognizer, before attribution. Offsets index the body. */
export interface Figure {
  kind: FigureKind;
  start: number;
  end: number;
  /** body.slice(start, end) */
  text: string;
  /** Normalised, scale applied, sign applied (a loss is negative). Range: the min. */
  amount: number;
  currency: string | null;
  unit: string | null;
  approximate: boolean;
  bound: Bound;
  range: Range | null;
  rate: Rate | null;
  /**
   * Words the recognizer read as part of the figure that attribution may use:
   * e.g. "loss" when the sign came from "a loss of", or the change verb of a
   * "down 5%" pattern. Empty when none.
   */
  hints: string[];
}

/** A sentence of the body, with its offsets. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** What attribution adds to a figure. */
export interface Attribution {
  metric: Metric;
  metricPhrase: string | null;
  entity: EntityRef | null;
  period: Period | null;
  change: { direction: "increase" | "decrease" } | null;
  forecast: boolean;
  /** Attribution may refine these when the recognizer could not settle them. */
  rate?: Rate | null;
  bound?: Bound;
  approximate?: boolean;
  /** Sign fix-ups (e.g. a loss in a table row). */
  amount?: number;
  /** The currency the story places a bare "francs" or "crowns" in (BEF, DKK). */
  currency?: string;
  /** Which rule chose the entity, metric and period, and what it read (for `extract --explain`). */
  explain?: Explanation;
}
