/** A mention as the chunker reads it, before mentions are merged into entities. */
export type MentionType = "organization" | "person" | "place" | "instrument" | "unknown";

export interface RawMention {
  start: number;
  end: number;
  /** The surface form without possessive. */
  form: string;
  type: MentionType;
  /** How sure the type is: 2 lexicon/suffix/ticker/title, 1 shape, 0 guess. */
  strength: number;
  /** The acronym introduced right after it: "Federal Open Market Committee (FOMC)". */
  acronym?: string | undefined;
  /** The canonical name when the lexicon knows the form. */
  known?: string | undefined;
  peripheral?: boolean | undefined;
  /** The mention opens a sentence (weak evidence for a lone capitalised word). */
  initial?: boolean | undefined;
  /** Speaker context: "X said", "according to X", "X, who". */
  personCue?: boolean | undefined;
  /** The ticker in a bracket right after it ("Acme Corp (NYSE: ACME)", "Acme <ACM>"): an alias. */
  ticker?: string | undefined;
}
