/**
 * Dates found in pages -> ISO 8601 with an offset, as the model requires. A value that
 * is already ISO with an offset is kept as written (the publisher's own offset is data);
 * a value with a zone in another form is converted to UTC; a date or time without any
 * zone is read as UTC, which can be off by the publisher's offset (known limitation).
 */
const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?$/;

export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const iso = ISO_WITH_OFFSET.exec(v);
  if (iso) {
    const [, day, hm, sec, zone] = iso;
    let z = (zone ?? "Z").toUpperCase();
    if (z !== "Z" && !z.includes(":")) z = `${z.slice(0, 3)}:${z.slice(3)}`;
    const out = `${day}T${hm}${sec ?? ":00"}${z}`;
    return Number.isNaN(Date.parse(out)) ? null : out;
  }
  const local = ISO_LOCAL.exec(v);
  if (local) {
    const [, day, hm, sec] = local;
    const out = `${day}T${hm ?? "00:00"}${sec ?? ":00"}Z`;
    return Number.isNaN(Date.parse(out)) ? null : out;
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(t).toISOString() : null;
}
