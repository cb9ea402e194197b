/**
 * Abbreviations whose trailing period does not end a sentence. Lower-case, without the
 * final period. Data, so a reader can extend it: add the word, not a new rule.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // corporate forms
  "inc", "corp", "co", "ltd", "llc", "plc", "cos", "bros", "mfg", "intl", "assn", "dept",
  // titles and honorifics
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "gov", "sen", "rep", "rev", "hon", "pres", "lt", "col", "capt", "sgt", "messrs",
  // months and days
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  // wire-style abbreviations
  "mln", "bln", "dlrs", "pct", "shr", "shrs", "qtr", "mths", "cts", "vs", "avg", "approx", "est", "no", "nos", "vol", "fig", "ave", "blvd", "rd",
  "ft", "oz", "lb", "lbs", "kg", "km", "mt", "yr", "yrs", "wk", "wks", "etc", "al", "cf", "ie", "eg", "e.g", "i.e", "a.m", "p.m",
]);

/** Dotted initialisms ("U.S.", "U.K.", "N.V.") that may still end a sentence when a capital follows a line break. */
export const DOTTED_INITIALISM = /^(?:[A-Za-z]\.){2,}$/;
