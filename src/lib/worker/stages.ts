/**
 * Phase one of a recompute: read what was pasted, sign or verify it, read the server's reply and the client's log,
 * line the three sides up and diff them. Plain async code with no DOM: the worker runs it, and so does the page
 * itself for a small paste, so that the stages are on screen in the frame that shows the keystroke.
 */

import { compareTexts } from '../diff/compare';
import type { Side } from '../diagnose/types';
import { signText, verifyText } from '../sig';
import type { ClientLog } from '../sig/client-log/types';
import { percentDecodeText } from '../sig/encoding';
import {
  detectScheme,
  findAnyScheme,
  findScheme,
  type AnySchemeId,
  type Scheme,
  type SchemeId,
} from '../sig/registry';
import { parseHttpRequest } from '../sig/request/http';
import { sameName, type HttpRequest } from '../sig/request/model';
import { parseQueryString } from '../sig/request/query';
import type { ServerError } from '../sig/server-error/types';
import type { SignatureStages } from '../sig/registry-sigv4';
import type { SigV4Settings } from '../sig/registry-settings';
import { parseAmzDate } from '../sig/registry-sigv4';
import { readClientLog, readRequest, readServerErrors } from './adapters';
import { detect } from './detect';
import type {
  CanonicalLineView,
  DiffPart,
  DiffView,
  GivenStagesView,
  InputProblem,
  Located,
  PresignedView,
  RunInput,
  RunOutput,
  Seen,
  SideName,
  StagesView,
  TraceView,
  VerdictView,
} from './protocol';
import { verifyPastedChain } from './chunked';
import { settingsFor, signWithScheme, verifyWithScheme } from './scheme-trace';
import { identityMapper, lineMapper, requestProblem, type SpanMapper } from './span-map';

/** The signed request is shown up to this many characters; a large body is cut. */
export const SIGNED_REQUEST_LIMIT = 16_000;

const FORM_NAMES = {
  http: 'raw HTTP request',
  'curl-verbose': 'curl -v output',
  curl: 'curl command',
  har: 'HAR (browser network export)',
  url: 'URL',
} as const;

const STS_LABELS = ['Algorithm', 'Request date', 'Credential scope', 'Hash of the canonical request'];

function stagesView(stages: SignatureStages, map: SpanMapper, hasSecret: boolean): StagesView {
  const view: StagesView = {
    canonicalLines: stages.canonicalRequestLines.map((l) => ({
      part: l.part,
      text: l.text,
      ...(l.name ? { name: l.name } : {}),
      sources: map(l.sources),
    })),
    canonicalRequest: stages.canonicalRequestText,
    canonicalRequestHash: stages.canonicalRequestHash,
    stringToSign: stages.stringToSignText,
    stringToSignLines: stages.stringToSignText
      .split('\n')
      .map((text, i) => ({ label: STS_LABELS[i] ?? '', text })),
    keyChain: hasSecret ? stages.keyChain : [],
    credential: '',
    amzDate: stages.stringToSign.requestDateTime,
    signedHeaders: stages.canonicalRequest.signedHeaders,
    unsignedHeaders: [],
  };
  if (hasSecret) {
    view.signingKey = stages.signingKey;
    view.signature = stages.signature;
  }
  return view;
}

function cutSignedRequest(view: StagesView, text: string): void {
  if (text.length <= SIGNED_REQUEST_LIMIT) view.signedRequest = text;
  else {
    view.signedRequest = text.slice(0, SIGNED_REQUEST_LIMIT);
    view.signedRequestCut = text.length - SIGNED_REQUEST_LIMIT;
  }
}

