/**
 * A reply body read into named fields, whatever its shape: XML elements (S3 `Error`, Query `ErrorResponse`, EC2
 * `Response/Errors/Error`), JSON members, or a plain message. Later stages only ask for fields by name.
 */

import type { Problem, Span } from '../types';
import type { LiteralObject } from './literal-object';
import { decodedFrom, pasteOffset, pasteSpan, problemsToPaste, trimLocated, type Located } from './located';
import type { ServerErrorFormat } from './types';
import { decodeXmlText } from './xml-text';
import type { XmlScan } from './xml';

/** A decoded value and where its raw text sits in the paste. */
export interface Field {
  value: Located;
  span: Span;
  /** True when the paste ends inside this value. */
  truncated?: boolean;
}

/** What a body says, before the expected strings, clock and scope are read from it. */
export interface ReplyBody {
  format: ServerErrorFormat;
  code?: string;
  message?: Located;
  /** Values by element or member name (the first of each name). */
  fields: Map<string, Field>;
  /** The HTTP status a printed error object carries (`statusCode`, `$metadata.httpStatusCode`). */
  status?: number;
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

/** A root element that names the error itself (`<InvalidSignatureException><Message>…`), as some services reply. */
const CODE_ROOT = /^(?!Error$|ErrorResponse$|Response$)[A-Z][A-Za-z0-9]*(?:Exception|Error|Fault)$/;

/** Reads the leaves of a scanned XML body; `body` is the text the scan ran over. */
export function readXmlBody(body: Located, scan: XmlScan): ReplyBody {
  const fields = new Map<string, Field>();
  const problems = problemsToPaste(body, scan.problems);
  for (const leaf of scan.leaves) {
    if (fields.has(leaf.name) || (leaf.truncated && leaf.name === 'Code')) continue;
    const decoded = decodeXmlText(body.text, leaf.contentStart, leaf.contentEnd);
    for (const p of problemsToPaste(body, decoded.problems)) problems.push(p);
    fields.set(leaf.name, {
      value: decodedFrom(body, decoded.text, decoded.positions),
      span: pasteSpan(body, leaf.contentStart, leaf.contentEnd),
      ...(leaf.truncated ? { truncated: true } : {}),
    });
  }
  const code = fields.get('Code')?.value.text ?? (CODE_ROOT.test(scan.root ?? '') ? scan.root : undefined);
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

const CODE_MEMBERS = ['Code', 'code', '__type', 'errorCode', 'ErrorCode'];
const MESSAGE_MEMBERS = ['message', 'Message', 'errorMessage', 'detailedMessage', 'msg'];
const STATUS_MEMBERS = ['statusCode', 'httpStatusCode', 'HTTPStatusCode', 'status', 'StatusCode'];

/** Reads a printed object's members; `source` is the text it was read from (the paste, or a decoded repr). */
export function readObjectBody(source: Located, object: LiteralObject): ReplyBody {
  const fields = new Map<string, Field>();
  for (const [name, f] of object.strings) {
    const offsets = f.value.offsets ?? [];
    fields.set(name, {
      value: { text: f.value.text, base: 0, offsets: offsets.map((o) => pasteOffset(source, o)) },
      span: pasteSpan(source, f.span.start, f.span.end),
      ...(object.cutAt !== undefined && f.span.end >= object.cutAt ? { truncated: true } : {}),
    });
  }
  const rawCode = CODE_MEMBERS.map((k) => fields.get(k)?.value.text).find((v) => v !== undefined && v !== '');
  const code = rawCode === undefined ? undefined : cleanCode(rawCode);
  const message = MESSAGE_MEMBERS.map((k) => fields.get(k)?.value).find((v) => v !== undefined);
  const status = STATUS_MEMBERS.map((k) => object.scalars.get(k)).find((v) => v && /^\d{3}$/.test(v));
  return {
    format: 'object',
    ...(code ? { code } : {}),
    ...(message ? { message } : {}),
    ...(status ? { status: Number(status) } : {}),
    fields,
    problems: problemsToPaste(source, object.problems),
  };
}
