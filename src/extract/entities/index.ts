/** Named entities of an article. PLACEHOLDER until the attribution issue lands. */
import type { ArticleEntity } from "../../model/index.js";

export interface EntityMention {
  start: number;
  end: number;
  text: string;
  /** The canonical entity this mention belongs to. */
  name: string;
  type: ArticleEntity["type"] | "instrument";
}

export interface EntityAnalysis {
  entities: ArticleEntity[];
  mentions: EntityMention[];
}

export function findEntities(_text: string, _title: string | null): EntityAnalysis {
  return { entities: [], mentions: [] };
}
