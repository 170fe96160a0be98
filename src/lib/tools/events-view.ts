/**
 * The /events page as a pure function: pasted event-stream frames, the secret, region, service and the seed
 * signature in; each message decoded (its headers, its payload and, when the payload is itself a message, the
 * inner event), its string to sign part by part, its signature and the chain's first broken link out, as plain
 * data the components only render. Never throws: bad frames are `SpotProblem`s pointing into the paste.
 * https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html
 */

import { fromHex, toHex } from '../sig/crypto';
import { deriveSigningKey, renderScope, scopeOf, type KeyChainStep } from '../sig/registry-sigv4';
import { decodeFrames, readMessages, verifyEventStream, type ReadMessage } from '../sig/registry-sigv4-modes';
import type { EventHeaderValue } from '../sig/registry-sigv4-modes';
import { problem } from '../sig/types';
import { signedOn } from './events-prior';
import { bySeverity, spot, type SpotProblem } from './spot';

/** What the page's boxes hold. */
export interface EventsViewInput {
  /** The messages as sent: hex or Base64, one a line or concatenated. */
  frames: string;
  /** The opening request's signature (hex): the prior signature of the first message. */
  seed: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

/** One header, its value as text. */
export interface HeaderRow {
  name: string;
  type: EventHeaderValue['type'];
  value: string;
}

/** A message's headers and payload, decoded. */
export interface DecodedMessage {
  headers: HeaderRow[];
  payloadLength: number;
  /** The payload as text when it is printable UTF-8, else as hex (at most 512 bytes shown). */
  payload: string;
  payloadIs: 'text' | 'hex' | 'empty';
}

/** One line of a string to sign, named. */
export interface StringToSignLine {
  label: string;
  text: string;
}

/** One message of the chain. */
export interface MessageView extends DecodedMessage {
  index: number;
  byteLength: number;
  /** The inner event, when the payload is itself an event-stream message (as Transcribe and Bedrock send). */
  inner?: DecodedMessage;
  amzDate?: string;
  stringToSign: StringToSignLine[];
  prior: string;
  /** Whose signature the prior is: "the seed" or "message N". */
  priorFrom: string;
  provided: string;
  expected?: string;
  /** Whether the signature verifies; `undefined` without the secret. */
  valid?: boolean;
  /** The first message whose signature breaks the chain. */
  firstBreak: boolean;
  /** Why it does not verify, when the engine can say. */
  why?: string;
  /** Shown: the message is signed on another message's signature (one missing, or out of order). */
  signedOn?: string;
}

/** Everything the page shows. */
export interface EventsView {
  verdict: 'valid' | 'broken' | 'unknown' | 'unreadable';
  summary: string;
  problems: SpotProblem[];
  encoding?: 'hex' | 'base64';
  messages: MessageView[];
  /** The key chain of the first message's scope. */
  scope?: string;
  keyChain: KeyChainStep[];
}

const STS_LABELS = [
  'algorithm',
  'message date',
  'credential scope',
  'prior signature',
  'SHA-256 of the :date header',
  'SHA-256 of the payload',
];

const SHOWN = 512;

function headerValue(v: EventHeaderValue): string {
  switch (v.type) {
    case 'timestamp': {
      const time = new Date(Number(v.value));
      return `${v.value} ms${Number.isNaN(time.getTime()) ? '' : ` (${time.toISOString()})`}`;
    }
    case 'bytes':
      return toHex(v.value);
    default:
      return String(v.value);
  }
}

function decoded(m: ReadMessage): DecodedMessage {
  const p = m.payload;
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(p.subarray(0, SHOWN));
  } catch {
    // A fatal decode is the test for printable text: bytes that are not UTF-8 are shown as hex instead.
    text = undefined;
  }
  const printable = text !== undefined && [...text].every((c) => c >= ' ' || '\t\n\r'.includes(c));
  const more = p.length > SHOWN ? ` … (${p.length - SHOWN} more bytes)` : '';
  return {
    headers: m.headers.map((h) => ({ name: h.name, type: h.value.type, value: headerValue(h.value) })),
    payloadLength: p.length,
    payload: p.length === 0 ? '' : (printable ? text! : toHex(p.subarray(0, SHOWN))) + more,
    payloadIs: p.length === 0 ? 'empty' : printable ? 'text' : 'hex',
  };
}

/** The inner message of a payload, when the whole payload reads as exactly one message. */
function innerOf(payload: Uint8Array): DecodedMessage | undefined {
  if (payload.length < 16) return undefined;
  const read = readMessages(payload);
  if (read.problems.length > 0 || read.messages.length !== 1) return undefined;
  return decoded(read.messages[0]!);
}

/** The seed as hex: the box's text, or the `Signature=` of an Authorization header or request pasted there. */
export function seedOf(text: string): string {
  return /Signature=([0-9a-f]{64})\b/i.exec(text)?.[1] ?? text.trim();
}

function inputProblems(input: EventsViewInput): SpotProblem[] {
  const out: SpotProblem[] = [];
  const seed = seedOf(input.seed);
  if (seed !== '' && (fromHex(seed) === undefined || seed.length !== 64))
    out.push(
      spot(
        problem(
          'seed-signature',
          "The seed is the opening request's signature: 64 hex digits (empty only when a client starts with none).",
          { start: 0, end: input.seed.length },
        ),
        'Seed signature',
        input.seed,
      ),
    );
  if (input.region.trim() === '')
    out.push(spot(problem('region', 'Give the region the stream was opened in.'), 'Region'));
  if (input.service.trim() === '')
    out.push(spot(problem('service', 'Give the service the stream signs for.'), 'Service'));
  return out;
}

