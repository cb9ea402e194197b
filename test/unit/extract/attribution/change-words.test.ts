/**
 * The change reader finds the change words only at word starts: the last change word
 * before the figure decides, in any case, and a word glued to another ("pre-rise",
 * "Xrose") is no change word. Only words stand between it and the figure.
 */
import { describe, expect, it } from "vitest";
import { readChange } from "../../../../src/extract/attribution/change.js";
import type { FigureContext } from "../../../../src/extract/attribution/context.js";

function withLeft(left: string, right = ""): FigureContext {
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
    expect(readChange(withLeft(left))).toBe(direction);
  });
});

describe("readChange over the gap after the change word", () => {
  it.each([
    ["Revenue rose by about ", "increase"],
    ["Shares fell a further ", "decrease"],
    ["Sales rose in Europe, by ", null],
    ["Sales rose 3 times, by ", null],
  ])("%j -> %s", (left, direction) => {
    expect(readChange(withLeft(left))).toBe(direction);
  });

  it("rejects a long gap of words that ends in a mark at once", () => {
    // Nineteen short words and then a comma: a test that backtracks over the ways to share
    // the spaces between the words would take minutes.
    const started = Date.now();
    expect(readChange(withLeft(`Sales rose${" a".repeat(19)},`))).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
