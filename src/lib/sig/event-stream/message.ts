/**
 * The event-stream message format (application/vnd.amazon.eventstream): a prelude (total length, headers length,
 * the prelude's CRC-32), typed headers, the payload, and the message's CRC-32. Reading never throws; a frame that
 * cannot be read is a problem at its byte offset.
 * https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html
 */

import { fromHex, toBytes, toHex } from '../crypto';
import { problem, type Problem, type Span } from '../types';
import { crc32 } from './crc32';

/** A header value by its wire type. */
export type EventHeaderValue =
  | { type: 'bool'; value: boolean }
  | { type: 'byte' | 'short' | 'integer'; value: number }
  | { type: 'long' | 'timestamp'; value: bigint }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'string'; value: string }
  | { type: 'uuid'; value: string };

/** One header of a message. */
export interface EventHeader {
  name: string;
  value: EventHeaderValue;
}

/** One message as read, with byte offsets into the frames. */
export interface ReadMessage {
  index: number;
  /** The whole message. */
  span: Span;
  headers: (EventHeader & { span: Span })[];
  /** The encoded headers block. */
  headersSpan: Span;
  payload: Uint8Array;
  payloadSpan: Span;
}

const TYPE_CODES = {
  bool: -1,
  byte: 2,
  short: 3,
  integer: 4,
  long: 5,
  bytes: 6,
  string: 7,
  timestamp: 8,
  uuid: 9,
} as const;

