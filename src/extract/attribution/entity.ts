/**
 * Whose figure it is: the named subject nearest before the figure in its clause (an
 * organisation, an instrument, or a place when the figure is a country's statistic or
 * the place owns it: "China's car sales"), else the owner of the previous figure in the
 * sentence, else the article's main entity ("the company", "its", "the group" resolve
 * there too). Peripheral names (exchanges, data providers, brokers) and people do not own
 * figures.
 */
import type { EntityRef, Metric } from "../../model/index.js";
import type { EntityAnalysis, EntityMention } from "../entities/index.js";
import { KNOWN_BY_FORM } from "../entities/known.js";
import type { FigureContext } from "./context.js";

/** A market named after the country just before it ("U.S. dollar", "U.S. Treasuries"). */
const MARKET_AFTER_COUNTRY =
  /^\.?[\s-]+(?:dollars?|treasur|bonds?|stocks?|shares|equities|crude|futures)/i;

/** Economies whose statistics a central-bank story reports. */
const COUNTRY =
  /^(?:United States|China|Japan|Germany|United Kingdom|Britain|France|India|Canada|Italy|Spain|Brazil|Mexico|Australia|South Korea|Korea|Russia|Soviet Union|Switzerland|Sweden|Norway|Denmark|Finland|Iceland|Turkey|Indonesia|Netherlands|Belgium|Luxembourg|Austria|Ireland|Portugal|Greece|Poland|Hungary|Czech Republic|Romania|Ukraine|Estonia|Latvia|Lithuania|Taiwan|Hong Kong|Singapore|Malaysia|Thailand|Philippines|Vietnam|Pakistan|Bangladesh|Saudi Arabia|Kuwait|Iran|Iraq|Israel|Egypt|Nigeria|South Africa|Kenya|New Zealand|Argentina|Chile|Colombia|Peru|Venezuela|Ecuador|Euro zone)$/;
/** Figures of an economy that a central-bank story reports (payrolls, spending). */
const ECONOMY: ReadonlySet<Metric> = new Set([
  "inflation",
  "gdp",
  "unemployment",
  "employees",
  "spending",
]);
const MACRO: ReadonlySet<Metric> = new Set(["inflation", "gdp", "unemployment"]);

/** A country's own statistic named before the figure: its trade balance, exports, imports, reserves, current account. */
const COUNTRY_STATISTIC =
  /\b(?:trade\s+(?:surplus|deficit|balance|gap)|(?:surplus|deficit)\b|exports|imports|(?:foreign|currency|gold)\s+reserves|current\s+account)/i;

/** Demonyms of the economies in COUNTRY, for a headline that names the country by its adjective ("CHILEAN TRADE SURPLUS"). */
const DEMONYMS: Readonly<Record<string, string>> = {
  american: "United States",
  chinese: "China",
  japanese: "Japan",
  german: "Germany",
  british: "Britain",
  french: "France",
  indian: "India",
  canadian: "Canada",
  italian: "Italy",
  spanish: "Spain",
  brazilian: "Brazil",
  mexican: "Mexico",
  australian: "Australia",
  korean: "South Korea",
  russian: "Russia",
  soviet: "Soviet Union",
  swiss: "Switzerland",
  swedish: "Sweden",
  norwegian: "Norway",
  danish: "Denmark",
  finnish: "Finland",
  turkish: "Turkey",
  indonesian: "Indonesia",
  dutch: "Netherlands",
  belgian: "Belgium",
  austrian: "Austria",
  irish: "Ireland",
  portuguese: "Portugal",
  greek: "Greece",
  polish: "Poland",
  hungarian: "Hungary",
  taiwanese: "Taiwan",
  malaysian: "Malaysia",
  thai: "Thailand",
  philippine: "Philippines",
  pakistani: "Pakistan",
  israeli: "Israel",
  egyptian: "Egypt",
  nigerian: "Nigeria",
  argentine: "Argentina",
  chilean: "Chile",
  colombian: "Colombia",
  peruvian: "Peru",
  venezuelan: "Venezuela",
  ecuadorean: "Ecuador",
  ecuadorian: "Ecuador",
};
const HEADLINE_DEMONYM = new RegExp(`^(?:south\\s+)?(${Object.keys(DEMONYMS).join("|")})\\b`, "i");

