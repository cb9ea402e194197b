/** Attribution of figures. PLACEHOLDER until the attribution issue lands. */
import type { EntityAnalysis } from "../entities/index.js";
import type { Attribution, Figure, Sentence } from "../types.js";

export interface AttributionContext {
  text: string;
  title: string | null;
  sentences: Sentence[];
  entities: EntityAnalysis;
}

export function attributeFigures(figures: Figure[], _ctx: AttributionContext): Attribution[] {
  return figures.map(() => ({
    metric: "other",
    metricPhrase: null,
    entity: null,
    period: null,
    change: null,
    forecast: false,
  }));
}