/** Encodes headers in the event-stream binary form. */
export function encodeHeaders(headers: readonly EventHeader[]): Uint8Array {
  const parts: number[] = [];
  const push = (bytes: ArrayLike<number>) => {
    for (let i = 0; i < bytes.length; i++) parts.push(bytes[i]!);
  };
  const int = (value: bigint | number, width: number) => {
    let v = BigInt.asUintN(width * 8, BigInt(value));
    const out = new Array<number>(width);
    for (let i = width - 1; i >= 0; i--) {
      out[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    push(out);
  };
  for (const h of headers) {
    const name = toBytes(h.name);
    parts.push(name.length);
    push(name);
    const v = h.value;
    parts.push(v.type === 'bool' ? (v.value ? 0 : 1) : TYPE_CODES[v.type]);
    switch (v.type) {
      case 'bool':
        break;
      case 'byte':
        int(v.value, 1);
        break;
      case 'short':
        int(v.value, 2);
        break;
      case 'integer':
        int(v.value, 4);
        break;
      case 'long':
      case 'timestamp':
        int(v.value, 8);
        break;
      case 'uuid':
        push(fromHex(v.value.replace(/-/g, '').padStart(32, '0').slice(-32)) ?? new Uint8Array(16));
        break;
      case 'string':
      case 'bytes': {
        const bytes = v.type === 'string' ? toBytes(v.value) : v.value;
        int(bytes.length, 2);
        push(bytes);
      }
    }
  }
  return Uint8Array.from(parts);
}

/** Encodes a message: prelude, its CRC, headers, payload, message CRC. */
export function encodeMessage(headers: readonly EventHeader[], payload: Uint8Array): Uint8Array {
  const h = encodeHeaders(headers);
  const total = 12 + h.length + payload.length + 4;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, h.length);
  view.setUint32(8, crc32(out, 0, 8));
  out.set(h, 12);
  out.set(payload, 12 + h.length);
  view.setUint32(total - 4, crc32(out, 0, total - 4));
  return out;
}

/** The smallest message: a prelude, its CRC and the message CRC. */
const MIN_MESSAGE = 16;

/** Widths of the fixed-size header types, by wire code. */
const FIXED: Record<number, number> = { 2: 1, 3: 2, 4: 4, 5: 8, 8: 8, 9: 16 };

/** Reads one header value of type `code` at `at`; a string says why it cannot be read. */
function readValue(
  bytes: Uint8Array,
  view: DataView,
  code: number,
  at: number,
  end: number,
): { value: EventHeaderValue; next: number } | string {
  if (code === 0 || code === 1) return { value: { type: 'bool', value: code === 0 }, next: at };
  if (code > 9) return `has type ${code}, which event streams do not define (0 to 9)`;
  const width = FIXED[code] ?? 2;
  if (at + width > end) return 'has a value that runs past the headers block';
  const next = at + width;
  switch (code) {
    case 2:
      return { value: { type: 'byte', value: view.getInt8(at) }, next };
    case 3:
      return { value: { type: 'short', value: view.getInt16(at) }, next };
    case 4:
      return { value: { type: 'integer', value: view.getInt32(at) }, next };
    case 5:
      return { value: { type: 'long', value: view.getBigInt64(at) }, next };
    case 8:
      return { value: { type: 'timestamp', value: view.getBigInt64(at) }, next };
    case 9:
      return { value: { type: 'uuid', value: toHex(bytes.subarray(at, next)) }, next };
  }
  const length = view.getUint16(at);
  if (next + length > end) return 'has a value that runs past the headers block';
  const raw = bytes.slice(next, next + length);
  return {
    value:
      code === 6 ? { type: 'bytes', value: raw } : { type: 'string', value: new TextDecoder().decode(raw) },
    next: next + length,
  };
}

function readHeaders(
  bytes: Uint8Array,
  start: number,
  end: number,
  problems: Problem[],
  index: number,
): (EventHeader & { span: Span })[] {
  const out: (EventHeader & { span: Span })[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = start;
  const fail = (why: string) => {
    problems.push(problem('event-header', `Message ${index}: ${why}.`, { start: at, end }));
    return out;
  };
  while (at < end) {
    const from = at;
    const nameLength = bytes[at]!;
    if (nameLength === 0 || at + 1 + nameLength + 1 > end)
      return fail('a header name runs past the headers block');
    const name = new TextDecoder().decode(bytes.subarray(at + 1, at + 1 + nameLength));
    at += 1 + nameLength;
    const code = bytes[at++]!;
    const read = readValue(bytes, view, code, at, end);
    if (typeof read === 'string') return fail(`header ${name} ${read}`);
    const value = read.value;
    at = read.next;
    out.push({ name, value, span: { start: from, end: at } });
  }
  return out;
}

/** Reads concatenated messages. Never throws: problems carry byte spans into `bytes`. */
export function readMessages(bytes: Uint8Array): { messages: ReadMessage[]; problems: Problem[] } {
  const messages: ReadMessage[] = [];
  const problems: Problem[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.length) {
    const index = messages.length + 1;
    const rest = { start: at, end: bytes.length };
    if (bytes.length - at < MIN_MESSAGE) {
      problems.push(
        problem(
          'event-truncated',
          `Message ${index} has ${bytes.length - at} bytes; a message has at least ${MIN_MESSAGE}.`,
          rest,
        ),
      );
      break;
    }
    const total = view.getUint32(at);
    const headersLength = view.getUint32(at + 4);
    if (view.getUint32(at + 8) !== crc32(bytes, at, at + 8)) {
      problems.push(
        problem(
          'event-prelude-crc',
          `Message ${index}'s prelude CRC does not match: the frame is cut or is not an event-stream message.`,
          { start: at, end: at + 12 },
        ),
      );
      break;
    }
    if (total < MIN_MESSAGE || at + total > bytes.length || headersLength > total - MIN_MESSAGE) {
      problems.push(
        problem(
          'event-length',
          `Message ${index} says it is ${total} bytes with ${headersLength} of headers, but ${bytes.length - at} bytes remain.`,
          { start: at, end: at + 8 },
        ),
      );
      break;
    }
    const end = at + total;
    const span = { start: at, end };
    if (view.getUint32(end - 4) !== crc32(bytes, at, end - 4)) {
      problems.push(
        problem(
          'event-message-crc',
          `Message ${index}'s CRC does not match its bytes: the frame was changed or cut.`,
          { start: end - 4, end },
          { severity: 'warning' },
        ),
      );
    }
    const headersSpan = { start: at + 12, end: at + 12 + headersLength };
    const headers = readHeaders(bytes, headersSpan.start, headersSpan.end, problems, index);
    const payloadSpan = { start: headersSpan.end, end: end - 4 };
    messages.push({
      index,
      span,
      headers,
      headersSpan,
      payload: bytes.slice(payloadSpan.start, payloadSpan.end),
      payloadSpan,
    });
    at = end;
  }
  return { messages, problems };
}
