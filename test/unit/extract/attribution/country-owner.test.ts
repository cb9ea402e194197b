import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../../src/extract/index.js";

function ownerOf(body: string, text: string): string | null {
  const { result } = extractArticle({ source: "t.txt", body, title: body.split("\n")[0] ?? null });
  const m = result.metrics.find((r) => r.text === text);
  if (!m) throw new Error(`no figure ${text}`);
  return m.entity?.name ?? null;
}

describe("countries as owners of macro figures", () => {
  it("a currency named after a country does not make that country the economy", () => {
    const body =
      "Valdoria's prices climb again\nAnnual consumer price inflation rose to 3.9% in October. The currency gained 0.7% against the U.S. dollar.";
    expect(ownerOf(body, "3.9%")).not.toBe("United States");
  });
  it("a country named as the economy still owns its statistics", () => {
    const body =
      "US prices climb again\nInflation in the United States rose to 3.9% in October, the Labor Department said.";
    expect(ownerOf(body, "3.9%")).toBe("United States");
  });
});

describe("metric words that open a sentence", () => {
  it("are not entities ('Unemployment is projected to peak')", async () => {
    const { findEntities } = await import("../../../../src/extract/entities/index.js");
    const text =
      "Bank holds rates\nPolicymakers expect inflation to ease. Unemployment is projected to peak at 5.0%.";
    expect(findEntities(text, "Bank holds rates").entities.map((e) => e.name)).not.toContain(
      "Unemployment",
    );
  });
});