function presignedView(
  request: HttpRequest | undefined,
  url: string | undefined,
  now: Date,
): PresignedView | undefined {
  let query: string | null | undefined = request?.query;
  if (url !== undefined) query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : null;
  if (!query) return undefined;
  const params = parseQueryString(query)
    .filter((p) => /^x-amz-/i.test(p.name))
    .map((p) => ({ name: p.name, value: percentDecodeText(p.value ?? '') }));
  const get = (name: string) => params.find((p) => sameName(p.name, name))?.value;
  const signed = parseAmzDate(get('X-Amz-Date') ?? '');
  if (!signed) return params.length ? { params, signedAt: '' } : undefined;
  const view: PresignedView = { params, signedAt: signed.toISOString() };
  const expires = Number(get('X-Amz-Expires'));
  if (get('X-Amz-Expires') !== undefined && Number.isFinite(expires)) {
    const at = signed.getTime() + expires * 1000;
    view.expiresIn = expires;
    view.expiresAt = new Date(at).toISOString();
    view.remaining = Math.round((at - now.getTime()) / 1000);
  }
  return view;
}

/** Reads a time typed as ISO 8601 or as `YYYYMMDDTHHMMSSZ`. */
export function readTime(text: string): Date | undefined {
  const amz = parseAmzDate(text);
  if (amz) return amz;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim()))
    return undefined;
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

const trimEnd = (text: string) => text.replace(/\s+$/, '');

/** A client log that is just a canonical request or a string to sign, pasted bare. */
function bareClientSide(text: string): Side | undefined {
  const t = trimEnd(text.replace(/\r\n/g, '\n')).replace(/^\s*\n/, '');
  if (t === '') return undefined;
  const lines = t.split('\n');
  if (/^AWS4-HMAC-SHA256$/.test(lines[0]!) && lines.length === 4) return { stringToSign: t };
  if (/^[A-Z]+$/.test(lines[0]!) && lines.length >= 6 && (lines[1] ?? '').startsWith('/'))
    return { canonicalRequest: t };
  return undefined;
}

function serverSide(errors: ServerError[]): Side | undefined {
  const e = errors.find((x) => x.canonicalRequest || x.stringToSign);
  if (!e) return undefined;
  const side: Side = {};
  if (e.canonicalRequest) side.canonicalRequest = e.canonicalRequest.text;
  if (e.stringToSign) side.stringToSign = e.stringToSign.text;
  if (e.signatureProvided) side.signature = e.signatureProvided;
  return side;
}

function clientSide(log: ClientLog | undefined): Side | undefined {
  if (!log) return undefined;
  const side: Side = {};
  if (log.canonicalRequest) side.canonicalRequest = trimEnd(log.canonicalRequest.text);
  if (log.stringToSign) side.stringToSign = trimEnd(log.stringToSign.text);
  if (log.signature) side.signature = log.signature.text.trim();
  return side.canonicalRequest || side.stringToSign ? side : undefined;
}

/** A canonical request given as text (by a server or a client log), each line labelled by where it stands. */
export function labelCanonicalLines(text: string): CanonicalLineView[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const n = lines.length;
  return lines.map((line, i): CanonicalLineView => {
    const part: CanonicalLineView['part'] =
      i === 0
        ? 'method'
        : i === 1
          ? 'path'
          : i === 2
            ? 'query'
            : i === n - 1
              ? 'payload-hash'
              : i === n - 2
                ? 'signed-headers'
                : i === n - 3 && line === ''
                  ? 'blank'
                  : 'header';
    const name = part === 'header' ? line.slice(0, Math.max(0, line.indexOf(':'))) : '';
    return { part, text: line, ...(name ? { name } : {}), sources: [] };
  });
}

/** What the server's or the client's side gives of the stages, for a session with no request. */
function givenStages(sides: RunOutput['sides']): GivenStagesView | undefined {
  const from = sides.server ? 'server' : sides.client ? 'client' : undefined;
  if (!from) return undefined;
  const side = sides[from]!;
  const given: GivenStagesView = { from };
  if (side.canonicalRequest) given.canonicalLines = labelCanonicalLines(side.canonicalRequest);
  if (side.stringToSign)
    given.stringToSignLines = side.stringToSign
      .split('\n')
      .map((text, i) => ({ label: STS_LABELS[i] ?? '', text }));
  if (side.signature) given.signature = side.signature;
  return given;
}

