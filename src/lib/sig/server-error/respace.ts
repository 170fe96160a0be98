/**
 * Expected strings as a browser's XML view or a reformatting paste leaves them: put on lines of their own
 * (`<StringToSign>\nAWS4-HMAC-SHA256 …\n</StringToSign>`) and with their line breaks shown as spaces. A string to
 * sign and a canonical request never start or end with whitespace, and their lines are fixed by the spec, so both
 * can be restored safely; every restoration is named.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */

import { sliceLocated, trimLocated, type Located } from './located';

/** A value as read, and the names of what was undone to read it. */
export interface Restored {
  value: Located;
  normalized: string[];
}

const STS_ON_ONE_LINE = /^(AWS4-[A-Z0-9-]+) (\d{8}T\d{6}Z) (\S+\/aws4_request) ([0-9a-f]{64})$/;
const SIGNED_HEADERS = /^[a-z0-9!#$%&'*+.^_`|~-]+(?:;[a-z0-9!#$%&'*+.^_`|~-]+)*$/;

/** Replaces the units at `at` with line breaks (same length, so every position still maps). */
function breakAt(value: Located, at: readonly number[]): Located {
  const units = value.text.split('');
  for (const i of at) units[i] = '\n';
  return { ...value, text: units.join('') };
}

/** A SigV4 string to sign with its line breaks turned into single spaces, restored. */
function restoreStringToSign(value: Located): Located | undefined {
  const m = STS_ON_ONE_LINE.exec(value.text);
  if (!m) return undefined;
  const a = m[1]!.length;
  const b = a + 1 + m[2]!.length;
  const c = b + 1 + m[3]!.length;
  return breakAt(value, [a, b, c]);
}

/**
 * A canonical request on one line: method, path, query (empty shows as two spaces), the headers (their names are
 * known from the signed-headers list, which comes second last), the signed headers and the payload hash.
 */
function restoreCanonicalRequest(value: Located): Located | undefined {
  const t = value.text;
  if (t.includes('\n')) return undefined;
  const last = t.lastIndexOf(' ');
  const signedStart = t.lastIndexOf(' ', last - 1) + 1;
  if (last < 0 || signedStart <= 0) return undefined;
  const signed = t.slice(signedStart, last);
  if (!SIGNED_HEADERS.test(signed) || t[signedStart - 2] !== ' ') return undefined;
  const method = t.indexOf(' ');
  const path = t.indexOf(' ', method + 1);
  if (method <= 0 || t[method + 1] !== '/' || path < 0) return undefined;
  const query = t.indexOf(' ', path + 1);
  if (query < 0) return undefined;
  const breaks = [method, path, query];
  let at = query + 1;
  const names = signed.split(';');
  for (let k = 0; k < names.length; k++) {
    if (!t.startsWith(`${names[k]}:`, at)) return undefined;
    const next = k + 1 < names.length ? t.indexOf(` ${names[k + 1]}:`, at) : signedStart - 2;
    if (next < at) return undefined;
    breaks.push(next);
    at = next + 1;
  }
  if (at !== signedStart - 1) return undefined;
  breaks.push(signedStart - 1, last);
  return breakAt(value, breaks);
}

/** Reads an expected canonical request or string to sign, undoing what a browser or a paste did to it. */
export function restoreExpected(raw: Located, what: 'canonical-request' | 'string-to-sign'): Restored {
  const normalized: string[] = [];
  let value = raw;
  const trimmed = trimLocated(raw);
  if (trimmed.text.length !== raw.text.length && trimmed.text !== '') {
    value = trimmed;
    normalized.push('Line breaks and spaces around the value (as a browser shows XML) were left out.');
  }
  const restored = what === 'string-to-sign' ? restoreStringToSign(value) : restoreCanonicalRequest(value);
  if (restored) {
    value = restored;
    normalized.push('Its line breaks, shown as spaces, were restored from its shape.');
  }
  return { value: value === raw ? sliceLocated(raw, 0, raw.text.length) : value, normalized };
}
