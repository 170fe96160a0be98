/**
 * A reply body read into named fields, whatever its shape: XML elements (S3 `Error`, Query `ErrorResponse`, EC2
 * `Response/Errors/Error`), JSON members, or a plain message. Later stages only ask for fields by name.
 */

import type { Problem, Span } from '../types';
import { decodedFrom, pasteSpan, problemsToPaste, trimLocated, type Located } from './located';
import type { ServerErrorFormat } from './types';
import { decodeXmlText } from './xml-text';
import type { XmlScan } from './xml';

/** A decoded value and where its raw text sits in the paste. */
export interface Field {
  value: Located;
  span: Span;
}

/** What a body says, before the expected strings, clock and scope are read from it. */
export interface ReplyBody {
  format: ServerErrorFormat;
  code?: string;
  message?: Located;
  /** Values by element or member name (the first of each name). */
  fields: Map<string, Field>;
  /** Problems, with spans in the paste. */
  problems: Problem[];
}

/** Strips a JSON `__type` namespace (`com.amazon.coral.service#X`) and an `x-amzn-ErrorType` suffix (`X:http…`). */
export function cleanCode(raw: string): string | undefined {
  const code = raw
    .slice(raw.lastIndexOf('#') + 1)
    .split(':')[0]!
    .trim();
  return code === '' ? undefined : code;
}

const FORMAT_BY_ROOT: Record<string, ServerErrorFormat> = {
  ErrorResponse: 'query-xml',
  Response: 'ec2-xml',
};

/** Reads the leaves of a scanned XML body; `body` is the text the scan ran over. */
export function readXmlBody(body: Located, scan: XmlScan): ReplyBody {
  const fields = new Map<string, Field>();
  const problems = problemsToPaste(body, scan.problems);
  for (const leaf of scan.leaves) {
    if (fields.has(leaf.name)) continue;
    const decoded = decodeXmlText(body.text, leaf.contentStart, leaf.contentEnd);
    for (const p of problemsToPaste(body, decoded.problems)) problems.push(p);
    fields.set(leaf.name, {
      value: decodedFrom(body, decoded.text, decoded.positions),
      span: pasteSpan(body, leaf.contentStart, leaf.contentEnd),
    });
  }
  const code = fields.get('Code')?.value.text;
  const message = fields.get('Message')?.value;
  const cleaned = code === undefined ? undefined : cleanCode(code);
  return {
    format: FORMAT_BY_ROOT[scan.root ?? ''] ?? 's3-xml',
    ...(cleaned ? { code: cleaned } : {}),
    ...(message ? { message } : {}),
    fields,
    problems,
  };
}

/** Reads a plain-text body: all of it is the message. */
export function readTextBody(body: Located, code?: string): ReplyBody {
  const message = trimLocated(body);
  return {
    format: 'text',
    ...(code ? { code } : {}),
    ...(message.text ? { message } : {}),
    fields: new Map(),
    problems: [],
  };
}
