/**
 * Page bytes -> text. The charset comes from, in order of trust: a byte-order mark, the
 * HTTP Content-Type header, a `<meta charset>` / `<meta http-equiv>` in the first 4 KB
 * (the WHATWG prescan window, roughly), else UTF-8. Decoding goes through iconv-lite,
 * which follows the WHATWG tables: Node 20's own TextDecoder maps windows-1252 0x80
 * wrongly since 20.18.3, so it is never used for legacy encodings. UTF-8, nearly every page
 * and file, is decoded by Node itself (the same characters as iconv-lite's UTF-8, which wraps
 * Node's decoder), so iconv-lite is loaded only for a page in another charset: a text
 * article's `extract` stays free of it. Pure: no I/O.
 */
import { createRequire } from "node:module";
import type Iconv from "iconv-lite";

let iconvLib: typeof Iconv | null = null;

/** iconv-lite, loaded on the first page in a charset other than UTF-8 (a CommonJS package). */
function iconv(): typeof Iconv {
  iconvLib ??= createRequire(import.meta.url)("iconv-lite") as typeof Iconv;
  return iconvLib;
}

const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8"]);

function decodeAs(buf: Buffer, charset: string): string {
  return UTF8_LABELS.has(charset) ? buf.toString("utf8") : iconv().decode(buf, charset);
}

const PRESCAN_BYTES = 4096;

/** WHATWG labels that iconv-lite spells differently or that must be widened. */
const LABEL_ALIASES: Record<string, string> = {
  // WHATWG: these labels all mean windows-1252 (a superset of Latin-1).
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "x-sjis": "shift_jis",
  sjis: "shift_jis",
  ms_kanji: "shift_jis",
  "windows-31j": "shift_jis",
  "x-gbk": "gbk",
  gb2312: "gbk",
  // A page that says utf-16 in a meta tag is not utf-16 (the tag itself was readable as ASCII).
  "utf-16": "utf-8",
  "utf-16le": "utf-8",
  "utf-16be": "utf-8",
};

export type CharsetSource = "bom" | "header" | "meta" | "default";

export interface DecodedPage {
  text: string;
  charset: string;
  source: CharsetSource;
}

/** The charset named by a Content-Type value, normalised, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m?.[1] ? normaliseCharset(m[1]) : null;
}

/** A supported, canonical charset name for a label, or null when iconv-lite has none. */
export function normaliseCharset(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (UTF8_LABELS.has(l)) return l;
  const name = LABEL_ALIASES[l] ?? l;
  return iconv().encodingExists(name) ? name : null;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { charset: "utf-8", length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  return null;
}

/** The charset declared by a `<meta>` in the first bytes of the page, or null. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString("latin1");
  const metaRe = /<meta\b[^>]*>/gi;
  for (let m = metaRe.exec(head); m !== null; m = metaRe.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag);
    if (direct?.[1]) {
      const cs = normaliseCharset(direct[1]);
      if (cs) return cs;
    }
  }
  return null;
}

/**
 * Decode page bytes. A BOM wins over everything; then the header's charset, then the
 * page's own `<meta>`; otherwise UTF-8.
 */
export function decodePage(bytes: Uint8Array, contentType?: string | null): DecodedPage {
  const buf = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomCharset(buf);
  if (bom)
    return {
      text: decodeAs(buf.subarray(bom.length), bom.charset),
      charset: bom.charset,
      source: "bom",
    };
  const fromHeader = charsetFromContentType(contentType);
  if (fromHeader) return { text: decodeAs(buf, fromHeader), charset: fromHeader, source: "header" };
  const fromMeta = charsetFromMeta(buf);
  if (fromMeta) return { text: decodeAs(buf, fromMeta), charset: fromMeta, source: "meta" };
  return { text: decodeAs(buf, "utf-8"), charset: "utf-8", source: "default" };
}
