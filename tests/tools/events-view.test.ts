/**
 * The /events view-model against aws-c-auth's event-signing test (tests/vectors/streaming/event-stream-signing.json,
 * Apache-2.0; see SOURCES.md there): the four messages the page opens on carry the test's signatures, and the view
 * finds each one valid, chained on the test's prior signatures, with its time and scope; then broken and garbled
 * pastes. smithy-typescript's event case is not used: it signs a :date header (2018) that differs from its signing
 * time (2013), which a message's own :date cannot express.
 */

import { describe, expect, it } from 'vitest';
import { encodeMessage } from '../../src/lib/sig/event-stream/message';
import {
  EXAMPLE_EVENT_SECRET,
  EXAMPLE_FRAMES,
  EXAMPLE_REGION,
  EXAMPLE_SEED,
  EXAMPLE_SERVICE,
} from '../../src/lib/tools/events-example';
import { eventsView, type EventsViewInput } from '../../src/lib/tools/events-view';
import { readVectorJson } from '../sig/v4/vectors';

interface AwsCAuthCase {
  credentials: { secret_access_key: string };
  region: string;
  service: string;
  initial_request: { expected_signature: string };
  events: {
    index: number;
    signing_date: string;
    payload: string;
    prior_signature: string;
    expected_signature: string;
  }[];
}
const c = readVectorJson<{ cases: AwsCAuthCase[] }>('streaming', 'event-stream-signing.json').cases[0]!;
const lines = EXAMPLE_FRAMES.split('\n');
const input = (over: Partial<EventsViewInput> = {}): EventsViewInput => ({
  frames: EXAMPLE_FRAMES,
  seed: c.initial_request.expected_signature,
  secretAccessKey: c.credentials.secret_access_key,
  region: c.region,
  service: c.service,
  ...over,
});
const amzDate = (http: string) => new Date(http).toISOString().replace(/[-:]|\.\d{3}/g, '');

describe('the aws-c-auth event-signing test, as the page opens on it', () => {
  const view = eventsView(input());

  it('is the vector’s seed, key, region and service', () => {
    expect([EXAMPLE_SEED, EXAMPLE_EVENT_SECRET, EXAMPLE_REGION, EXAMPLE_SERVICE]).toEqual([
      c.initial_request.expected_signature,
      c.credentials.secret_access_key,
      c.region,
      c.service,
    ]);
  });

  it('reads four messages, each carrying the vector’s signature, payload and time', () => {
    expect(view.encoding).toBe('hex');
    expect(view.messages.map((m) => m.provided)).toEqual(c.events.map((e) => e.expected_signature));
    expect(view.messages.map((m) => m.payload)).toEqual(c.events.map((e) => e.payload));
    expect(view.messages.map((m) => m.amzDate)).toEqual(c.events.map((e) => amzDate(e.signing_date)));
    expect(view.messages[0]!.headers.map((h) => h.name)).toEqual([':date', ':chunk-signature']);
  });

  it('verifies every message, each on the vector’s prior signature', () => {
    expect(view.verdict).toBe('valid');
    expect(view.messages.map((m) => m.valid)).toEqual([true, true, true, true]);
    expect(view.messages.map((m) => m.expected)).toEqual(c.events.map((e) => e.expected_signature));
    expect(view.messages.map((m) => m.prior)).toEqual(c.events.map((e) => e.prior_signature));
    expect(view.messages.map((m) => m.priorFrom)).toEqual([
      'the seed',
      'message 1',
      'message 2',
      'message 3',
    ]);
    expect(view.problems).toEqual([]);
  });

  it('lays each string to sign out part by part', () => {
    const m = view.messages[1]!;
    const e = c.events[1]!;
    expect(m.stringToSign.map((l) => l.label)).toEqual([
      'algorithm',
      'message date',
      'credential scope',
      'prior signature',
      'SHA-256 of the :date header',
      'SHA-256 of the payload',
    ]);
    expect(m.stringToSign.slice(0, 4).map((l) => l.text)).toEqual([
      'AWS4-HMAC-SHA256-PAYLOAD',
      amzDate(e.signing_date),
      `${amzDate(e.signing_date).slice(0, 8)}/${c.region}/${c.service}/aws4_request`,
      e.prior_signature,
    ]);
    expect(view.scope).toBe(`19810116/${c.region}/${c.service}/aws4_request`);
    expect(view.keyChain.map((k) => k.name)).toEqual(['kSecret', 'kDate', 'kRegion', 'kService', 'kSigning']);
  });

  it('takes the seed from the opening request’s Authorization header pasted whole', () => {
    const authorization = readVectorJson<{
      cases: { initial_request: { expected_authorization: string } }[];
    }>('streaming', 'event-stream-signing.json').cases[0]!.initial_request.expected_authorization;
    const view = eventsView(input({ seed: `Authorization: ${authorization}` }));
    expect(view).toMatchObject({ verdict: 'valid', problems: [] });
  });

  it('reads the same frames as Base64, or all in one piece', () => {
    const b64 = lines.map((l) => Buffer.from(l, 'hex').toString('base64')).join('\n');
    expect(eventsView(input({ frames: b64 }))).toMatchObject({ verdict: 'valid', encoding: 'base64' });
    expect(eventsView(input({ frames: lines.join('') })).verdict).toBe('valid');
  });
});

