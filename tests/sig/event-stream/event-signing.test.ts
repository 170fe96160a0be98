/**
 * Event-stream message signing against tests/vectors/streaming/event-stream-signing.json (aws-c-auth's
 * test_event_signing.c and smithy-typescript's "#sign (event)", Apache-2.0, see SOURCES.md): the opening
 * request's signature, each event's signature chained on the prior one, the :date header's encoding; then the
 * frames we write are read back and verified, and a changed message is found where the chain breaks.
 */

import { describe, expect, it } from 'vitest';
import { hmacWithKey, toBase64, toHex } from '../../../src/lib/sig/crypto';
import {
  dateHeader,
  encodeHeaders,
  eventStringToSign,
  signEventStream,
  verifyEventStream,
} from '../../../src/lib/sig/event-stream/index';
import { signV4 } from '../../../src/lib/sig/v4/sign';
import { GENERIC_SETTINGS } from '../../../src/lib/sig/v4/settings';
import { deriveSigningKey, scopeOf } from '../../../src/lib/sig/v4/signing-key';
import { mustParse, readVectorJson } from '../v4/vectors';

interface AwsCAuthCase {
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  service: string;
  initial_request: {
    method: string;
    path: string;
    headers: [string, string][];
    signing_date: string;
    signed_body_value: string;
    signed_body_header: string;
    expected_authorization: string;
    expected_signature: string;
    derived_by_collector: { canonical_request: string };
  };
  events: {
    index: number;
    signing_date: string;
    payload: string;
    prior_signature: string;
    expected_signature: string;
  }[];
}
interface SmithyCase {
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  service: string;
  signing_date_epoch_ms: number;
  prior_signature: string;
  encoded_headers_bytes: number[];
  payload: string;
  expected_signature: string;
}
const { cases } = readVectorJson<{ cases: [AwsCAuthCase, SmithyCase] }>(
  'streaming',
  'event-stream-signing.json',
);
const [c, smithy] = cases;

const sign = () =>
  signEventStream({
    seedSignature: c.initial_request.expected_signature,
    secretAccessKey: c.credentials.secret_access_key,
    region: c.region,
    service: c.service,
    events: c.events.map((e) => ({ payload: e.payload, time: new Date(e.signing_date) })),
  });

describe('aws-c-auth event signing', () => {
  it('signs the opening request with STREAMING-AWS4-HMAC-SHA256-EVENTS', async () => {
    const r = c.initial_request;
    const text = [
      `${r.method} ${r.path} HTTP/1.1`,
      ...r.headers.map(([n, v]) => `${n}: ${v}`),
      `${r.signed_body_header}: ${r.signed_body_value}`,
      '',
      '',
    ].join('\r\n');
    const signed = await signV4({
      request: mustParse(text),
      credentials: {
        accessKeyId: c.credentials.access_key_id,
        secretAccessKey: c.credentials.secret_access_key,
      },
      region: c.region,
      service: c.service,
      mode: 'header',
      settings: GENERIC_SETTINGS,
      time: new Date(r.signing_date),
    });
    if (!signed.ok) return expect.fail(JSON.stringify(signed.problems));
    expect(signed.value.canonicalRequestText).toBe(r.derived_by_collector.canonical_request);
    expect(signed.value.authorization).toBe(r.expected_authorization);
  });

  it.each(c.events)('signs event $index on the prior signature', (event) => {
    const r = sign();
    if (!r.ok) return expect.fail(JSON.stringify(r.problems));
    const ours = r.value.details!.events[event.index - 1]!;
    expect(ours.prior).toBe(event.prior_signature);
    expect(ours.signature).toBe(event.expected_signature);
  });
});

describe('smithy-typescript event signing', () => {
  it('encodes a :date header as the vector does', () => {
    const epoch = new DataView(Uint8Array.from(smithy.encoded_headers_bytes.slice(7)).buffer).getBigUint64(0);
    expect(Array.from(encodeHeaders([dateHeader(new Date(Number(epoch)))]))).toEqual(
      smithy.encoded_headers_bytes,
    );
  });

  it('signs the given header bytes and payload on an empty prior signature', () => {
    const time = new Date(smithy.signing_date_epoch_ms);
    const amzDate = '20130524T000000Z';
    const scope = scopeOf(amzDate, smithy.region, smithy.service);
    expect(time.toISOString()).toBe('2013-05-24T00:00:00.000Z');
    const sts = eventStringToSign(
      amzDate,
      `${scope.date}/${scope.region}/${scope.service}/aws4_request`,
      smithy.prior_signature,
      Uint8Array.from(smithy.encoded_headers_bytes),
      new TextEncoder().encode(smithy.payload),
    );
    expect(toHex(hmacWithKey(deriveSigningKey(smithy.credentials.secret_access_key, scope).key, sts))).toBe(
      smithy.expected_signature,
    );
  });
});

describe('pasted frames, verified', () => {
  const verify = (frames: string) => {
    const r = verifyEventStream({
      frames,
      seedSignature: c.initial_request.expected_signature,
      secretAccessKey: c.credentials.secret_access_key,
      region: c.region,
      service: c.service,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value;
  };
  const frames = () => {
    const r = sign();
    if (!r.ok) throw new Error('sign');
    return r.value.details!.events.map((e) => e.frame);
  };

  it('reads our frames back as hex, one a line, and every message verifies with the vector signatures', () => {
    const v = verify(frames().map(toHex).join('\n'));
    expect(v.match).toBe(true);
    expect(v.trace.details!.events.map((e) => e.provided)).toEqual(c.events.map((e) => e.expected_signature));
  });

  it('reads them as Base64 in one blob with the messages concatenated', () => {
    const all = frames();
    const joined = new Uint8Array(all.reduce((n, f) => n + f.length, 0));
    let at = 0;
    for (const f of all) {
      joined.set(f, at);
      at += f.length;
    }
    expect(verify(toBase64(joined)).match).toBe(true);
  });

  it('finds the break at the message whose payload changed, and points at its signature', () => {
    const hex = frames().map(toHex);
    // Message 2's payload "B" (0x42) becomes "b" (0x62); its CRC no longer matches either.
    const payloadAt = hex[1]!.length - 8 - 2;
    hex[1] = hex[1]!.slice(0, payloadAt) + '62' + hex[1]!.slice(payloadAt + 2);
    const text = hex.join('\n');
    const v = verify(text);
    expect(v.match).toBe(false);
    expect(v.trace.details!.firstBreak!.index).toBe(2);
    expect(v.trace.details!.events.map((e) => e.valid)).toEqual([true, false, true, true]);
    expect(v.notes.map((n) => n.kind)).toContain('event-message-crc');
    const span = v.trace.details!.firstBreak!.problem.span!;
    expect(text.slice(span.start, span.end)).toContain(c.events[1]!.expected_signature);
  });

  it('names a chain restarted on the opening signature', () => {
    const seeded = signEventStream({
      seedSignature: c.initial_request.expected_signature,
      secretAccessKey: c.credentials.secret_access_key,
      region: c.region,
      service: c.service,
      events: [c.events[1]!].map((e) => ({ payload: e.payload, time: new Date(e.signing_date) })),
    });
    if (!seeded.ok) return expect.fail('sign');
    const v = verify([toHex(frames()[0]!), seeded.value.details!.events[0]!.frameHex].join('\n'));
    expect(v.trace.details!.firstBreak!.problem.message).toContain('did not carry the chain on');
  });
});