/** A paste that is not text (binary bytes): more than a few control characters, or a NUL. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  const control = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return sample.includes('\u0000') || control > Math.max(2, sample.length / 50);
}

const PAIRS: [SideName, SideName][] = [
  ['client', 'server'],
  ['ours', 'server'],
  ['client', 'ours'],
];

/** Every diff there is something to diff for: each pair of sides, canonical request and string to sign. */
export function buildDiffs(sides: RunOutput['sides']): DiffView[] {
  const out: DiffView[] = [];
  const parts: [DiffPart, keyof Side][] = [
    ['canonical-request', 'canonicalRequest'],
    ['string-to-sign', 'stringToSign'],
  ];
  for (const [left, right] of PAIRS) {
    if (left === 'client' && right === 'ours' && sides.server) continue;
    for (const [part, key] of parts) {
      const a = sides[left]?.[key];
      const b = sides[right]?.[key];
      if (a === undefined || b === undefined) continue;
      out.push({ id: `${part}:${left}-${right}`, part, left, right, comparison: compareTexts(a, b) });
    }
  }
  return out;
}

function verdictWithoutDiagnosis(
  out: RunOutput,
  action: 'sign' | 'verify',
  hasSecret: boolean,
  matched?: boolean,
): VerdictView {
  if (action === 'verify') {
    if (matched === undefined)
      return { verdict: 'unknown', reason: 'The signature could not be recomputed.' };
    if (!hasSecret)
      return { verdict: 'unknown', reason: 'Enter the secret access key to check the signature.' };
    return matched
      ? { verdict: 'match', reason: 'The signature on the request verifies with this secret.' }
      : { verdict: 'mismatch', reason: 'The signature on the request does not verify with this secret.' };
  }
  const sts = out.diffs.find((d) => d.part === 'string-to-sign' && d.left === 'ours' && d.right === 'server');
  if (sts) {
    return sts.comparison.identical
      ? { verdict: 'match', reason: 'Our string to sign is the one the server expected.' }
      : { verdict: 'mismatch', reason: 'Our string to sign differs from the one the server expected.' };
  }
  return {
    verdict: 'unknown',
    reason: 'Signing: paste the server’s reply or a signed request to have something to check against.',
  };
}

/** The verdict of a session with a reply or a log but no request: what they say, and what is missing. */
function withoutRequest(out: RunOutput): VerdictView {
  const code = out.servers.find((e) => e.code)?.code;
  if (code)
    return {
      verdict: 'unknown',
      reason: `The server answered ${code}. Without the request as sent, sigscope cannot yet tell which part differs.`,
    };
  return {
    verdict: 'unknown',
    reason: out.client
      ? 'The client log shows what was signed. Paste the request as sent (or the server’s reply) to check it.'
      : 'Paste the request as sent to check its signature.',
  };
}

