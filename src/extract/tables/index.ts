/**
 * Tables of figures written as text: wire results rows ("Net 319,564 vs 84,203"), block
 * labels, and HTML tables the page parser kept as one row a line. See read.ts.
 */
export type { RowLabel } from "./labels.js";
export { ROW_LABELS } from "./labels.js";
export { readTables, type TableFigure, type TableOptions, type TableReading } from "./read.js";
