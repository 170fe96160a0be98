/**
 * Splits a paste into the replies it holds. Each reply ends where its own shape ends (the root element's end tag,
 * the JSON object's closing brace, the SDK line's trailer or the expected strings its message quotes), never at
 * the next blank line: a quoted canonical request holds one. A reply may also start after a log prefix on its
 * line (`json: {`, `CONTEXT=…, jsonResult={…}`, Terraform's `* <?xml`). Lines that start no reply are skipped and
 * counted.
 */

import type { Problem, Span } from '../types';
import { startsAwsMessage } from './advice';
import { readBotocoreBody, readHttpEnvelope } from './envelope';
import { readErrorLine } from './error-line';
import { textMessageEnd } from './expected-strings';
import { jsonReplyEnd, unescapeJsonRun } from './json';
import { looksLikeLiteralObject, readLiteralObject, type LiteralObject } from './literal-object';
import { located, pasteOffset, sliceLocated, type Located } from './located';
import { sigv2StringToSignEnd } from '../client-log/shape';
import { readSdkLine } from './sdk-line';
import type { ServerErrorEnvelope } from './types';
import { nextDocument, scanXml, type XmlScan } from './xml';

/** A body inside a reply: its kind and where it sits in `source` (the paste, or a decoded bytes repr). */
export interface BodyExtent {
  source: Located;
  kind: 'xml' | 'json' | 'object' | 'text' | 'empty';
  start: number;
  end: number;
  xml?: XmlScan;
  /** A printed (Python or JavaScript) object, for `kind: 'object'`. */
  object?: LiteralObject;
}

/** One reply found in the paste. */
export interface Segment {
  envelope: ServerErrorEnvelope;
  span: Span;
  status?: number;
  headerCode?: string;
  body?: BodyExtent;
  sdk?: { code?: string; message: Located };
  /** The error object's members Node printed after an error line. */
  object?: LiteralObject;
  /** A bare SigV2 string to sign pasted as the reply (S3's `GET\n\n\nDate\n/resource`), decoded. */
  stringToSign?: Located;
  /** Where the paste ends inside this reply, and inside what, when it is cut off. */
  truncated?: { span: Span; what: string };
  problems: Problem[];
}

/** Whether a segment holds something worth keeping; replies found after a prefix must pass it. */
export type Accept = (segment: Segment) => boolean;

