/**
 * Expected strings as a browser's XML view or a reformatting paste leaves them: put on lines of their own
 * (`<StringToSign>\nAWS4-HMAC-SHA256 …\n</StringToSign>`) and with their line breaks shown as spaces. A string to
 * sign and a canonical request never start or end with whitespace, and their lines are fixed by the spec, so both
 * can be restored safely; every restoration is named.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */

import { pasteOffset, sliceLocated, trimLocated, type Located } from './located';

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

/** The value without the units at the positions in `drop`, each kept unit still mapped onto the paste. */
function dropUnits(value: Located, drop: ReadonlySet<number>): Located {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < value.text.length; i++) {
    if (drop.has(i)) continue;
    text += value.text[i];
    offsets.push(pasteOffset(value, i));
  }
  offsets.push(pasteOffset(value, value.text.length));
  return { text, base: 0, offsets };
}

/** Where each line of `text` starts. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** The indentation every line shares (a log or a quote indented the block); no spec line starts with a blank. */
function commonIndent(value: Located): Set<number> | undefined {
  const starts = lineStarts(value.text);
  const indents = starts
    .map((s) => /^[ \t]*/.exec(value.text.slice(s))![0])
    .filter((_, k) => value.text.slice(starts[k]).split('\n', 1)[0]!.trim() !== '');
  const shortest = Math.min(...indents.map((i) => i.length));
  if (!(shortest > 0) || !indents.every((i) => i.startsWith(indents[0]!.slice(0, shortest))))
    return undefined;
  const drop = new Set<number>();
  for (const s of starts) {
    for (let k = 0; k < shortest && /[ \t]/.test(value.text[s + k] ?? ''); k++) drop.add(s + k);
  }
  return drop;
}

const HEX = /^[0-9a-f]+$/;
/** A payload hash line: 64 hex digits, or a named payload such as UNSIGNED-PAYLOAD. */
const HEX_OR_TOKEN = /^(?:[0-9a-f]{64}|[A-Z0-9-]+)$/;

/**
 * Line breaks a hard wrap put inside a line: in a 64-digit hash split over two lines (the last line of both
 * artefacts), and inside a canonical header (a header line must hold a colon; one without continues the last).
 */
function wrapBreaks(text: string, what: 'canonical-request' | 'string-to-sign'): Set<number> {
  const lines = text.split('\n');
  const starts = lineStarts(text);
  const drop = new Set<number>();
  const n = lines.length;
  const a = lines[n - 2] ?? '';
  const b = lines[n - 1] ?? '';
  const expectedLines = what === 'string-to-sign' ? 5 : undefined;
  if (
    (expectedLines === undefined || n === expectedLines) &&
    HEX.test(a) &&
    HEX.test(b) &&
    a.length + b.length === 64
  ) {
    drop.add(starts[n - 1]! - 1);
  }
  // Only in a whole canonical request: in one cut off, the last line is partial, not wrapped.
  const blank = lines.indexOf('', 3);
  if (what === 'canonical-request' && blank > 0) {
    for (let k = 4; k < blank; k++) {
      if (!lines[k]!.includes(':') && lines[k - 1]!.includes(':')) drop.add(starts[k]! - 1);
    }
  }
  return drop;
}

/** The value with a line break put in before each position in `at` (each mapped where the next unit is). */
function insertBreaks(value: Located, at: readonly number[]): Located {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i <= value.text.length; i++) {
    if (at.includes(i)) {
      text += '\n';
      offsets.push(pasteOffset(value, i));
    }
    if (i < value.text.length) {
      text += value.text[i];
      offsets.push(pasteOffset(value, i));
    }
  }
  offsets.push(pasteOffset(value, value.text.length));
  return { text, base: 0, offsets };
}

/**
 * Empty lines a paste lost from a canonical request: the empty query line (the third line is then the first
 * header, which the signed-headers list names first) and the blank line before the signed headers (the line
 * before them is then a header).
 */
function lostLines(text: string): number[] {
  const lines = text.split('\n');
  const n = lines.length;
  if (n < 5) return [];
  const starts = lineStarts(text);
  const signed = lines[n - 2]!;
  if (!SIGNED_HEADERS.test(signed) || !HEX_OR_TOKEN.test(lines[n - 1]!)) return [];
  const first = signed.split(';')[0]!;
  const out: number[] = [];
  if (lines[2]!.startsWith(`${first}:`) && !lines[2]!.includes('=')) out.push(starts[2]!);
  if (!lines.slice(3, n - 2).includes('') && lines[n - 3]!.includes(':')) out.push(starts[n - 2]!);
  return out;
}

/** Reads an expected canonical request or string to sign, undoing what a browser or a paste did to it. */
export function restoreExpected(raw: Located, what: 'canonical-request' | 'string-to-sign'): Restored {
  const normalized: string[] = [];
  let value = raw;
  // Blank lines around it first, so that the first line keeps its indentation until the shared one is known.
  const lead = /^(?:[ \t]*\r?\n)*/.exec(raw.text)![0].length;
  const tail = /(?:\r?\n[ \t]*)*$/.exec(raw.text.slice(lead))![0].length;
  value = sliceLocated(raw, lead, raw.text.length - tail);
  const indent = commonIndent(value);
  if (indent) {
    value = dropUnits(value, indent);
    normalized.push('The indentation every line shared was left out.');
  }
  const trimmed = trimLocated(value);
  if (trimmed.text !== '' && (trimmed.text.length !== value.text.length || lead + tail > 0)) {
    value = trimmed;
    normalized.push('Line breaks and spaces around the value (as a browser shows XML) were left out.');
  }
  const wrapped = wrapBreaks(value.text, what);
  if (wrapped.size > 0) {
    value = dropUnits(value, wrapped);
    normalized.push('Lines broken by a hard wrap (a split hash, a header line without a colon) were joined.');
  }
  const lost = what === 'canonical-request' ? lostLines(value.text) : [];
  if (lost.length > 0) {
    value = insertBreaks(value, lost);
    normalized.push(
      'Empty lines the paste lost (the query line, the line before the signed headers) were put back.',
    );
  }
  const restored = what === 'string-to-sign' ? restoreStringToSign(value) : restoreCanonicalRequest(value);
  if (restored) {
    value = restored;
    normalized.push('Its line breaks, shown as spaces, were restored from its shape.');
  }
  return { value: value === raw ? sliceLocated(raw, 0, raw.text.length) : value, normalized };
}