/** Problems with the same message at the same spot, said once (readers and the signer both see a bad line). */
function onePerProblem(problems: InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.input}|${p.problem.message}|${p.problem.span?.start ?? ''}-${p.problem.span?.end ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A scheme trace's side for the diffs: its canonical request (SigV4A) and string to sign. */
function traceSide(trace: TraceView | undefined): Side | undefined {
  const text = (id: string) => trace?.stages.find((st) => st.id === id)?.text;
  const sts = text('string-to-sign');
  if (sts === undefined) return undefined;
  const canonical = text('canonical-request');
  return {
    ...(canonical !== undefined ? { canonicalRequest: canonical } : {}),
    stringToSign: sts,
    ...(trace!.signature && trace!.checkedBy === 'bytes' ? { signature: trace!.signature } : {}),
  };
}

/** Reads the signing-time override, saying so when it cannot be read. */
function signingTime(input: RunInput, found: { time?: unknown }, now: Date, problems: InputProblem[]) {
  const timeOverride = input.time ? readTime(input.time) : undefined;
  if (input.time && !timeOverride)
    problems.push({
      input: 'settings',
      problem: {
        kind: 'time',
        severity: 'error',
        message: `The signing time should read 2015-08-30T12:36:00Z or 20150830T123600Z; got "${input.time}".`,
      },
    });
  return timeOverride ?? (found.time ? undefined : now);
}

const timeField = (time: Date | undefined) => (time ? { time } : {});

/** A scheme that signs through the shared trace rather than SigV4's typed stages. */
const viaTrace = (id: string | undefined): Scheme | undefined =>
  id && !findScheme(id) ? findAnyScheme(id) : undefined;

/** The region set SigV4A signs for: as given, else the host's region, else every region. */
function regionSetOf(input: RunInput, region: Seen['region']): Located {
  if (input.regionSet?.trim()) return { value: input.regionSet.trim(), from: 'you' };
  return region
    ? { value: region.value, from: region.from }
    : { value: '*', from: 'the default: every region' };
}

/** Phase one: the stages, the sides and the diffs. */
export async function runStages(input: RunInput): Promise<RunOutput> {
  const t0 = performance.now();
  const now = new Date(input.now);
  const problems: InputProblem[] = [];
  const facts: string[] = [];

  // What was pasted.
  const pasted = readRequest(input.request);
  let http = input.request;
  let map: SpanMapper = identityMapper;
  let seenForm: Seen['form'];
  if (pasted.value) {
    http = pasted.value.http;
    seenForm = pasted.value.form;
    facts.push(FORM_NAMES[pasted.value.form] ?? pasted.value.form);
    if (http !== input.request) map = lineMapper(http, pasted.value.lineSources);
  } else if (input.request.trim() !== '') {
    facts.push(FORM_NAMES.http);
  }
  // An empty box is no fault: nothing is said about a request that was not pasted.
  if (input.request.trim() !== '') for (const p of pasted.problems) problems.push(requestProblem(map)(p));
  const hints = pasted.value?.hints ?? {};

  const blank = http.trim() === '';
  const parsed = blank ? undefined : parseHttpRequest(http);
  const request = parsed?.ok ? parsed.value : undefined;
  const found = detect(request, hints, seenForm);
  const detected = request ? detectScheme(request) : undefined;
  const chosen = input.scheme === 'auto' ? undefined : input.scheme;
  const scheme: AnySchemeId = chosen ?? found.scheme;
  // A request signed with SigV4A or a legacy scheme is checked under it, unless asked to sign it anew.
  const traced =
    input.action !== 'sign' && viaTrace(detected?.scheme)
      ? { scheme: viaTrace(detected!.scheme)!, reason: detected!.reason, action: 'verify' as const }
      : viaTrace(chosen)
        ? {
            scheme: viaTrace(chosen)!,
            reason: 'chosen by you',
            action: input.action === 'auto' ? found.action : input.action,
          }
        : undefined;
  const action = traced?.action ?? (input.action === 'auto' ? found.action : input.action);
  const location = input.location === 'auto' || action === 'verify' ? found.location : input.location;
  const seen: Seen = {
    ...(seenForm ? { form: seenForm } : {}),
    ...found,
    facts: blank ? ['nothing pasted yet'] : [...facts, ...found.facts],
    scheme,
    schemeReason: input.scheme === 'auto' ? found.schemeReason : 'chosen by you',
    action,
    actionReason: input.action === 'auto' ? found.actionReason : 'chosen by you',
    location,
    ...(http !== input.request ? { http } : {}),
  };

  const out: RunOutput = {
    seen,
    servers: [],
    sides: {},
    diffs: [],
    verdict: { verdict: 'unknown', reason: 'Paste a request to begin.' },
    findings: [],
    problems,
    explained: false,
    timings: { stagesMs: 0 },
  };

  const secret = input.secretAccessKey || hints.secretAccessKey || '';
  if (!input.secretAccessKey && hints.secretAccessKey)
    problems.push({
      input: 'request',
      problem: {
        kind: 'secret-from-paste',
        severity: 'note',
        message: 'The secret access key was read from the pasted command.',
      },
    });
  const hasSecret = secret !== '';
  const accessKeyId = input.accessKeyId || found.accessKeyId?.value || '';
  const sessionToken = input.sessionToken || hints.sessionToken || '';
  const runTrace = (t: NonNullable<typeof traced>) => {
    if (t.action === 'verify')
      return verifyWithScheme(t.scheme, t.reason, request!, { ...input, secret }, map, problems);
    const regionSet = regionSetOf(input, found.region);
    if (t.scheme.id === 'sigv4a') seen.regionSet = regionSet;
    return signWithScheme(
      t.scheme,
      request!,
      {
        input,
        secret,
        accessKeyId,
        mode: location,
        ...timeField(signingTime(input, found, now, problems)),
        regionSet: regionSet.value,
        sessionToken,
      },
      map,
      problems,
    );
  };
  let matched: boolean | undefined;
  const legacy = blank || !request || !traced ? undefined : await runTrace(traced);
  if (legacy) {
    out.trace = legacy;
    seen.scheme = traced!.scheme.id;
    seen.schemeReason = legacy.reason;
    seen.action = legacy.action;
    if (legacy.action === 'verify') {
      seen.actionReason = `the request carries a ${legacy.label} signature`;
      seen.facts.push(`signed with ${legacy.label}`);
      matched = legacy.valid;
    }
  }
  if (!blank && !traced) {
    const payloadHash = input.payloadHash ? { payloadHash: input.payloadHash.hex } : {};
    if (input.payloadHash) {
      problems.push({
        input: 'request',
        problem: {
          kind: 'payload-hash-file',
          severity: 'note',
          message: `The body is ${input.payloadHash.name} (${input.payloadHash.size.toLocaleString('en')} bytes); its SHA-256 was computed in slices and stands in for the body.`,
        },
      });
    }
    const settings = settingsFor(findScheme(scheme)!, input.settings) as Partial<SigV4Settings>;
    if (action === 'verify') {
      const verified = await verifyText({
        scheme: scheme as SchemeId,
        request: http,
        ...payloadHash,
        secretAccessKey: secret,
        ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
        settings,
      });
      for (const p of verified.problems) problems.push(requestProblem(map)(p));
      if (verified.ok) {
        const v = verified.value;
        matched = v.match;
        const stages = stagesView(v.stages, map, hasSecret);
        stages.credential = `${v.provided.credential.accessKeyId}/${v.stages.stringToSign.credentialScope}`;
        stages.amzDate = v.amzDate;
        out.stages = stages;
        out.provided = {
          mode: v.provided.mode,
          signature: v.provided.signature,
          credential: stages.credential,
          signedHeaders: v.provided.signedHeaders,
          signatureSources: map([v.provided.signatureSpan]),
        };
        if (v.provided.mode === 'query') {
          const presigned = presignedView(request, undefined, now);
          if (presigned) out.presigned = presigned;
        }
      }
    } else {
      const time = signingTime(input, found, now, problems);
      const signed = await signText({
        scheme: scheme as SchemeId,
        mode: location,
        request: http,
        ...payloadHash,
        credentials: {
          accessKeyId,
          secretAccessKey: secret,
          ...(sessionToken ? { sessionToken } : {}),
        },
        ...(input.region ? { region: input.region } : {}),
        ...(input.service ? { service: input.service } : {}),
        ...(time ? { time } : {}),
        ...(input.expires !== null ? { expires: input.expires } : {}),
        settings,
      });
      for (const p of signed.problems) problems.push(requestProblem(map)(p));
      if (signed.ok) {
        const trace = signed.value;
        const stages = stagesView(trace, map, hasSecret);
        stages.credential = trace.credential;
        stages.amzDate = trace.amzDate;
        stages.unsignedHeaders = trace.unsignedHeaders.map((u) => ({
          name: u.name,
          reason: u.reason,
          sources: u.span ? map([u.span]) : [],
        }));
        if (hasSecret) {
          if (trace.authorization) stages.authorization = trace.authorization;
          if (trace.url) stages.url = trace.url;
          cutSignedRequest(stages, trace.signedRequest);
        }
        if (!accessKeyId)
          problems.push({
            input: 'request',
            problem: {
              kind: 'no-access-key',
              severity: 'note',
              message: 'No access key ID given: the credential starts with an empty key.',
            },
          });
        out.stages = stages;
        if (trace.mode === 'query') {
          const presigned = presignedView(undefined, trace.url ?? '', now);
          if (presigned) out.presigned = presigned;
        }
      }
    }
    if (!hasSecret && out.stages)
      problems.push({
        input: 'request',
        problem: {
          kind: 'no-secret',
          severity: 'note',
          message: 'Enter the secret access key to see the key chain and the signature.',
        },
      });
  }

  // An aws-chunked body: every chunk's signature on the one before it.
  if (request && action === 'verify' && (out.stages || out.trace)) {
    const chain = await verifyPastedChain(request, { ...input, secret }, map, problems);
    if (chain) {
      out.chunked = chain;
      seen.facts.push(`aws-chunked body: ${chain.rows.length} chunks (${chain.literal})`);
    }
  }

  // The server's reply and the client's log.
  if (input.serverError.trim() !== '' && looksBinary(input.serverError)) {
    problems.push({
      input: 'serverError',
      problem: {
        kind: 'reply-not-text',
        severity: 'error',
        message:
          'This reply is not text: it holds binary bytes (control characters), not an error body. Paste the body as text, as the server or your SDK printed it.',
        span: { start: 0, end: Math.min(input.serverError.length, 64) },
      },
    });
  } else if (input.serverError.trim() !== '') {
    const servers = readServerErrors(input.serverError);
    out.servers = servers.value ?? [];
    for (const p of servers.problems) problems.push({ input: 'serverError', problem: p });
  }
  if (input.clientLog.trim() !== '') {
    const log = readClientLog(input.clientLog);
    if (log.value) out.client = log.value;
    for (const p of log.problems) problems.push({ input: 'clientLog', problem: p });
  }
  const ours: Side | undefined = out.stages
    ? {
        canonicalRequest: out.stages.canonicalRequest,
        stringToSign: out.stages.stringToSign,
        ...(out.stages.signature ? { signature: out.stages.signature } : {}),
      }
    : traceSide(out.trace);
  const server = serverSide(out.servers);
  const client =
    clientSide(out.client) ?? (input.clientLog.trim() ? bareClientSide(input.clientLog) : undefined);
  if (ours) out.sides.ours = ours;
  if (server) out.sides.server = server;
  if (client) out.sides.client = client;
  out.diffs = buildDiffs(out.sides);
  if (!out.stages) {
    const given = givenStages(out.sides);
    if (given) out.given = given;
  }
  if (legacy) out.verdict = verdictWithoutDiagnosis(out, legacy.action, legacy.valid !== undefined, matched);
  else if (!blank && !out.stages) {
    // Read, but not as a request that can be signed: say so once, and let the problems point at the spot.
    seen.facts = ['not a request sigscope can read'];
    out.verdict = {
      verdict: 'unknown',
      reason:
        'This is not a request sigscope can read: the problem under the request box points at the spot.',
    };
  } else if (!blank) out.verdict = verdictWithoutDiagnosis(out, action, hasSecret, matched);
  else if (out.servers.length || out.client) out.verdict = withoutRequest(out);
  if (out.chunked && !out.chunked.valid && out.verdict.verdict === 'match') {
    out.verdict = {
      verdict: 'mismatch',
      reason: `The seed signature verifies, but the upload does not: ${out.chunked.firstBreak?.message ?? 'a chunk does not verify.'}`,
    };
  } else if (out.chunked?.valid && out.verdict.verdict === 'match') {
    out.verdict = { ...out.verdict, reason: `${out.verdict.reason} Every chunk of the upload chains on it.` };
  }
  out.problems = onePerProblem(problems);
  if (
    out.verdict.verdict === 'match' &&
    out.presigned?.remaining !== undefined &&
    out.presigned.remaining < 0
  ) {
    out.verdict = {
      ...out.verdict,
      reason: `${out.verdict.reason} But the URL has expired: the server refuses it.`,
    };
  }
  out.timings.stagesMs = performance.now() - t0;
  return out;
}
