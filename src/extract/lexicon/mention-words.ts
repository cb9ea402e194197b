/**
 * Word lists the mention rules read (entities/trim.ts, entities/mention-rules.ts): titles,
 * lead words of institutions, nouns in apposition, place prefixes, time zones. Sets of
 * exact words, so a rule looks a word up instead of running an alternation over it.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/));

/** A role or office that opens a run ("Treasurer of Bay Area Health Care Foundation", "MEC Ismail Vadi"). */
export const TITLE_WORDS = words(
  "Premier Governor MP MEC Treasurer Minister Deputy Chairman Chairwoman President Secretary Senator Director Head Partner Executive Officer CEO CFO COO Founder Analyst Economist Mayor Commissioner Chancellor Spokesman Spokeswoman Contributor Reporter Editor",
);

/** A leading word trimmed off a run that says a person follows ("Mr. Okafor", "Chief Executive Daniel Okafor"); a trailing "." is allowed. */
export const TITLE_LEAD_WORDS = words(
  "Mr Mrs Ms Dr Executive Officer CEO CFO COO President Chairman Director Analyst Economist Minister Governor",
);

/** Words before a person's name that make it a place's name ("San Francisco Bay Area", "St Paul", "Fort Worth"). */
export const PLACE_PREFIXES = words(
  "San Santa Santo São Sao St St. Saint Ste Ste. Fort Port Lake Mount Mt Mt. Cape Los Las El",
);

/** Particles inside a person's name ("Floris van de Klashorst", "Ursula von der Leyen"). */
export const NAME_PARTICLES = words("van von de der den da di du del la le bin al");

/** Words that join the parts of a name ("Bank of Brazil", "Marks & Spencer"). */
export const NAME_CONNECTORS = words("of & and de du van von der del da di la le for");

/** Time zones a clock glues to the next word ("14:29 BST-UK Markets"). */
export const TIME_ZONES = words(
  "BST GMT UTC EST EDT CST CDT PST PDT CET CEST IST JST HKT SGT AEST AEDT",
);

/** Lead words an institution keeps ("Federal Open Market Committee", "National Association of Auto Dealers"). */
export const INSTITUTION_LEAD_WORDS = words(
  "Federal National General Global International Central State American European First United Royal New Financial Asian African Arab Islamic Chinese Japanese Indian British German French Canadian Australian Irish World Business Energy Health Technology Industrial Commercial Development Investment Consumer Public Senior Market Markets",
);

/** Second words that make a two-word institution of a lead word ("Federal Reserve", "World Bank"). */
export const INSTITUTION_WORDS = words(
  "Bank Group Reserve Fund Exchange Authority Commission Council Agency Association Institute Trust",
);

/** A noun in apposition before a company's name ("Finnish lock maker Assa Abloy", "rival Uber"). */
export const APPOSITION_NOUNS = words(
  "company companies firm maker makers group provider chain lender insurer operator retailer manufacturer producer developer supplier carrier airline brewer miner subsidiary rival competitor startup start-up conglomerate chipmaker automaker carmaker drugmaker distributor wholesaler shipper shipbuilder utility bank broker brokerage peer unit affiliate builder vendor outfit telco",
);

/** Wire services a dateline names in brackets ("TOKYO (Reuters)"). */
export const WIRE_SERVICES = ["Reuters", "AP", "AFP", "Bloomberg", "Dow Jones"] as const;
