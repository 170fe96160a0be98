/**
 * Verifying pasted event-stream messages: each outer message's `:chunk-signature` against its string to sign,
 * chained on the signature sent before it (the opening request's for the first), so that the first break is
 * found and the messages after it are still judged.
 * https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html
 */

import { readMessages } from './message-read';
import { hmacWithKey, timingSafeEqual, toHex } from '../crypto';
import type { SchemeVerification, TraceStage } from '../trace';
import { fail, ok, problem, type Problem, type Result, type Span } from '../types';
import { deriveSigningKey, renderScope, scopeOf } from '../v4/signing-key';
import { toAmzDate } from '../v4/time';
import { decodeFrames } from './frames';
import { EVENT_STREAM_DOC } from './sign';
import { DATE_HEADER, eventStringToSign, SIGNATURE_HEADER } from './string-to-sign';

/** Pasted frames and what to check them with. */
export interface VerifyEventStreamInput {
  /** The messages as sent, hex or Base64. Spans of problems point into this text. */
  frames: string;
  /** The opening request's signature (hex): the prior signature of the first message. */
  seedSignature: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

/** One message as checked. */
export interface EventCheck {
  index: number;
  span: Span;
  amzDate?: string;
  prior: string;
  stringToSign: string;
  provided: string;
  expected: string;
  valid: boolean;
  /** The payload (the inner message) as hex. */
  payloadHex: string;
}

/** What the event-stream verification carries besides the common shape. */
export interface EventStreamVerifyDetails {
  events: EventCheck[];
  firstBreak?: { index: number; problem: Problem };
}

/** Checks each message's signature on the one before it. */
export function verifyEventStream(
  input: VerifyEventStreamInput,
): Result<SchemeVerification<EventStreamVerifyDetails>> {
  const decoded = decodeFrames(input.frames);
  if (!decoded.ok) return fail(decoded.problems);
  const { bytes, toText } = decoded.value;
  const read = readMessages(bytes);
  const notes: Problem[] = read.problems.map((p) => (p.span ? { ...p, span: toText(p.span) } : p));
  const seed = input.seedSignature.trim().toLowerCase();
  const checks: EventCheck[] = [];
  let firstBreak: EventStreamVerifyDetails['firstBreak'];
  let prior = seed;
  for (const m of read.messages) {
    const span = toText(m.span);
    const date = m.headers.find((h) => h.name === DATE_HEADER);
    const sig = m.headers.find((h) => h.name === SIGNATURE_HEADER);
    const check: EventCheck = {
      index: m.index,
      span,
      prior,
      stringToSign: '',
      provided: '',
      expected: '',
      valid: false,
      payloadHex: toHex(m.payload),
    };
    let why: Problem | undefined;
    if (!date || date.value.type !== 'timestamp') {
      why = problem(
        'event-date',
        `Message ${m.index} has no :date timestamp header; every signed message carries one.`,
        span,
      );
    } else if (!sig || sig.value.type !== 'bytes') {
      why = problem('event-unsigned', `Message ${m.index} has no :chunk-signature bytes header.`, span);
    } else {
      const time = new Date(Number(date.value.value));
      const amzDate = Number.isNaN(time.getTime()) ? undefined : toAmzDate(time);
      if (!amzDate) {
        why = problem('event-date', `Message ${m.index}'s :date is not a time.`, toText(date.span));
      } else {
        const scope = scopeOf(amzDate, input.region, input.service);
        const key = deriveSigningKey(input.secretAccessKey, scope).key;
        const encodedDate = bytes.subarray(date.span.start, date.span.end);
        const sts = (p: string) => eventStringToSign(amzDate, renderScope(scope), p, encodedDate, m.payload);
        check.amzDate = amzDate;
        check.stringToSign = sts(prior);
        check.provided = toHex(sig.value.value);
        check.expected = toHex(hmacWithKey(key, check.stringToSign));
        check.valid = timingSafeEqual(check.expected, check.provided);
        if (!check.valid) {
          const onSeed = m.index > 1 && timingSafeEqual(toHex(hmacWithKey(key, sts(seed))), check.provided);
          const onEmpty = timingSafeEqual(toHex(hmacWithKey(key, sts(''))), check.provided);
          why = problem(
            'event-signature',
            `The chain breaks at message ${m.index}: ` +
              (onSeed
                ? "it is signed on the opening request's signature, not on the message before it: the client did not carry the chain on."
                : onEmpty
                  ? 'it is signed with an empty prior signature: the client started a new chain.'
                  : 'its :chunk-signature does not sign this payload and :date on the prior signature.'),
            toText(sig.span),
            onSeed || onEmpty ? { hint: 'Shown: that string to sign reproduces the signature sent.' } : {},
          );
        }
      }
    }
    if (why && !firstBreak) firstBreak = { index: m.index, problem: why };
    if (why && why.kind !== 'event-signature') notes.push(why);
    checks.push(check);
    prior = check.provided || prior;
  }
  const match =
    checks.length > 0 && checks.every((c) => c.valid) && !read.problems.some((p) => p.severity === 'error');
  const stages: TraceStage[] = checks.map((c) => ({
    id: `event-${c.index}`,
    title: `Message ${c.index}: ${c.valid ? 'valid' : 'invalid'}`,
    rule: 'AWS4-HMAC-SHA256-PAYLOAD, the event time, the scope, the prior signature, SHA-256 of the encoded :date header, SHA-256 of the payload.',
    docUrl: EVENT_STREAM_DOC,
    text: c.stringToSign,
    lines: c.stringToSign.split('\n').map((text) => ({ label: 'string-to-sign', text, sources: [c.span] })),
  }));
  return ok(
    {
      match,
      provided: checks[checks.length - 1]?.provided ?? '',
      ...(firstBreak ? { reason: firstBreak.problem } : {}),
      trace: {
        scheme: 'sigv4',
        mode: 'event-stream',
        stages,
        signature: checks[checks.length - 1]?.provided ?? '',
        signatureEncoding: 'hex',
        added: { headers: [], query: [] },
        signedRequest: input.frames,
        notes,
        details: { events: checks, ...(firstBreak ? { firstBreak } : {}) },
      },
      notes,
    },
    notes,
  );
}
