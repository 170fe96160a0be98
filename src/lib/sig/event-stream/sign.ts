/**
 * Signing the messages of an event stream (Transcribe, Bedrock, Kinesis Video, Lex streaming): each message
 * wraps the event in an outer message with `:date` and `:chunk-signature`, chained on the prior signature,
 * starting from the signature of the request that opened the stream (signed with STREAMING-AWS4-HMAC-SHA256-EVENTS).
 * https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html
 */

import { fromHex, hmacWithKey, toBase64, toBytes, toHex } from '../crypto';
import type { SchemeTrace, TraceStage } from '../trace';
import { fail, ok, problem, type Result } from '../types';
import { deriveSigningKey, renderScope, scopeOf } from '../v4/signing-key';
import { toAmzDate } from '../v4/time';
import { encodeHeaders, encodeMessage } from './message';
import { dateHeader, eventStringToSign, SIGNATURE_HEADER } from './string-to-sign';

/** The payload literal of the request that opens a signed event stream. */
export const STREAMING_EVENTS = 'STREAMING-AWS4-HMAC-SHA256-EVENTS';

/** The Transcribe guide's page on event-stream signing. */
export const EVENT_STREAM_DOC = 'https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html';

/** What signing an event stream takes: the opening request's signature, the key's scope, and the events. */
export interface SignEventStreamInput {
  /** The signature of the request that opened the stream (hex): the prior signature of the first message. */
  seedSignature: string;
  secretAccessKey: string;
  region: string;
  service: string;
  /** Each event's payload (the encoded inner message) and the time it is signed at. */
  events: readonly { payload: Uint8Array | string; time: Date }[];
}

/** One signed message: a row of the chain. */
export interface SignedEvent {
  index: number;
  amzDate: string;
  prior: string;
  stringToSign: string;
  signature: string;
  /** The outer message as sent, and the same as hex and Base64. */
  frame: Uint8Array;
  frameHex: string;
  frameBase64: string;
}

/** What the event-stream trace carries besides the common shape. */
export interface EventStreamDetails {
  events: SignedEvent[];
}

/** Signs each event in turn, chaining on the prior signature, and returns the frames to send. */
export function signEventStream(input: SignEventStreamInput): Result<SchemeTrace<EventStreamDetails>> {
  const events: SignedEvent[] = [];
  let prior = input.seedSignature.trim().toLowerCase();
  if (fromHex(prior) === undefined) {
    return fail([
      problem(
        'seed-signature',
        "The prior signature of the first message is the opening request's signature, in hex.",
      ),
    ]);
  }
  for (const [i, event] of input.events.entries()) {
    if (Number.isNaN(event.time.getTime()))
      return fail([problem('time', `Event ${i + 1}'s time is not a valid date.`)]);
    const amzDate = toAmzDate(event.time);
    const scope = scopeOf(amzDate, input.region, input.service);
    const date = dateHeader(event.time);
    const payload = toBytes(event.payload);
    const stringToSign = eventStringToSign(
      amzDate,
      renderScope(scope),
      prior,
      encodeHeaders([date]),
      payload,
    );
    const raw = hmacWithKey(deriveSigningKey(input.secretAccessKey, scope).key, stringToSign);
    const signature = toHex(raw);
    const frame = encodeMessage(
      [date, { name: SIGNATURE_HEADER, value: { type: 'bytes', value: raw } }],
      payload,
    );
    events.push({
      index: i + 1,
      amzDate,
      prior,
      stringToSign,
      signature,
      frame,
      frameHex: toHex(frame),
      frameBase64: toBase64(frame),
    });
    prior = signature;
  }
  const stages: TraceStage[] = events.map((e) => ({
    id: `event-${e.index}`,
    title: `Message ${e.index}`,
    rule: 'AWS4-HMAC-SHA256-PAYLOAD, the event time, the scope, the prior signature, SHA-256 of the encoded :date header, SHA-256 of the payload.',
    docUrl: EVENT_STREAM_DOC,
    text: e.stringToSign,
    lines: e.stringToSign.split('\n').map((text, i) => ({
      label: [
        'algorithm',
        'request-date-time',
        'credential-scope',
        'prior-signature',
        'date-header-hash',
        'payload-hash',
      ][i]!,
      text,
      sources: [],
    })),
  }));
  const last = events[events.length - 1];
  return ok({
    scheme: 'sigv4',
    mode: 'event-stream',
    stages,
    signature: last?.signature ?? prior,
    signatureEncoding: 'hex',
    added: { headers: [], query: [] },
    signedRequest: events.map((e) => e.frameHex).join('\n'),
    notes: [],
    details: { events },
  });
}
