/**
 * HTML -> DOM, bounded: nesting deeper than MAX_DEPTH ends the parse with
 * NF_PARSE_TOO_DEEP. htmlparser2 keeps its open elements in an array it shifts at the
 * front, so each tag costs time in the depth: capping the depth keeps parsing (and every
 * walk over the tree, and the selectors cheerio runs) linear in the page. Real pages stay
 * far below the cap (at most 52 levels on the 187 evaluation pages).
 */
import type { Document } from "domhandler";
import { DomHandler, Parser } from "htmlparser2";
import { NewsfiguresError } from "../errors.js";

/** Elements open at once, at most. */
export const MAX_DEPTH = 1000;

class BoundedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    // tagStack holds the document and every open element.
    if (this.tagStack.length > MAX_DEPTH) {
      throw new NewsfiguresError(
        "NF_PARSE_TOO_DEEP",
        `the page nests elements more than ${MAX_DEPTH} deep (at <${name}>); it is not an article page a reader could read, so it is not parsed`,
      );
    }
    super.onopentag(name, attribs);
  }
}

/** The page's DOM, parsed as cheerio parses it (htmlparser2, HTML mode, entities decoded). */
export function parseDom(html: string): Document {
  const handler = new BoundedHandler();
  new Parser(handler, { xmlMode: false, decodeEntities: true }).end(html);
  return handler.root;
}