function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** Reads the body that starts at or after `from` in `source`; an XML body is read no further than `stop`. */
export function bodyAt(source: Located, from: number, stop?: (start: number) => number): BodyExtent {
  const text = source.text;
  let start = from;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  if (start >= text.length || readHttpEnvelope(text, start))
    return { source, kind: 'empty', start, end: start };
  const lineEnd = lineEndAt(text, start);
  if (
    (text[start] === '<' || text[start] === '{') &&
    /^(?:<[^\n]*<\\\/|\{\\")/.test(text.slice(start, lineEnd))
  ) {
    // Escaped as inside a JSON string (`<\/Message>`, `\n`, `{\"message\"`): read it unescaped.
    return bodyAt(unescapeJsonRun(source, start, lineEnd), 0);
  }
  if (text[start] === '<') {
    // Guzzle (aws-sdk-php) cuts a reply it quotes at 120 bytes and says so: the XML ends there.
    const guzzle = /\s?\(truncated\.\.\.\)/.exec(text.slice(start, start + 65_536));
    const limit = stop ? stop(start) : nextDocument(text, start);
    const xml = scanXml(text, start, guzzle ? Math.min(limit, start + guzzle.index) : limit);
    return { source, kind: 'xml', start, end: xml.end, xml };
  }
  if (text[start] === '{' && looksLikeLiteralObject(text, start)) {
    const object = readLiteralObject(text, start);
    return { source, kind: 'object', start, end: object.end, object };
  }
  if (text[start] === '{') return { source, kind: 'json', start, end: jsonReplyEnd(text, start) };
  return { source, kind: 'text', start, end: textMessageEnd(text, start, lineEnd) };
}

/**
 * Reads the reply that starts at `at`, or `undefined` when none starts there. `stop` says where the next XML
 * document or HTTP response after a position starts.
 */
function replyAt(text: string, at: number, stop: (start: number) => number): Segment | undefined {
  const lineEnd = lineEndAt(text, at);
  const paste = located(text);
  const http = readHttpEnvelope(text, at);
  if (http) {
    const body = bodyAt(paste, http.bodyStart, stop);
    let end =
      body.kind === 'empty' ? Math.min(http.bodyStart, text.length) : pasteOffset(body.source, body.end);
    while (end > at && /\s/.test(text[end - 1]!)) end--;
    const headerCode = http.headerCode ? { headerCode: http.headerCode } : {};
    const span = { start: at, end };
    return { envelope: 'http', span, status: http.status, ...headerCode, body, problems: [] };
  }
  const logged = readBotocoreBody(text, at, lineEnd);
  if (logged) {
    const body = bodyAt(logged.body, 0);
    return { envelope: 'botocore-bytes', span: logged.span, body, problems: logged.problems };
  }
  const error = readErrorLine(text, at);
  if (error) {
    const message = sliceLocated(paste, error.message.start, error.message.end);
    const code = error.code ? { code: error.code } : {};
    const segment: Segment = {
      envelope: error.object ? 'node-error' : 'sdk-line',
      span: error.span,
      ...(error.status !== undefined ? { status: error.status } : {}),
      sdk: { ...code, message },
      problems: error.object?.problems ?? [],
    };
    if (error.object) segment.object = error.object;
    const cut = error.unclosed ?? error.object?.cutAt;
    if (error.unclosed) segment.envelope = 'node-error';
    if (cut !== undefined) {
      const end = error.span.end;
      segment.truncated = { span: { start: Math.max(at, end - 1), end }, what: 'the error object' };
    }
    return segment;
  }
  if (text[at] === '<' || text[at] === '{') {
    const body = bodyAt(paste, at, stop);
    const envelope = body.kind === 'object' ? 'printed-object' : 'bare';
    return { envelope, span: { start: at, end: pasteOffset(body.source, body.end) }, body, problems: [] };
  }
  const sdk = readSdkLine(text, at, lineEnd);
  if (sdk) {
    const message = sliceLocated(paste, sdk.message.start, sdk.message.end);
    const code = sdk.code ? { code: sdk.code } : {};
    const status = sdk.status !== undefined ? { status: sdk.status } : {};
    return { envelope: 'sdk-line', span: sdk.span, ...status, sdk: { ...code, message }, problems: [] };
  }
  const v2 = bareSigV2(paste, at, lineEnd);
  if (v2) return { envelope: 'bare', span: v2.span, stringToSign: v2.value, problems: [] };
  if (startsAwsMessage(text, at)) {
    const body = bodyAt(paste, at);
    return { envelope: 'bare', span: { start: at, end: body.end }, body, problems: [] };
  }
  return undefined;
}

/**
 * A SigV2 string to sign on its own (what S3 or a Query API signs), as lines or on one line with `\n` escapes:
 * some users paste the server's `StringToSign` without its XML.
 */
function bareSigV2(paste: Located, at: number, lineEnd: number): { value: Located; span: Span } | undefined {
  const text = paste.text;
  const end = sigv2StringToSignEnd(text, at);
  if (end !== undefined) return { value: sliceLocated(paste, at, end), span: { start: at, end } };
  const line = text.slice(at, lineEnd).trimEnd();
  if (!/^[A-Z]{3,7}\\n/.test(line)) return undefined;
  const decoded = unescapeJsonRun(paste, at, at + line.length);
  const shaped = sigv2StringToSignEnd(decoded.text, 0);
  if (shaped !== decoded.text.length) return undefined;
  return { value: decoded, span: { start: at, end: at + line.length } };
}

/** Where a reply may start inside the line `[start, end)`: after a separator, a `{`, `<` or a capital letter. */
function embeddedStarts(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start + 1; i < end && out.length < 16; i++) {
    const c = text[i]!;
    if (!/[{<A-Z]/.test(c) || !/[\s=:|*,([>]/.test(text[i - 1]!)) continue;
    // `<?xml`, or a root tag with at most a namespace (not `<Response [403]>` or `<Buffer 3c …>`).
    if (
      c === '<' &&
      !/^<(?:\?xml|[A-Z]\w*(?:\s+xmlns(?::\w+)?=["'][^"']*["'])*\s*>)/.test(text.slice(i, i + 200))
    )
      continue;
    if (c === '{' && !/^\{\s*(?:["'$A-Za-z_]|$)/.test(text.slice(i, i + 16))) continue;
    if (/[A-Z]/.test(c) && !/^[A-Z][A-Za-z0-9]*: /.test(text.slice(i, i + 80)) && !startsAwsMessage(text, i))
      continue;
    out.push(i);
  }
  return out;
}

/** How far XML found after a prefix is read: S3's longest replies (both `*Bytes` lists) stay well under it. */
const EMBEDDED_XML_MAX = 65_536;

/** Finds every reply in the paste, in order, and the lines that belong to none. */
export function splitReplies(text: string, accept: Accept): { segments: Segment[]; skipped: Span[] } {
  const segments: Segment[] = [];
  const skipped: Span[] = [];
  let next: number | undefined;
  // Replies are read in order, so the next document start is found once per document, not once per reply.
  const stop = (start: number) =>
    (next = next === undefined || next < start ? nextDocument(text, start) : next);
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (at >= text.length) break;
    const segment = replyAt(text, at, stop);
    if (segment && segment.span.end > at) {
      segments.push(segment);
      at = segment.span.end;
      continue;
    }
    const end = lineEndAt(text, at);
    let inLine: Segment | undefined;
    for (const i of embeddedStarts(text, at, end)) {
      // After a prefix a reply is a guess: its XML is read no further than an error reply ever runs.
      const s = replyAt(text, i, (from) => Math.min(stop(from), i + EMBEDDED_XML_MAX));
      if (s && s.span.end > i && accept(s)) {
        inLine = s;
        break;
      }
    }
    if (inLine) {
      skipped.push({ start: at, end: inLine.span.start });
      segments.push(inLine);
      at = inLine.span.end;
    } else {
      skipped.push({ start: at, end });
      at = end + 1;
    }
  }
  return { segments, skipped };
}
