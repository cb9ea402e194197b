import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodePage, normaliseCharset } from "../../../src/parse/charset.js";

describe("decodePage", () => {
  it("decodes UTF-8 as iconv-lite does, broken sequences included", () => {
    const text = Buffer.from("Net profit rose to \u20ac4.1 mln at M\u00fcller Werke \u2013 ");
    const cases = [
      text,
      Buffer.concat([text, Buffer.from([0xe2, 0x82])]), // cut in the middle of a character
      Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]), text]),
      Buffer.concat([text, Buffer.from([0xed, 0xa0, 0x80, 0xff, 0xfe]), text]),
    ];
    for (const bytes of cases) {
      for (const contentType of [null, "text/plain; charset=utf-8", "text/html; charset=UTF8"])
        expect(decodePage(bytes, contentType).text).toBe(iconv.decode(bytes, "utf-8"));
    }
  });

  it("decodes a legacy charset named by the header, the meta tag or a byte-order mark", () => {
    const text = "Profit rose to \u20ac312 million, \u201csolid\u201d, said M\u00fcller.";
    const cp1252 = iconv.encode(text, "windows-1252");
    expect(decodePage(cp1252, "text/plain; charset=windows-1252")).toEqual({
      text,
      charset: "windows-1252",
      source: "header",
    });
    const page = Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), cp1252]);
    expect(decodePage(page, "text/html").text).toBe(`<meta charset="iso-8859-1">${text}`);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
    expect(decodePage(utf16, null)).toEqual({ text, charset: "utf-16le", source: "bom" });
  });

  it("keeps the label it was given for UTF-8 and refuses an unknown one", () => {
    expect(normaliseCharset("UTF8")).toBe("utf8");
    expect(normaliseCharset("utf-8")).toBe("utf-8");
    expect(normaliseCharset("latin1")).toBe("windows-1252");
    expect(normaliseCharset("x-no-such-charset")).toBeNull();
  });
});
