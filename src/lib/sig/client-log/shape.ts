/**
 * Where a printed canonical request or string to sign ends, judged from its shape alone. Logs wrap these artefacts
 * in quotes, brackets or nothing at all, and a canonical request holds a blank line, so "up to the next blank
 * line" is wrong; the structure says exactly where the last line is.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 */

/** A token as RFC 9110 allows for a method name. */
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const SIGNED_HEADERS = /^[!#$%&'*+.^_`|~0-9a-z-]+(?:;[!#$%&'*+.^_`|~0-9a-z-]+)*$/;

/** The end of the line starting at `at`, before any `\r\n` or `\n`. */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  const end = nl < 0 ? text.length : nl;
  return end > at && text[end - 1] === '\r' ? end - 1 : end;
}

/** The start of the line after the one starting at `at`, or `undefined` on the last line. */
function nextLine(text: string, at: number): number | undefined {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? undefined : nl + 1;
}

/**
 * Where the canonical request that starts at `start` ends: method, path (starting `/`), query, header lines
 * (`name:value`), a blank line, signed headers, and the payload hash line. Returns the end of that last line
 * (which may also hold a closing quote or bracket), or `undefined` when the text there does not have this shape.
 */
export function canonicalRequestEnd(text: string, start: number): number | undefined {
  if (!METHOD.test(text.slice(start, lineEnd(text, start)))) return undefined;
  const path = nextLine(text, start);
  if (path === undefined || text[path] !== '/') return undefined;
  const query = nextLine(text, path);
  let at = query === undefined ? undefined : nextLine(text, query);
  // header lines run until the blank line that ends them
  while (at !== undefined) {
    const line = text.slice(at, lineEnd(text, at));
    if (line === '') break;
    if (!line.includes(':')) return undefined;
    at = nextLine(text, at);
  }
  const signed = at === undefined ? undefined : nextLine(text, at);
  if (signed === undefined || !SIGNED_HEADERS.test(text.slice(signed, lineEnd(text, signed))))
    return undefined;
  const payload = nextLine(text, signed);
  if (payload === undefined || lineEnd(text, payload) === payload) return undefined;
  return lineEnd(text, payload);
}

const STRING_TO_SIGN =
  /[A-Z0-9]+4-[A-Z0-9-]+\r?\n\d{8}T\d{6}Z\r?\n[^\s/]+(?:\/[^\s/]+){2,3}\r?\n[0-9a-f]{64}(?![0-9a-f])/y;

/**
 * Where the SigV4 (or SigV4a) string to sign that starts at `start` ends: algorithm, time, scope and a 64-digit
 * hash, nothing else. Returns the position just after the hash, or `undefined`.
 */
export function stringToSignEnd(text: string, start: number): number | undefined {
  STRING_TO_SIGN.lastIndex = start;
  const m = STRING_TO_SIGN.exec(text);
  return m ? start + m[0].length : undefined;
}

/** A date line of an S3 SigV2 string to sign: an HTTP date, an `Expires` time in seconds, or empty. */
const SIGV2_DATE =
  /^(?:|\d{9,11}|[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d (?:GMT|[+-]\d{4}))$/;
const AMZ_HEADER = /^x-amz-[a-z0-9-]+:/;
const BASE64_MD5 = /^(?:|[A-Za-z0-9+/]{22}==)$/;

/**
 * Where the SigV2 string to sign that starts at `start` ends: S3's `Method\nContent-MD5\nContent-Type\nDate\n`
 * then `x-amz-*` header lines and the resource (`/bucket/key?acl`), or the Query APIs' `Method\nhost\n/path\nquery`.
 * Returns the end of the last line, or `undefined` when the text there has neither shape.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
 */
export function sigv2StringToSignEnd(text: string, start: number): number | undefined {
  const lines: { start: number; end: number }[] = [];
  let at: number | undefined = start;
  while (at !== undefined && lines.length < 64) {
    lines.push({ start: at, end: lineEnd(text, at) });
    at = nextLine(text, at);
  }
  const line = (k: number) => (lines[k] ? text.slice(lines[k]!.start, lines[k]!.end) : undefined);
  if (!/^[A-Z]{3,7}$/.test(line(0) ?? '')) return undefined;
  // Query APIs: host, path, sorted query.
  if (/^[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?$/i.test(line(1) ?? '') && line(2)?.startsWith('/')) {
    const query = line(3);
    return query !== undefined && /^[^\s=&]+=[^\s]*$/.test(query) ? lines[3]!.end : undefined;
  }
  if (!BASE64_MD5.test(line(1) ?? '-') || line(2) === undefined || !SIGV2_DATE.test(line(3) ?? '-')) {
    return undefined;
  }
  for (let k = 4; k < lines.length; k++) {
    const l = line(k)!;
    if (l.startsWith('/')) return lines[k]!.end;
    if (!AMZ_HEADER.test(l)) return undefined;
  }
  return undefined;
}
