import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/parse/index.js";

const prose =
  "<p>Harbor Lights Corp said quarterly revenue rose as shipments to grocers grew, and it kept its outlook for the year unchanged, citing steady demand from its largest customers.</p>";

describe("tables in pages", () => {
  it("keeps a results table as one row a line, cells in reading order", () => {
    const html = `<html><body><article>${prose}<table>
      <tr><th>(in millions)</th><th>Q2 2026</th><th>Q2 2025</th></tr>
      <tr><td>Revenue</td><td>$ 588.4</td><td>$ 555.1</td></tr>
      <tr><td>Net income (loss)</td><td>(3.2)</td><td>28.9</td></tr>
    </table>${prose}</article></body></html>`;
    const body = parseArticle(html).body;
    expect(body).toContain("(in millions) Q2 2026 Q2 2025\n");
    expect(body).toContain("\nRevenue $ 588.4 $ 555.1\n");
    expect(body).toContain("\nNet income (loss) (3.2) 28.9\n");
  });

  it("leaves a table of links or words to the paragraph rules", () => {
    const html = `<html><body><article>${prose}<table><tr><td>Buyer</td><td>Harbor Lights</td></tr></table>${prose}</article></body></html>`;
    expect(parseArticle(html).body).not.toContain("Buyer Harbor Lights");
  });

  it("reads the fixture release's table with the text-table reader", () => {
    const html = readFileSync(
      new URL("../../../fixtures/page-results-table.html", import.meta.url),
      "utf8",
    );
    expect(parseArticle(html).body).toContain("\nDiluted EPS $ (0.07) $ 0.61\n");
  });
});
