/**
 * The recognizer alone on the shared dev articles: figures found (span overlap, same kind)
 * and values right (amount, currency for money, unit for percent), as the scorer counts
 * them. A guard against regressions; the full pipeline is scored by `npm run eval`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findFigures } from "../../../../src/extract/figures/index.js";
import { HAS_SHARED, SHARED_SKIP_REASON, sharedPath } from "../../../helpers/shared.js";

interface GoldFigure {
  text: string;
  occurrence?: number;
  kind: string;
  amount: number;
  currency?: string | null;
  unit?: string | null;
}

const DEV = HAS_SHARED ? sharedPath("eval", "dev") : "";

describe.skipIf(!HAS_SHARED || !existsSync(DEV))(
  `figures on the dev set (${HAS_SHARED ? "" : SHARED_SKIP_REASON})`,
  () => {
    it("finds >= 98% of the gold figures with >= 97% of the values right", () => {
      let gold = 0;
      let predicted = 0;
      let found = 0;
      let right = 0;
      for (const file of readdirSync(DEV).filter((f) => f.endsWith(".gold.json"))) {
        const g = JSON.parse(readFileSync(`${DEV}/${file}`, "utf8")) as {
          file?: string;
          metrics: GoldFigure[];
        };
        const body = readFileSync(
          `${DEV}/${g.file ?? file.replace(".gold.json", ".txt")}`,
          "utf8",
        ).replace(/^\uFEFF/, "");
        const figures = findFigures(body);
        for (const f of figures) expect(body.slice(f.start, f.end)).toBe(f.text);
        predicted += figures.length;
        gold += g.metrics.length;
        const used = new Set<number>();
        for (const x of g.metrics) {
          let at = -1;
          for (let k = 0; k < (x.occurrence ?? 1); k++) at = body.indexOf(x.text, at + 1);
          const end = at + x.text.length;
          const i = figures.findIndex(
            (f, j) => !used.has(j) && f.kind === x.kind && f.start < end && at < f.end,
          );
          if (i < 0) continue;
          used.add(i);
          found++;
          const f = figures[i];
          const same =
            f !== undefined &&
            Math.abs(f.amount - x.amount) <= 1e-9 * Math.max(1, Math.abs(x.amount));
          const currencyOk = x.kind !== "money" || f?.currency === x.currency;
          const unitOk = x.kind !== "percent" || f?.unit === (x.unit ?? "percent");
          if (same && currencyOk && unitOk) right++;
        }
      }
      const f1 = (tp: number): number => (2 * tp) / (predicted + gold);
      expect(f1(found)).toBeGreaterThanOrEqual(0.98);
      expect(f1(right)).toBeGreaterThanOrEqual(0.97);
    });
  },
);
