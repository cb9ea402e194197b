/**
 * Secrets out of URLs before anything prints or logs them: the password of `user:pass@`
 * (whatever it contains, `/`, `#` and `?` included) and the values of password-like query
 * parameters (`?password=`, `?token=`, `?api_key=` …). Errors redact their messages and
 * the logger its URL fields, so a caller cannot forget. Pure.
 */

const MASK = "***";

/** Query parameters whose values are secrets (matched on the whole name, any case). */
const SECRET_PARAM =
  /^(?:pass(?:word|wd)?|pwd|sslpassword|secret|client_secret|token|access_token|refresh_token|id_token|auth|authorization|api[-_]?key|apikey|key|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|session(?:id)?|sid)$/i;

const PARAM = /([?&;])([^=&#;?]+)=([^&#;]*)/g;

/** Values of secret-looking query parameters masked. */
function redactQuery(text: string): string {
  return text.replace(PARAM, (whole, sep: string, name: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // A malformed escape: judge the name as written.
    }
    return SECRET_PARAM.test(decoded.trim()) ? `${sep}${name}=${MASK}` : whole;
  });
}

/**
 * @example
 * redactUrl("postgres://app:s3/cr#t?x@db:5432/news?password=x&schema=a");
 * // "postgres://app:***@db:5432/news?password=***&schema=a"
 */
export function redactUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([\s\S]*)$/i.exec(url);
  if (!m) return redactQuery(url);
  const scheme = m[1] as string;
  let rest = m[2] as string;
  // The user info ends at the last "@": a password may hold "/", "#", "?" or "@" unescaped.
  const at = rest.lastIndexOf("@");
  if (at >= 0) {
    const info = rest.slice(0, at);
    const colon = info.indexOf(":");
    const user = colon >= 0 ? info.slice(0, colon) : info;
    // A user name holds no "/", "?" or "#": if it does, the "@" is in a path or query.
    if (colon >= 0 && !/[/?#]/.test(user)) rest = `${user}:${MASK}@${rest.slice(at + 1)}`;
  }
  return `${scheme}${redactQuery(rest)}`;
}

/** Every URL inside a free text (an error message, a log line) redacted. */
export function redactText(text: string): string {
  // Only whole URLs are rewritten below, so a text without "://" has nothing to redact.
  if (!text.includes("://")) return text;
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi, (u) => redactUrl(u));
}
