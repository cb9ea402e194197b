/**
 * Currency lexicon: symbols, ISO codes and words, as data. The scanner compiles these
 * into its patterns once at load; nothing here is matched one by one per token.
 */

/** Symbols and short prefixes written before the number ("US$5", "c $ 16.4", "Rs 5"). Lower-case keys, spaces removed. */
export const PREFIX_SYMBOLS: Readonly<Record<string, string>> = {
  $: "USD",
  us$: "USD",
  "u.s.$": "USD",
  "u.s$": "USD",
  $us: "USD",
  c$: "CAD",
  ca$: "CAD",
  cdn$: "CAD",
  a$: "AUD",
  au$: "AUD",
  $a: "AUD",
  nz$: "NZD",
  hk$: "HKD",
  nt$: "TWD",
  s$: "SGD",
  r$: "BRL",
  mx$: "MXN",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  "₹": "INR",
  rs: "INR",
  "rs.": "INR",
  "₩": "KRW",
  "₽": "RUB",
  "₺": "TRY",
  "₪": "ILS",
  "₱": "PHP",
  "₫": "VND",
  "₦": "NGN",
  "₡": "CRC",
  "₾": "GEL",
  "₭": "LAK",
  元: "CNY",
  rmb: "CNY",
  rm: "MYR",
  /** "Y=28,030": the wire services' ASCII yen. */
  "y=": "JPY",
  /** "PS2.7m": "£" transliterated by old feeds; read only with a scale or separators (not "PS5"). */
  ps: "GBP",
  /** "EURO 2.3 billion": the currency word as a capitalised prefix (only in capitals, not "the euro 1.2"). */
  euro: "EUR",
  /** "( x20ac ) 47 million": the euro sign left as its escaped code point by some feeds. */
  "(x20ac)": "EUR",
  x20ac: "EUR",
};

/** Symbols that may also follow the number ("100元", "100 ₡"). */
export const SUFFIX_SYMBOLS: Readonly<Record<string, string>> = {
  "€": "EUR",
  元: "CNY",
  "₡": "CRC",
  "₾": "GEL",
  "₭": "LAK",
  ரூ: "LKR",
  "₩": "KRW",
  "₽": "RUB",
  "₺": "TRY",
  "₪": "ILS",
};

/**
 * ISO 4217 codes read before or after a number. Upper case in running text; the
 * lower-case tokenised forms are accepted only for the codes listed in LOWERCASE_CODES.
 */
export const ISO_CODES: ReadonlySet<string> = new Set(
  (
    "USD EUR GBP JPY CNY RMB INR CHF CAD AUD NZD HKD SGD TWD KRW SEK NOK DKK ISK PLN CZK HUF RON BGN HRK RUB UAH TRY ILS " +
    "ZAR NGN EGP KES MAD BRL MXN ARS CLP COP PEN IDR MYR THB PHP VND PKR BDT LKR SAR AED QAR KWD BHD OMR"
  ).split(" "),
);

/** Codes safe to read in lower case ("40 rmb", "usd 5"): none of them is an English word. */
export const LOWERCASE_CODES: ReadonlySet<string> = new Set([
  "usd",
  "eur",
  "gbp",
  "jpy",
  "cny",
  "rmb",
  "inr",
  "chf",
  "cad",
  "aud",
  "hkd",
  "sgd",
]);

/** Code aliases that are not ISO codes themselves. */
export const CODE_ALIASES: Readonly<Record<string, string>> = { RMB: "CNY" };

/** The currency a three-letter code names ("USD", "eur", "RMB"), or null: upper case is ISO, lower case only the common codes. */
export function currencyOfCode(c: string): string | null {
  if (!(c === c.toUpperCase() ? ISO_CODES.has(c) : LOWERCASE_CODES.has(c))) return null;
  const up = c.toUpperCase();
  return CODE_ALIASES[up] ?? up;
}

/**
 * Currency words after the number. Keys are lower case, singular and plural forms
 * both listed; a qualifying adjective before "dollars" is in DOLLAR_QUALIFIERS.
 */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: "USD",
  dollars: "USD",
  dlr: "USD",
  dlrs: "USD",
  euro: "EUR",
  euros: "EUR",
  pound: "GBP",
  pounds: "GBP",
  "pounds sterling": "GBP",
  sterling: "GBP",
  stg: "GBP",
  yen: "JPY",
  yuan: "CNY",
  renminbi: "CNY",
  rupee: "INR",
  rupees: "INR",
  franc: "CHF",
  francs: "CHF",
  "swiss francs": "CHF",
  "swiss franc": "CHF",
  kronor: "SEK",
  krona: "SEK",
  "swedish crowns": "SEK",
  "danish crowns": "DKK",
  "danish kroner": "DKK",
  kroner: "NOK",
  krone: "NOK",
  "norwegian crowns": "NOK",
  crowns: "SEK",
  ringgit: "MYR",
  shekel: "ILS",
  shekels: "ILS",
  baht: "THB",
  won: "KRW",
  rand: "ZAR",
  reais: "BRL",
  pesos: "MXN",
  rubles: "RUB",
  roubles: "RUB",
  lira: "TRY",
  kuna: "HRK",
  kn: "HRK",
  zloty: "PLN",
  dirhams: "AED",
  riyals: "SAR",
  markka: "FIM",
  kroon: "EEK",
  kroons: "EEK",
  lats: "LVL",
  litas: "LTL",
  "finnish markka": "FIM",
  pesetas: "ESP",
  guilders: "NLG",
  guilder: "NLG",
  lire: "ITL",
  schillings: "ATS",
  escudos: "PTE",
  drachmas: "GRD",
  "dutch guilders": "NLG",
  "deutsche marks": "DEM",
};

/** "Canadian dollars", "Hong Kong dollars", "US dollar": the qualifier decides the code. */
export const DOLLAR_QUALIFIERS: Readonly<Record<string, string>> = {
  us: "USD",
  "u.s.": "USD",
  american: "USD",
  canadian: "CAD",
  australian: "AUD",
  "new zealand": "NZD",
  "hong kong": "HKD",
  singapore: "SGD",
  singaporean: "SGD",
  taiwan: "TWD",
  taiwanese: "TWD",
};

/** Subunits after the number: amount is divided by 100. `null` currency: from the article. */
export const SUBUNITS: Readonly<Record<string, string | null>> = {
  cent: null,
  cents: null,
  ct: null,
  cts: null,
  pence: "GBP",
  penny: "GBP",
  pennies: "GBP",
  /** Malaysia's hundredth of a ringgit ("rose 18 sen"). */
  sen: "MYR",
  p: "GBP",
};

/** Currencies whose hundredth is called a cent, so "35 cents" can take the article's currency. */
export const CENT_CURRENCIES: ReadonlySet<string> = new Set([
  "USD",
  "EUR",
  "CAD",
  "AUD",
  "NZD",
  "HKD",
  "SGD",
  "TWD",
]);
