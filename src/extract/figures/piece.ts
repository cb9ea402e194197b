/**
 * One end of a figure: a number read with its scale and unit, before the scanner looks
 * around it for prefixes, ranges and modifiers.
 */

import type { FigureKind } from "../../model/index.js";
import { isDigitCode } from "../chars.js";
import { parseNumberAt } from "./parse-number.js";
import { readScale, readUnit } from "./read-unit.js";

/** One end of a figure: a number with its scale and unit. */
export interface Piece {
  start: number;
  numStart: number;
  end: number;
  /** Scale and subunit applied, sign not. */
  value: number;
  raw: number;
  factor: number;
  scaled: boolean;
  kind: FigureKind | null;
  currency: string | null;
  unit: string | null;
  divisor: number;
  needsCurrency: boolean;
  words: boolean;
  formatted: boolean;
  intDigits: number;
}

/** Exact decimal scaling: 4.1 * 1e9 is 4099999999.9999995, "4.1e9" is 4100000000. */
export function scaleBy(value: number, factor: number, divisor = 1): number {
  // Most numbers have neither: no logarithms for them.
  if (factor === 1 && divisor === 1) return value;
  const exp = Math.round(Math.log10(factor)) - Math.round(Math.log10(divisor));
  return exp === 0 ? value : Number(`${value}e${exp}`);
}

const LETTER = /[\p{L}\p{N}]/u;
export const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 95 ||
  (c > 127 && LETTER.test(String.fromCharCode(c)));

/** Reads a number at `numStart` and what follows it. `currency`: from a prefix, if any. */
export function readPiece(
  text: string,
  start: number,
  numStart: number,
  currency: string | null,
): Piece | null {
  const n = parseNumberAt(text, numStart);
  if (n === null) return null;
  const scale = readScale(text, n.end, currency !== null);
  const factor = scale?.factor ?? 1;
  let end = scale?.end ?? n.end;
  // Object literals with every field, not spreads: this runs for every number of the text.
  const piece = (
    value: number,
    kind: FigureKind | null,
    cur: string | null,
    unitName: string | null,
    divisor: number,
    needsCurrency: boolean,
    pieceEnd: number,
  ): Piece => ({
    start,
    numStart,
    end: pieceEnd,
    value,
    raw: n.value,
    factor,
    scaled: scale !== null,
    kind,
    currency: cur,
    unit: unitName,
    divisor,
    needsCurrency,
    words: n.words,
    formatted: n.formatted,
    intDigits: n.intDigits,
  });
  if (currency !== null) {
    return piece(scaleBy(n.value, factor), "money", currency, null, 1, false, end);
  }
  // Fast path: a unit starts with a letter, "%", "-" or a symbol, at most one space away.
  let j = end;
  let c = text.charCodeAt(j);
  if (c === 32 || c === 9 || c === 10) c = text.charCodeAt(++j);
  if (!(c > 127 || c === 37 || c === 45 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
    return piece(scaleBy(n.value, factor), null, null, null, 1, false, end);
  }
  // A number glued to letters that are no unit ("5G", "3D", "1st") is no figure.
  const unit = readUnit(text, end, scaleBy(n.value, factor), scale !== null, n.words);
  if (unit === null) {
    if (
      !n.words &&
      scale === null &&
      isWordChar(text.charCodeAt(end)) &&
      !isDigitCode(text.charCodeAt(end))
    )
      return null;
    return piece(scaleBy(n.value, factor), null, null, null, 1, false, end);
  }
  end = unit.end;
  return piece(
    scaleBy(n.value, factor, unit.divisor),
    unit.kind,
    unit.currency,
    unit.unit,
    unit.divisor,
    unit.needsCurrency,
    end,
  );
}

/** A plain four-digit number from 1800 to 2199 with no scale: a year, not a figure. */
export const yearLike = (p: Piece): boolean =>
  !p.formatted && !p.scaled && p.intDigits === 4 && p.raw >= 1800 && p.raw <= 2199;
