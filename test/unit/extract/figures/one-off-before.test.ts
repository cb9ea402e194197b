/**
 * A one-off item named before a money figure: the reader first checks how the words end
 * and runs the full expression only then. Every shape of the item, with and without its
 * linking words, must still be found; a window ending otherwise is not an item.
 */
import { describe, expect, it } from "vitest";
import { oneOffBefore } from "../../../../src/extract/figures/read-context.js";

const at = (words: string): boolean => oneOffBefore(`${words}9 mln dlrs`, words.length);

describe("oneOffBefore", () => {
  it.each([
    "The results include an extraordinary gain of ",
    "It booked a one-time pretax charge totalling ",
    "a non-recurring item were\n  ",
    "Net was helped by a tax credit of ",
    "realized investment gains for the qtr were ",
    "It reported gains from the sale of investments of ",
    "Earnings include a loss on discontinued operations of ",
    "The figure excludes a restructuring charge of ",
    "after write-offs amounting to ",
    "which included special items at ",
    "a SEVERANCE COSTS ",
    "pre-impairment ",
  ])("finds the item in %j", (words) => {
    expect(at(words)).toBe(true);
  });

  it.each([
    "Net income rose to ",
    "The company posted revenue of ",
    "an extraordinary year for sales, with orders of ",
    "tax rates climbed ",
  ])("finds no item in %j", (words) => {
    expect(at(words)).toBe(false);
  });
});