/** For a message that fails: the other message whose signature it is signed on, if one reproduces it. */
function otherPrior(
  m: ReadMessage,
  bytes: Uint8Array,
  input: EventsViewInput,
  amzDate: string,
  provided: string,
  all: { index: number; provided: string }[],
): string | undefined {
  const date = m.headers.find((h) => h.name === ':date');
  if (!date) return undefined;
  return signedOn(
    {
      secretAccessKey: input.secretAccessKey,
      region: input.region.trim(),
      service: input.service.trim(),
      amzDate,
      encodedDate: bytes.subarray(date.span.start, date.span.end),
      payload: m.payload,
      provided,
    },
    all
      .filter((o) => o.index !== m.index && o.index !== m.index - 1 && o.provided !== '')
      .map((o) => ({ name: `message ${o.index}`, signature: o.provided })),
  );
}

function summaryOf(
  messages: MessageView[],
  secretGiven: boolean,
  problems: SpotProblem[],
): Pick<EventsView, 'verdict' | 'summary'> {
  if (messages.length === 0)
    return { verdict: 'unreadable', summary: 'No message could be read: see the problem marked below.' };
  const broken = messages.find((m) => m.firstBreak);
  if (broken)
    return {
      verdict: 'broken',
      summary: [broken.why ?? `The chain breaks at message ${broken.index}.`, broken.signedOn ?? '']
        .join(' ')
        .trim(),
    };
  const n = messages.length === 1 ? 'The message' : `${messages.length} messages`;
  const cut = problems.find((p) => p.severity === 'error' && p.where === 'Messages');
  if (cut) return { verdict: 'broken', summary: `${n} read, then: ${cut.message}` };
  if (!secretGiven)
    return { verdict: 'unknown', summary: `${n} read; give the secret access key to verify the signatures.` };
  return {
    verdict: 'valid',
    summary:
      messages.length === 1
        ? 'The signature verifies on the seed.'
        : `All ${messages.length} signatures verify, each chained on the one before it.`,
  };
}

/** The page's view of pasted event-stream frames. */
export function eventsView(input: EventsViewInput): EventsView {
  const problems = inputProblems(input);
  const where = 'Messages';
  const frames = decodeFrames(input.frames);
  if (!frames.ok) {
    problems.unshift(...frames.problems.map((p) => spot(p, where, input.frames)));
    return { ...summaryOf([], false, problems), problems: bySeverity(problems), messages: [], keyChain: [] };
  }
  const read = readMessages(frames.value.bytes);
  const secret = input.secretAccessKey;
  const region = input.region.trim();
  const service = input.service.trim();
  const v = verifyEventStream({
    frames: input.frames,
    seedSignature: seedOf(input.seed),
    secretAccessKey: secret,
    region,
    service,
  });
  const d = v.ok ? v.value.trace.details : undefined;
  // The engine's notes (frame and header problems) are already placed in the pasted text.
  problems.unshift(...v.problems.map((p) => spot(p, where, input.frames)));
  const messages: MessageView[] = read.messages.map((m, i) => {
    const check = d?.events[i];
    const inner = innerOf(m.payload);
    const found = d?.firstBreak?.index === m.index ? d.firstBreak.problem : undefined;
    // Without the secret every signature "fails": only a break that needs no key (no :date, unsigned) is shown.
    const brk = found && (secret !== '' || found.kind !== 'event-signature') ? found : undefined;
    const verdictKnown = secret !== '' && check !== undefined && check.stringToSign !== '';
    const other =
      verdictKnown && !check.valid && check.amzDate
        ? otherPrior(m, frames.value.bytes, input, check.amzDate, check.provided, d?.events ?? [])
        : undefined;
    return {
      index: m.index,
      byteLength: m.span.end - m.span.start,
      ...decoded(m),
      ...(inner ? { inner } : {}),
      ...(check?.amzDate ? { amzDate: check.amzDate } : {}),
      stringToSign: check?.stringToSign
        ? check.stringToSign.split('\n').map((text, j) => ({ label: STS_LABELS[j] ?? '', text }))
        : [],
      prior: check?.prior ?? '',
      priorFrom: i === 0 ? 'the seed' : `message ${m.index - 1}`,
      provided: check?.provided ?? '',
      ...(verdictKnown ? { expected: check.expected, valid: check.valid } : {}),
      firstBreak: brk !== undefined,
      ...(brk ? { why: brk.message } : {}),
      ...(other
        ? {
            signedOn: `Shown: it is signed on ${other}'s signature, not on the one before it: a message is missing or out of order.`,
          }
        : {}),
    };
  });
  const first = messages.find((m) => m.amzDate);
  const scope = first?.amzDate && region && service ? scopeOf(first.amzDate, region, service) : undefined;
  return {
    ...summaryOf(messages, secret !== '', problems),
    problems: bySeverity(problems),
    encoding: frames.value.encoding,
    messages,
    ...(scope ? { scope: renderScope(scope) } : {}),
    keyChain: scope && secret !== '' ? deriveSigningKey(secret, scope).chain : [],
  };
}
