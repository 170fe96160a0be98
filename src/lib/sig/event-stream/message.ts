/**
 * The event-stream message format (application/vnd.amazon.eventstream): a prelude (total length, headers length,
 * the prelude's CRC-32), typed headers, the payload, and the message's CRC-32. Reading never throws; a frame that
 * cannot be read is a problem at its byte offset.
 * https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html
 */

import { fromHex, toBytes } from '../crypto';
import type { Span } from '../types';
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
