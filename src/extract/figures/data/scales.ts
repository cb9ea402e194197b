/** Scale words and their multipliers. Single letters count only when attached ("$5m", "EUR131m"). */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  mln: 1e6,
  mio: 1e6,
  mil: 1e6,
  m: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  bln: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  crore: 1e7,
  crores: 1e7,
  "lakh crore": 1e12,
  "lakh crores": 1e12,
};

/** Scale words that must be attached to the number (a spaced "5 m" is too often metres). */
export const ATTACHED_ONLY: ReadonlySet<string> = new Set(["k", "m", "b"]);
