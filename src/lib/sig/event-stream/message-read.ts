/**
 * Reading event-stream messages from bytes: prelude and message CRCs checked, typed headers read with their
 * byte spans, payload kept. Never throws; a frame that cannot be read is a problem at its offset.
 * https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html
 */

import type { EventHeader, EventHeaderValue, ReadMessage } from './message';
import { toHex } from '../crypto';
import { problem, type Problem, type Span } from '../types';
import { crc32 } from './crc32';

/** The smallest message: a prelude, its CRC and the message CRC. */
export const MIN_MESSAGE = 16;

/** Widths of the fixed-size header types, by wire code. */
export const FIXED: Record<number, number> = { 2: 1, 3: 2, 4: 4, 5: 8, 8: 8, 9: 16 };

/** Reads one header value of type `code` at `at`; a string says why it cannot be read. */
export function readValue(
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

export function readHeaders(
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
