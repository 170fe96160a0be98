/**
 * The canonical request and string to sign a reply says the server computed: from S3's elements (the `*Bytes`
 * form preferred, since it is exactly what was signed) or from the quoted strings in the message.
 */

import { problem, type Problem, type Span } from '../types';
import type { Field, ReplyBody } from './body';
import { decodeByteList } from './bytes';
import { findExpectedStrings } from './expected-strings';
import { pasteSpan, problemsToPaste, sliceLocated, type Located } from './located';
import { restoreExpected } from './respace';
import type { ExpectedText } from './types';

/** The expected values found in a reply, and the problems met reading them (spans in the paste). */
export interface Expected {
  canonicalRequest?: ExpectedText;
  stringToSign?: ExpectedText;
  problems: Problem[];
}

const WHAT = {
  CanonicalRequest: ['canonical-request', 'the canonical request'],
  StringToSign: ['string-to-sign', 'the string to sign'],
} as const;

/** An expected value read from `value` (paste-located), restored and marked cut off when `cut`. */
export function expectedText(
  value: Located,
  name: keyof typeof WHAT,
  from: 'text' | 'bytes',
  span: Span,
  cut: boolean,
): ExpectedText {
  const restored = from === 'text' ? restoreExpected(value, WHAT[name][0]) : { value, normalized: [] };
  const text = restored.value.text.replace(/\r\n/g, '\n');
  const out: ExpectedText = { text, from, span };
  if (cut) {
    const lastLine = text.lastIndexOf('\n') + 1;
    out.truncated = { span: pasteSpan(restored.value, lastLine, text.length), what: WHAT[name][1] };
  }
  if (restored.normalized.length > 0) out.normalized = restored.normalized;
  return out;
}

/** The byte list of a `*Bytes` element cut off: its last token may be a partial byte, so it is left out. */
function wholeBytes(field: Field): string {
  const t = field.value.text;
  return field.truncated ? t.slice(0, Math.max(0, t.trimEnd().search(/\S+$/))) : t;
}

/** Reads `name` and `nameBytes`, preferring the bytes and warning when the two disagree. */
function fromElements(
  fields: Map<string, Field>,
  name: keyof typeof WHAT,
  problems: Problem[],
): ExpectedText | undefined {
  const text = fields.get(name);
  const bytes = fields.get(`${name}Bytes`);
  const asText: ExpectedText | undefined =
    text && text.value.text.trim() !== ''
      ? expectedText(text.value, name, 'text', text.span, Boolean(text.truncated))
      : undefined;
  if (!bytes) return asText;
  const list = wholeBytes(bytes);
  const decoded = decodeByteList(list, 0, list.length, asText?.text);
  const found = problemsToPaste(bytes.value, decoded.problems);
  // With the text to fall back on, a bad byte list only warns.
  for (const p of found) problems.push(asText ? { ...p, severity: 'warning' } : p);
  if (decoded.text === undefined || decoded.text === '') return asText;
  const cutBytes = Boolean(bytes.truncated);
  const agrees = asText && (cutBytes ? asText.text.startsWith(decoded.text) : asText.text === decoded.text);
  if (asText && !agrees) {
    const message = cutBytes
      ? `${name} differs from the part of ${name}Bytes the paste shows; the bytes are cut off, so the text is used.`
      : `${name} differs from ${name}Bytes; using the bytes, which are exactly what the server signed.`;
    const hint = 'A paste or a proxy may have changed line ends, spaces or escaping in the text.';
    problems.push(problem('bytes-text-mismatch', message, asText.span, { severity: 'warning', hint }));
  }
  // Cut-off bytes are only a prefix: the whole text, when there is one, says more.
  if (asText && cutBytes && !asText.truncated) return asText;
  const out = expectedText({ text: decoded.text, base: 0 }, name, 'bytes', bytes.span, false);
  if (cutBytes) {
    const start = pasteSpan(bytes.value, list.length, list.length).start;
    out.truncated = { span: { start, end: Math.max(start, bytes.span.end) }, what: WHAT[name][1] };
  }
  return out;
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
  const read = (span: Span | undefined, name: keyof typeof WHAT, cut: boolean): ExpectedText | undefined =>
    span && span.end > span.start
      ? expectedText(
          sliceLocated(message, span.start, span.end),
          name,
          'text',
          pasteSpan(message, span.start, span.end),
          cut,
        )
      : undefined;
  const cr = read(ranges.canonicalRequest, 'CanonicalRequest', Boolean(ranges.cut?.canonicalRequest));
  const sts = read(ranges.stringToSign, 'StringToSign', Boolean(ranges.cut?.stringToSign));
  return { ...(cr ? { canonicalRequest: cr } : {}), ...(sts ? { stringToSign: sts } : {}), problems };
}