/** Mentions by start offset, for windows lookups by binary search. */
export class MentionIndex {
  private readonly starts: number[];
  constructor(private readonly mentions: EntityMention[]) {
    this.starts = mentions.map((m) => m.start);
  }
  /** Mentions that start in [from, to). */
  between(from: number, to: number): EntityMention[] {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    const out: EntityMention[] = [];
    for (
      let i = lo;
      i < this.mentions.length && (this.mentions[i] as EntityMention).start < to;
      i++
    )
      out.push(this.mentions[i] as EntityMention);
    return out;
  }
}

export function owns(m: EntityMention, metric: Metric, text: string): boolean {
  if (m.type === "person") return false;
  const k = KNOWN_BY_FORM.get(m.name);
  if (k?.peripheral) return false;
  if (m.type === "place") {
    const possessive = /^(?:'s|’s)/.test(text.slice(m.end, m.end + 2));
    return (
      MACRO.has(metric) ||
      (possessive && (metric === "units" || metric === "employees" || metric === "other"))
    );
  }
  return true;
}

/** What ownership needs of the article as a whole: worked out once per article, not per figure. */
export interface ArticleOwners {
  main: EntityRef | null;
  /** The main entity makes policy (a central bank): it owns its rates, not the market's figures. */
  policyMain: boolean;
  /** The first country named other than as a market ("the U.S. dollar"): it owns the economy's figures. */
  country: EntityRef | null;
}

export function articleOwners(
  entities: EntityAnalysis,
  text: string,
  title: string | null = null,
): ArticleOwners {
  const main: EntityRef | null = entities.main;
  const place = entities.mentions.find(
    (m) =>
      m.type === "place" &&
      // "the U.S. dollar", "U.S. Treasuries": a market named after a country says nothing
      // about which economy the story's statistics describe.
      !MARKET_AFTER_COUNTRY.test(text.slice(m.end, m.end + 14)) &&
      COUNTRY.test(KNOWN_BY_FORM.get(m.name)?.name ?? KNOWN_BY_FORM.get(m.text)?.name ?? m.name),
  );
  const lead = leadCountry(entities, text, title);
  // "South Korea unveiled a list of ...": a story whose body opens on a country is that
  // economy's, unless its headline names the organisation it is about.
  const headlined = main && title?.toUpperCase().includes(main.name.toUpperCase());
  return {
    main: lead && !headlined ? lead : main,
    policyMain: main !== null && KNOWN_BY_FORM.get(main.name)?.policy === true,
    country: lead ?? (place ? { name: place.name, type: "place" } : headlineCountry(title)),
  };
}

/** The country the body's first sentence opens with, when it opens with one. */
function leadCountry(
  entities: EntityAnalysis,
  text: string,
  title: string | null,
): EntityRef | null {
  const from = title !== null && text.startsWith(title) ? title.length : 0;
  const first = entities.mentions.find((m) => m.start >= from);
  if (first?.type !== "place") return null;
  if (!/^\s*$/.test(text.slice(from, first.start))) return null;
  if (MARKET_AFTER_COUNTRY.test(text.slice(first.end, first.end + 14))) return null;
  const name = KNOWN_BY_FORM.get(first.name)?.name ?? first.name;
  return COUNTRY.test(name) ? { name: first.name, type: "place" } : null;
}

/** "CHILEAN TRADE SURPLUS NARROWS": a headline that opens with a country's adjective names the story's economy. */
function headlineCountry(title: string | null): EntityRef | null {
  const m = title ? HEADLINE_DEMONYM.exec(title.trim()) : null;
  const key = m ? (m[1] as string).toLowerCase() : "";
  // Own keys only: a plain object answers "constructor" too.
  const name = Object.hasOwn(DEMONYMS, key) ? DEMONYMS[key] : undefined;
  return name ? { name, type: "place" } : null;
}

export function readEntity(
  c: FigureContext,
  metric: Metric,
  text: string,
  index: MentionIndex,
  owners: ArticleOwners,
  prevOwner: EntityRef | null,
): EntityRef | null {
  const { main, policyMain } = owners;
  // "a 16% rise in the S&P 500": an instrument named right after the move owns it.
  for (const m of index.between(c.figure.end, c.figure.end + 40)) {
    if (m.type !== "instrument") continue;
    if (
      /^\s*(?:[a-z]+\s+){0,2}(?:in|on|for|of)\s+(?:the\s+)?$/.test(
        text.slice(c.figure.end, m.start),
      )
    )
      return { name: m.name, type: m.type };
  }
  // Nearest owner mention before the figure within its window.
  const left = index
    .between(c.leftStart, c.figure.start)
    .filter((m) => m.end <= c.figure.start && owns(m, metric, text));
  // The clause's subject: the first owner in the window ("Halvorsen agreed to buy Meridian
  // for $6.8 billion"), unless a macro figure names a country.
  if (MACRO.has(metric)) {
    const country = left.filter((m) => m.type === "place").at(-1);
    if (country) return { name: country.name, type: "place" };
  }
  const near = left[0];
  if (near && !pronounAfter(text, near.end, c.figure.start))
    return { name: near.name, type: near.type };
  if (/\b(?:the company|the group|its|the firm)\b/i.test(c.left) && left.length === 0) return main;
  if (c.prevInSentence >= 0 && prevOwner) return prevOwner;
  // "It reported revenue of ...": the previous sentence's subject.
  if (/^(?:It|Its)\b/.test(c.sentence.text) && c.sentence.start > 0) {
    const prev = index
      .between(Math.max(0, c.sentence.start - 400), c.sentence.start)
      .filter((m) => m.type === "organization" && owns(m, metric, text));
    const lastStop = text.lastIndexOf(". ", c.sentence.start - 3);
    const subject = prev.find((m) => m.start > lastStop);
    if (subject) return { name: subject.name, type: subject.type };
  }
  // The subject at the start of the sentence ("Nvidia, which ..., rose 3%").
  const lead = index.between(c.sentence.start, c.leftStart).filter((m) => owns(m, metric, text));
  if (lead.length > 0 && (lead[0] as EntityMention).start - c.sentence.start < 50) {
    const m = lead[0] as EntityMention;
    return { name: m.name, type: m.type };
  }
  // An instrument right after a percent ("... 2.8% on the PHLX Semiconductor Index") is rare; a place owns macro figures.
  if (
    owners.country !== null &&
    (MACRO.has(metric) || (policyMain && ECONOMY.has(metric))) &&
    left.every((m) => m.type === "place")
  )
    return owners.country;
  // A central bank owns its rates; market-wide figures in its story belong to no one.
  if (policyMain && metric !== "interest_rate") return null;
  // "Exports in February totalled ...", "The surplus rose to ...": a trade statistic no
  // name in its clause owns is the economy's the story is about.
  if (
    owners.country !== null &&
    left.length === 0 &&
    (metric === "other" || metric === "spending") &&
    COUNTRY_STATISTIC.test(text.slice(c.sentence.start, c.figure.start))
  )
    return owners.country;
  return main;
}

/** "Dell ... the company's" between the mention and the figure: the pronoun wins, main entity. */
function pronounAfter(text: string, from: number, to: number): boolean {
  return /\b(?:the company|the group|the firm|the bank)\b/i.test(text.slice(from, to));
}