describe('a broken chain is marked at its first broken link', () => {
  it('two messages swapped: the break is at message 2', () => {
    const view = eventsView(input({ frames: [lines[0], lines[2], lines[1], lines[3]].join('\n') }));
    expect(view.verdict).toBe('broken');
    expect(view.messages.map((m) => m.firstBreak)).toEqual([false, true, false, false]);
    expect(view.messages[0]!.valid).toBe(true);
    expect(view.summary).toMatch(/message 2/);
    // Each moved message is found signed on the signature of the message it followed when it was sent.
    expect(view.messages.map((m) => m.signedOn?.match(/on (message \d)/)?.[1])).toEqual([
      undefined,
      'message 3',
      'message 1',
      'message 2',
    ]);
  });

  it('a dropped message: the break is at the next one, and no other message explains it', () => {
    const view = eventsView(input({ frames: [lines[0], lines[2], lines[3]].join('\n') }));
    expect(view.messages.map((m) => m.firstBreak)).toEqual([false, true, false]);
    expect(view.messages[1]!.signedOn).toBeUndefined();
  });

  it('a wrong seed breaks the first message', () => {
    const view = eventsView(input({ seed: c.events[0]!.expected_signature }));
    expect(view.messages.findIndex((m) => m.firstBreak)).toBe(0);
  });

  it('a message signed on the seed instead of the one before it is said to be', () => {
    // Message 2 resent as message 3 is signed on message 1's signature: not the one before it, and not the seed.
    const view = eventsView(input({ frames: [lines[0], lines[1], lines[0]].join('\n') }));
    expect(view.messages[2]).toMatchObject({ firstBreak: true });
    expect(view.messages[2]!.why).toMatch(/opening request's signature/);
  });

  it('without the secret: messages shown, signatures not judged, nothing marked', () => {
    const view = eventsView(input({ secretAccessKey: '' }));
    expect(view.verdict).toBe('unknown');
    expect(view.messages.map((m) => [m.valid, m.firstBreak])).toEqual(Array(4).fill([undefined, false]));
    expect(view.messages[0]!.stringToSign.length).toBe(6);
    expect(view.keyChain).toEqual([]);
  });
});

describe('bad frames never blank the view', () => {
  it('a truncated frame: the messages before it are shown, the problem points at the cut one', () => {
    const view = eventsView(input({ frames: [lines[0], lines[1], lines[2]!.slice(0, 40)].join('\n') }));
    expect(view.messages.map((m) => m.valid)).toEqual([true, true]);
    expect(view.verdict).toBe('broken');
    expect(view.summary).toMatch(/^2 messages read, then: Message 3 says/);
    const p = view.problems.find((x) => x.kind === 'event-length')!;
    expect(p).toMatchObject({ where: 'Messages', severity: 'error' });
    expect(p.excerpt).toMatchObject({ line: 3, column: 1 });
  });

  it('a changed payload byte: the CRC warns and the signature fails at that message', () => {
    // Message 1 ends with its payload "A" (41) and its CRC: the payload becomes "B".
    const changed = lines[0]!.replace(/41(19ea5a22)$/, '42$1');
    expect(changed).not.toBe(lines[0]);
    const view = eventsView(input({ frames: [changed, ...lines.slice(1)].join('\n') }));
    expect(view.problems.map((p) => p.kind)).toContain('event-message-crc');
    expect(view.messages[0]!.firstBreak).toBe(true);
  });

  it('text that is neither hex nor Base64 is a problem at that piece', () => {
    const view = eventsView(input({ frames: `${lines[0]}\nnot-a-frame!` }));
    expect(view.verdict).toBe('unreadable');
    expect(view.problems[0]).toMatchObject({
      kind: 'frames-encoding',
      excerpt: { line: 2, marked: 'not-a-frame!' },
    });
  });

  it('a seed that is not hex, a missing region: problems at those boxes', () => {
    const view = eventsView(input({ seed: 'xyz', region: '' }));
    expect(view.problems.map((p) => p.where)).toEqual(expect.arrayContaining(['Seed signature', 'Region']));
  });

  it('an empty paste says what to paste', () => {
    expect(eventsView(input({ frames: '' })).problems[0]!.kind).toBe('frames-empty');
  });
});

describe('a payload that is itself an event', () => {
  it('is decoded: the inner message’s headers and payload', () => {
    const inner = encodeMessage(
      [
        { name: ':event-type', value: { type: 'string', value: 'AudioEvent' } },
        { name: ':message-type', value: { type: 'string', value: 'event' } },
      ],
      new Uint8Array([0, 1, 2, 3]),
    );
    const outer = encodeMessage(
      [
        { name: ':date', value: { type: 'timestamp', value: 348474601000n } },
        { name: ':chunk-signature', value: { type: 'bytes', value: new Uint8Array(32) } },
      ],
      inner,
    );
    const view = eventsView(input({ frames: Buffer.from(outer).toString('hex') }));
    const m = view.messages[0]!;
    expect(m.payloadIs).toBe('hex');
    expect(m.inner?.headers).toEqual([
      { name: ':event-type', type: 'string', value: 'AudioEvent' },
      { name: ':message-type', type: 'string', value: 'event' },
    ]);
    expect(m.inner).toMatchObject({ payloadLength: 4, payload: '00010203' });
  });
});
