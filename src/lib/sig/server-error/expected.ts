/**
 * The canonical request and string to sign a reply says the server computed: from S3's elements (the `*Bytes`
 * form preferred, since it is exactly what was signed) or from the quoted strings in the message.
 */

import { problem, type Problem } from '../types';
import type { Field, ReplyBody } from './body';
import { decodeByteList } from './bytes';
import { findExpectedStrings } from './expected-strings';
import { pasteSpan, problemsToPaste } from './located';
import type { ExpectedText } from './types';

/** The expected values found in a reply, and the problems met reading them (spans in the paste). */
export interface Expected {
  canonicalRequest?: ExpectedText;
  stringToSign?: ExpectedText;
  problems: Problem[];
}

/** Reads `name` and `nameBytes`, preferring the bytes and warning when the two disagree. */
function fromElements(
  fields: Map<string, Field>,
  name: string,
  problems: Problem[],
): ExpectedText | undefined {
  const text = fields.get(name);
  const bytes = fields.get(`${name}Bytes`);
  const asText: ExpectedText | undefined =
    text && text.value.text !== '' ? { text: text.value.text, from: 'text', span: text.span } : undefined;
  if (!bytes) return asText;
  const decoded = decodeByteList(bytes.value.text, 0, bytes.value.text.length, asText?.text);
  const found = problemsToPaste(bytes.value, decoded.problems);
  // With the text to fall back on, a bad byte list only warns.
  for (const p of found) problems.push(asText ? { ...p, severity: 'warning' } : p);
  if (decoded.text === undefined || decoded.text === '') return asText;
  if (asText && asText.text !== decoded.text) {
    const message = `${name} differs from ${name}Bytes; using the bytes, which are exactly what the server signed.`;
    const hint = 'A paste or a proxy may have changed line ends, spaces or escaping in the text.';
    problems.push(problem('bytes-text-mismatch', message, asText.span, { severity: 'warning', hint }));
  }
  return { text: decoded.text, from: 'bytes', span: bytes.span };
}

/** Finds what the server expected in a reply body. */
export function readExpected(body: ReplyBody): Expected {
  const problems: Problem[] = [];
  const canonicalRequest = fromElements(body.fields, 'CanonicalRequest', problems);
  const stringToSign = fromElements(body.fields, 'StringToSign', problems);
  if (canonicalRequest || stringToSign || !body.message) {
    return {
      ...(canonicalRequest ? { canonicalRequest } : {}),
      ...(stringToSign ? { stringToSign } : {}),
      problems,
    };
  }
  const message = body.message;
  const ranges = findExpectedStrings(message.text, 0, message.text.length, true);
  if (!ranges) return { problems };
  for (const p of problemsToPaste(message, ranges.problems)) problems.push(p);
  const read = (span: { start: number; end: number } | undefined): ExpectedText | undefined =>
    span && span.end > span.start
      ? {
          text: message.text.slice(span.start, span.end).replace(/\r\n/g, '\n'),
          from: 'text',
          span: pasteSpan(message, span.start, span.end),
        }
      : undefined;
  const cr = read(ranges.canonicalRequest);
  const sts = read(ranges.stringToSign);
  return { ...(cr ? { canonicalRequest: cr } : {}), ...(sts ? { stringToSign: sts } : {}), problems };
}
