/**
 * The change reader tries the change words only at word starts, by their first letter:
 * the last change word before the figure still decides, in any case, and a word glued to
 * another ("pre-rise", "Xrose") is no change word.
 */
import { describe, expect, it } from "vitest";
import { readChange } from "../../../../src/extract/attribution/change.js";
import type { FigureContext } from "../../../../src/extract/attribution/context.js";

function before(left: string, right = ""): FigureContext {
  return {
    figure: { kind: "percent", text: "5%", hints: [] },
    left,
    right,
  } as unknown as FigureContext;
}

describe("readChange over the change words", () => {
  it.each([
    ["Sales ROSE ", "increase"],
    ["Profit fell last year but climbed ", "increase"],
    ["Orders rose in March and dropped by ", "decrease"],
    ["Output showed a decline of ", "decrease"],
    ["Exports posted an annual increase of ", "increase"],
    ["Costs rose to ", null],
    ["The pre-rise level was ", null],
    ["The Xrose index stood at ", null],
  ])("%j -> %s", (left, direction) => {
    expect(readChange(before(left))).toBe(direction);
  });
});
