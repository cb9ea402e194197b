import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, html, queryString } from "../../../src/serve/html.js";

describe("html template", () => {
  it("escapes every interpolated string, in text and in attributes", () => {
    const name = `<script>alert("x")</script>' onmouseover='x`;
    expect(html`<td title="${name}">${name}</td>`.value).toBe(
      `<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x</td>`,
    );
  });

  it("keeps markup it built itself, joins lists and drops null, undefined and false", () => {
    const items = ["a<b", "c&d"].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}</ul>`.value).toBe(
      "<ul><li>a&lt;b</li><li>c&amp;d</li></ul>",
    );
    expect(html`${0} ${true}`.value).toBe("0 true");
  });

  it("never lets a markup character of outside text through", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const out = html`<p>${text}</p>`.value.slice(3, -4);
        expect(out).not.toMatch(/[<>"'`]/);
        // Escaping is reversible: nothing is lost, nothing added.
        const back = out.replace(
          /&(lt|gt|quot|#39|#96|amp);/g,
          (_m, e: string) =>
            ({ lt: "<", gt: ">", quot: '"', "#39": "'", "#96": "`", amp: "&" })[e] as string,
        );
        expect(back).toBe(text);
      }),
    );
  });

  it("builds query strings from the defined values only", () => {
    expect(queryString({ entity: "Dell & Co", metric: undefined, limit: 50, period: "" })).toBe(
      "?entity=Dell+%26+Co&limit=50",
    );
    expect(queryString({})).toBe("");
    expect(escapeHtml("a&b")).toBe("a&amp;b");
  });
});
