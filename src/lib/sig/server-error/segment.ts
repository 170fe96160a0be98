/**
 * Splits a paste into the replies it holds. Each reply ends where its own shape ends (the root element's end tag,
 * the JSON object's closing brace, the SDK line's trailer or the expected strings its message quotes), never at
 * the next blank line: a quoted canonical request holds one. Lines that start no reply are skipped and counted.
 */

import type { Problem, Span } from '../types';
import { readBotocoreBody, readHttpEnvelope } from './envelope';
import { textMessageEnd } from './expected-strings';
import { jsonValueEnd } from './json';
import { located, sliceLocated, type Located } from './located';
import { readSdkLine } from './sdk-line';
import type { ServerErrorEnvelope } from './types';
import { nextDocument, scanXml, type XmlScan } from './xml';

/** A body inside a reply: its kind and where it sits in `source` (the paste, or a decoded bytes repr). */
export interface BodyExtent {
  source: Located;
  kind: 'xml' | 'json' | 'text' | 'empty';
  start: number;
  end: number;
  xml?: XmlScan;
}

/** One reply found in the paste. */
export interface Segment {
  envelope: ServerErrorEnvelope;
  span: Span;
  status?: number;
  headerCode?: string;
  body?: BodyExtent;
  sdk?: { code?: string; message: Located };
  problems: Problem[];
}

/** Messages that are error replies on their own, pasted without a body around them. */
const BARE_MESSAGE =
  /(?:The request signature we calculated does not match|Signature expired:|Signature not yet current:|Credential should be scoped|Request has expired|Request is not yet valid|The authorization header is malformed|Error parsing the X-Amz-Credential|The difference between the request time|The Canonical String for this request|The String-to-Sign should have been)/y;

function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** Reads the body that starts at or after `from` in `source`; an XML body is read no further than `stop`. */
function bodyAt(source: Located, from: number, stop?: (start: number) => number): BodyExtent {
  const text = source.text;
  let start = from;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  if (start >= text.length || readHttpEnvelope(text, start))
    return { source, kind: 'empty', start, end: start };
  if (text[start] === '<') {
    const xml = scanXml(text, start, stop ? stop(start) : undefined);
    return { source, kind: 'xml', start, end: xml.end, xml };
  }
  if (text[start] === '{') return { source, kind: 'json', start, end: jsonValueEnd(text, start).end };
  return { source, kind: 'text', start, end: textMessageEnd(text, start, lineEndAt(text, start)) };
}

/**
 * Reads the reply that starts on the line at `at`, or `undefined` when that line starts none. `stop` says where
 * the next XML document or HTTP response after a position starts.
 */
function replyAt(text: string, at: number, stop: (start: number) => number): Segment | undefined {
  const lineEnd = lineEndAt(text, at);
  const paste = located(text);
  const http = readHttpEnvelope(text, at);
  if (http) {
    const body = bodyAt(paste, http.bodyStart, stop);
    let end = body.kind === 'empty' ? Math.min(http.bodyStart, text.length) : body.end;
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
  if (text[at] === '<' || text[at] === '{') {
    const body = bodyAt(paste, at, stop);
    return { envelope: 'bare', span: { start: at, end: body.end }, body, problems: [] };
  }
  const sdk = readSdkLine(text, at, lineEnd);
  if (sdk) {
    const message = sliceLocated(paste, sdk.message.start, sdk.message.end);
    const code = sdk.code ? { code: sdk.code } : {};
    const status = sdk.status !== undefined ? { status: sdk.status } : {};
    return { envelope: 'sdk-line', span: sdk.span, ...status, sdk: { ...code, message }, problems: [] };
  }
  BARE_MESSAGE.lastIndex = at;
  if (BARE_MESSAGE.test(text)) {
    const body = bodyAt(paste, at);
    return { envelope: 'bare', span: { start: at, end: body.end }, body, problems: [] };
  }
  return undefined;
}

/** Finds every reply in the paste, in order, and the lines that belong to none. */
export function splitReplies(text: string): { segments: Segment[]; skipped: Span[] } {
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
    } else {
      const end = lineEndAt(text, at);
      skipped.push({ start: at, end });
      at = end + 1;
    }
  }
  return { segments, skipped };
}
