/**
 * Words that make a figure a change, and words that make it a forecast. Data: extend
 * the lists, not the code that reads them.
 */

/** Verbs and phrases right before a figure ("rose 9%", "a decline of 4%", "cut 1,200 jobs"). */
export const INCREASE_WORDS = [
  "rose", "rise", "rises", "rising", "risen", "up", "increased?", "increases", "increasing", "an increase of", "a rise of", "gained?", "gains", "a gain of",
  "grew", "grow", "grows", "growing", "grown", "growth of", "jumped", "jumps?", "a jump of", "surged?", "surges", "a surge of", "soared?", "soars", "climbed?", "climbs",
  "advanced?", "advances", "rallied", "rallies", "added", "adds?", "add", "boosted?", "raised?", "raises", "hiked?", "lifted", "lifts?", "widened", "widens", "expanded",
  "expands?", "higher", "improved?", "improves", "improvement of", "accelerated", "picked up", "spiked?", "rebounded", "recovered", "hire", "hired", "hiring", "create",
  "created", "creating", "doubled", "tripled", "outpacing", "topped", "a hike of", "an? \\w+ increase of", "plus", "strengthened", "firmed", "edged up", "ticked up", "inched up",
];

export const DECREASE_WORDS = [
  "fell", "fall", "falls", "falling", "fallen", "down", "declined?", "declines", "declining", "a decline of", "a decrease of", "decreased?", "decreases", "dropped",
  "drops?", "a drop of", "slid", "slides?", "sliding", "slipped", "slips?", "sank", "sinks?", "slumped", "slumps?", "a slump of", "plunged?", "plunges", "plummeted",
  "tumbled?", "tumbles", "lost", "loses", "shed", "sheds", "shrank", "shrinks?", "shrunk", "contracted", "contracts", "narrowed", "narrows", "cut", "cuts", "cutting",
  "reduced?", "reduces", "reducing", "a reduction of", "lowered", "lowers?", "trimmed", "trims?", "eliminate", "eliminated", "eliminating", "lay off", "laid off",
  "laying off", "close", "closed", "closing", "slashed?", "slashes", "weakened", "eased", "eases", "dipped", "dips?", "retreated", "lower", "minus", "a cut of", "edged down",
  "ticked down", "inched down", "shaved", "a loss of", "erased", "wiped",
];

/** Nouns right after a figure ("an 88% revenue surge", "a 41% drop"). */
export const INCREASE_NOUNS = ["surge", "jump", "rise", "increase", "gain", "growth", "rally", "climb", "hike", "advance", "improvement", "rebound", "expansion", "spike"];
export const DECREASE_NOUNS = ["drop", "decline", "fall", "slump", "plunge", "decrease", "loss", "cut", "cuts", "reduction", "slide", "contraction", "tumble", "selloff", "sell-off", "dip"];

/** Words that make the sentence (or clause) a forecast. */
export const FORECAST_WORDS = [
  "expects?", "expected", "expecting", "forecasts?", "forecasted", "forecasting", "guidance", "outlook", "projects?", "projected", "projecting", "projections?",
  "consensus", "estimates?", "estimated", "anticipates?", "anticipated", "predicts?", "predicted", "targets?", "targeted", "targeting", "aims? to", "plans? to",
  "planned", "will", "would", "sees", "see", "guided", "guides", "intends? to", "budgeted", "should reach", "on track to", "to reach", "is set to", "are set to",
];

/** Reporting phrases that make "estimates" historical rather than a forecast. */
export const NOT_FORECAST = /\b(?:beat|beating|topped|topping|missed|missing|exceeded|exceeding|above|below|ahead of|short of)\s+(?:analysts'?\s+)?(?:the\s+)?(?:consensus|estimates?|expectations|forecasts?)/i;
