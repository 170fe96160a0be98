/**
 * Verifying an aws-chunked upload as S3 does: the seed request first, then each chunk's signature on the
 * previous one, then the trailer. Every link is judged on the signature the client sent before it, so the first
 * break is found and the links after it are still judged; for a break, the usual client mistakes are tried (a
 * chain not carried on, line breaks hashed with the data) and the one that reproduces the signature is named.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

import { fromHex, hmacWithKey, sha256Hex, sha256HexNow, timingSafeEqual, toBytes, toHex } from '../crypto';
import { bodyBytesOf, findHeader, type HttpRequest } from '../request/model';
import type { SchemeVerification } from '../trace';
import { fail, ok, problem, type Problem, type Result, type Span } from '../types';
import { renderScope, deriveSigningKey } from '../v4/signing-key';
import { S3_SETTINGS } from '../v4/settings';
import { verifyV4 } from '../v4/verify';
import type { P256PublicKey } from '../v4a/p256';
import { V4A_S3_SETTINGS, type SigV4aSettings } from '../v4a/settings';
import { ALGORITHM_V4A } from '../v4a/string-to-sign';
import { verifyV4a } from '../v4a/verify';
import { readAwsChunked, type ReadChunk } from './aws-chunked';
import { bodySpanMapper, type ToPaste } from './body-spans';
import { payloadChecksum } from './trailer-checksum';
import { hashSlices, verifyV4aLink } from './chain';
import {
  canonicalTrailers,
  chunkStringToSign,
  trailerStringToSign,
  type ChainContext,
} from './chunk-string-to-sign';
import { MIN_CHUNK_SIZE, streamingModeOf, trimV4aSignature, type StreamingMode } from './payload-mode';
import { chainStages, STREAMING_DOC } from './stages';

/** A signed aws-chunked request and what to check it with. */
export interface VerifyChunkedInput {
  /** The request as sent: headers, and the aws-chunked body (its `bodyBytes` when binary). */
  request: HttpRequest;
  secretAccessKey?: string;
  accessKeyId?: string;
  /** SigV4A: a pasted public key instead of the secret. */
  publicKey?: string;
  settings?: Partial<SigV4aSettings>;
}

/** One chunk as checked. */
export interface ChunkCheck {
  index: number;
  size: number;
  sizeHex: string;
  /** The chunk's header line in the paste. */
  span: Span;
  dataSha256: string;
  /** The previous signature this chunk was judged on (the one the client sent). */
  previous: string;
  stringToSign: string;
  /** The signature sent, unpadded; `''` for an unsigned chunk. */
  provided: string;
  /** What the signature should be (SigV4 only: ECDSA is checked, not recomputed). */
  expected?: string;
  valid: boolean;
}

/** Where the chain first breaks, and why. */
export interface ChainBreak {
  at: 'seed' | 'chunk' | 'trailer' | 'framing';
  index?: number;
  problem: Problem;
}

/** What the chunked verification carries besides the common shape. */
export interface ChunkedVerifyDetails {
  mode: StreamingMode;
  seedMatch: boolean;
  context: ChainContext;
  chunks: ChunkCheck[];
  trailer?: {
    canonical: string;
    stringToSign?: string;
    provided?: string;
    expected?: string;
    valid: boolean;
  };
  firstBreak?: ChainBreak;
  decodedLength: number;
}

type LinkKey =
  { algorithm: 'sigv4'; sign: (sts: string) => string } | { algorithm: 'sigv4a'; publicKey: P256PublicKey };

function linkValid(key: LinkKey, sts: string, provided: string): { valid: boolean; expected?: string } {
  if (key.algorithm === 'sigv4') {
    const expected = key.sign(sts);
    return { valid: timingSafeEqual(expected, provided.toLowerCase()), expected };
  }
  return { valid: verifyV4aLink(key.publicKey, sts, provided, fromHex(provided)) };
}

/** The client mistakes tried on a broken chunk, each a different string to sign. */
function explainChunk(
  key: LinkKey,
  ctx: ChainContext,
  check: ChunkCheck,
  seed: string,
  frame: Uint8Array,
  data: Uint8Array,
  expectedPrevious: string | undefined,
  span: Span,
): Problem {
  const tries: [string, () => string][] = [];
  if (expectedPrevious !== undefined && expectedPrevious !== check.previous) {
    tries.push([
      `chunk ${check.index} is signed on the previous signature the server expects, not on the one sent before it`,
      () => chunkStringToSign(ctx, expectedPrevious, check.dataSha256),
    ]);
  }
  if (check.index > 1) {
    tries.push([
      `chunk ${check.index} is signed on the seed signature, not on chunk ${check.index - 1}'s: the client did not carry the chain on`,
      () => chunkStringToSign(ctx, seed, check.dataSha256),
    ]);
  }
  tries.push(
    [
      `chunk ${check.index}'s signature covers its data with the line break after it: the client hashed the framing`,
      () => chunkStringToSign(ctx, check.previous, sha256HexNow(concat(data, toBytes('\r\n')))),
    ],
    [
      `chunk ${check.index}'s signature covers the whole frame (size line and data): the client hashed the encoded chunk`,
      () => chunkStringToSign(ctx, check.previous, sha256HexNow(frame)),
    ],
  );
  for (const [why, sts] of tries) {
    if (linkValid(key, sts(), check.provided).valid) {
      return problem('chunk-signature', `The chain breaks at chunk ${check.index}: ${why}.`, span, {
        hint: 'Shown: this string to sign reproduces the signature sent.',
      });
    }
  }
  return problem(
    'chunk-signature',
    `The chain breaks at chunk ${check.index}: its signature does not sign these ${check.size} bytes (SHA-256 ${check.dataSha256}) on the previous signature.`,
    span,
    {
      hint: "The seed's key and scope sign the chunks, so the bytes differ from what was signed: the body was changed, re-chunked or transformed (compressed, re-encoded) after signing.",
    },
  );
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Reads the seed's verdict and the key that signs the chain. */
async function verifySeed(input: VerifyChunkedInput, v4a: boolean) {
  if (v4a) {
    const r = await verifyV4a({
      request: input.request,
      ...(input.secretAccessKey !== undefined ? { secretAccessKey: input.secretAccessKey } : {}),
      ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
      ...(input.publicKey !== undefined ? { publicKey: input.publicKey } : {}),
      settings: { ...V4A_S3_SETTINGS, ...input.settings },
    });
    if (!r.ok) return fail<never>(r.problems);
    const d = r.value.trace.details!;
    const scope = d.stages.stringToSign.credentialScope;
    return ok({
      match: r.value.match,
      provided: trimV4aSignature(r.value.provided),
      span: r.value.providedSpan,
      amzDate: d.stages.stringToSign.requestDateTime,
      scope,
      key: { algorithm: 'sigv4a', publicKey: d.publicKey } as LinkKey,
      notes: r.value.notes,
    });
  }
  if (input.secretAccessKey === undefined) {
    return fail<never>([problem('no-key', 'Give the secret access key to check a SigV4 upload with.')]);
  }
  const secret = input.secretAccessKey;
  const r = await verifyV4({
    request: input.request,
    secretAccessKey: secret,
    ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
    settings: { ...S3_SETTINGS, ...input.settings },
  });
  if (!r.ok) return fail<never>(r.problems);
  const scope = r.value.provided.credential.scope;
  const signingKey = deriveSigningKey(secret, scope).key;
  return ok({
    match: r.value.match,
    provided: r.value.provided.signature.toLowerCase(),
    span: r.value.provided.signatureSpan,
    amzDate: r.value.amzDate,
    scope: renderScope(scope),
    key: { algorithm: 'sigv4', sign: (sts: string) => toHex(hmacWithKey(signingKey, sts)) } as LinkKey,
    notes: r.value.notes,
  });
}

/** Checks a signed aws-chunked upload link by link and says where the chain first breaks, and why. */
export async function verifyChunked(
  input: VerifyChunkedInput,
): Promise<Result<SchemeVerification<ChunkedVerifyDetails>>> {
  const { request } = input;
  const literalHeader = findHeader(request, 'x-amz-content-sha256');
  const mode = literalHeader ? streamingModeOf(literalHeader.value) : undefined;
  if (!mode) {
    return fail([
      problem(
        'not-streaming',
        `An aws-chunked upload says so in x-amz-content-sha256 (STREAMING-AWS4-HMAC-SHA256-PAYLOAD and its kin); this request has ${literalHeader ? `"${literalHeader.value}"` : 'none'}.`,
        literalHeader?.valueSpan ?? request.targetSpan,
      ),
    ]);
  }
  const auth = findHeader(request, 'authorization');
  const v4a = mode.algorithm === 'sigv4a' || (auth?.value.trim().startsWith(ALGORITHM_V4A) ?? false);
  const seed = await verifySeed(input, v4a);
  if (!seed.ok) return fail(seed.problems);
  const s = seed.value;
  const notes: Problem[] = [...s.notes];
  const ctx: ChainContext = { algorithm: v4a ? 'sigv4a' : 'sigv4', amzDate: s.amzDate, scope: s.scope };

  const bytes = toBytes(bodyBytesOf(request));
  const toPaste: ToPaste = bodySpanMapper(
    request.body,
    request.bodySpan.start,
    request.bodyBytes !== undefined,
  );
  const read = readAwsChunked(bytes);
  notes.push(...read.problems.map((p) => (p.span ? { ...p, span: toPaste(p.span) } : p)));
  if (read.bareLineFeeds) {
    notes.push(
      problem(
        'bare-line-feed',
        'The body breaks lines with LF alone; aws-chunked uses CRLF, and the sizes count bytes as sent.',
        toPaste({ start: 0, end: 0 }),
        {
          severity: 'warning',
          hint: 'Pasting often drops the CRs: load the body from a file to check it byte for byte.',
        },
      ),
    );
  }
  let firstBreak: ChainBreak | undefined = s.match
    ? undefined
    : {
        at: 'seed',
        problem: problem(
          'seed-signature',
          'The seed signature (the request itself) does not verify, so S3 rejects the upload before any chunk.',
          s.span,
        ),
      };
  const framing = read.problems.find((p) => p.severity === 'error');
  const checks: ChunkCheck[] = [];
  let previous = s.provided;
  let expectedPrevious: string | undefined = s.match ? s.provided : undefined;
  let allChunksChain = true;
  const hashes = await hashSlices(
    bytes,
    read.chunks.map((c) => c.data),
  );
  for (const chunk of read.chunks) {
    const data = bytes.subarray(chunk.data.start, chunk.data.end);
    const dataSha256 = hashes[chunk.index - 1]!;
    const span = toPaste(chunk.header);
    const provided =
      chunk.signature === undefined ? '' : v4a ? trimV4aSignature(chunk.signature) : chunk.signature;
    const check: ChunkCheck = {
      index: chunk.index,
      size: chunk.size,
      sizeHex: chunk.sizeHex,
      span,
      dataSha256,
      previous,
      stringToSign: '',
      provided,
      valid: !mode.signedChunks,
    };
    if (mode.signedChunks) {
      check.stringToSign = chunkStringToSign(ctx, previous, dataSha256);
      if (chunk.signature === undefined) {
        notes.push(
          problem(
            'chunk-unsigned',
            `Chunk ${chunk.index} carries no ;chunk-signature=, but ${mode.literal} signs every chunk.`,
            span,
          ),
        );
      } else {
        const judged = linkValid(s.key, check.stringToSign, provided);
        check.valid = judged.valid;
        if (judged.expected) check.expected = judged.expected;
      }
      if (!check.valid) {
        allChunksChain = false;
        if (!firstBreak) {
          const frame = bytes.subarray(chunk.header.start, chunk.data.end);
          firstBreak = {
            at: 'chunk',
            index: chunk.index,
            problem:
              chunk.signature === undefined
                ? notes[notes.length - 1]!
                : explainChunk(
                    s.key,
                    ctx,
                    check,
                    s.provided,
                    frame,
                    data,
                    expectedPrevious,
                    chunk.signatureSpan ? toPaste(chunk.signatureSpan) : span,
                  ),
          };
        }
      }
      expectedPrevious = check.valid && expectedPrevious !== undefined ? provided : undefined;
      previous = provided;
    } else if (chunk.signature !== undefined) {
      notes.push(
        problem(
          'chunk-signed',
          `Chunk ${chunk.index} carries a signature, but ${mode.literal} leaves chunks unsigned.`,
          span,
          { severity: 'warning' },
        ),
      );
    }
    checks.push(check);
  }
  if (firstBreak?.at === 'seed' && allChunksChain && checks.length > 0 && mode.signedChunks) {
    firstBreak.problem = {
      ...firstBreak.problem,
      hint: 'Shown: every chunk signs correctly on the seed signature sent, so the key and scope are right and the fault is in the seed request (its canonical request), not in the chunks.',
    };
  }
  if (!firstBreak && framing)
    firstBreak = { at: 'framing', problem: notes.find((n) => n.kind === framing.kind)! };
  checkLengths(request, read.chunks, bytes.length, notes, toPaste);

  let trailer: ChunkedVerifyDetails['trailer'];
  if (mode.trailer)
    trailer = await checkTrailer(
      request,
      read,
      mode,
      ctx,
      s.key,
      previous,
      decodedPayload(bytes, read.chunks),
      notes,
      toPaste,
      (b) => (firstBreak ??= b),
    );
  const decodedLength = read.chunks.reduce((n, c) => n + c.size, 0);
  const match = s.match && checks.every((c) => c.valid) && (trailer?.valid ?? true) && !framing;
  const details: ChunkedVerifyDetails = {
    mode,
    seedMatch: s.match,
    context: ctx,
    chunks: checks,
    ...(trailer ? { trailer } : {}),
    ...(firstBreak ? { firstBreak } : {}),
    decodedLength,
  };
  const stages = chainStages({
    mode,
    chunks: checks.map((c) => ({
      index: c.index,
      size: c.size,
      offset: 0,
      dataSha256: c.dataSha256,
      previous: c.previous,
      stringToSign: c.stringToSign,
      signature: c.provided,
      wire: c.provided,
    })),
    ...(trailer ? { trailer } : {}),
  });
  stages.push({
    id: 'verification',
    title: 'Verification',
    rule: 'The seed first, then each chunk on the signature sent before it, then the trailer; the first link that fails is where S3 stops.',
    docUrl: STREAMING_DOC,
    text: match ? 'valid' : (firstBreak?.problem.message ?? 'invalid'),
    lines: checks.map((c) => ({
      label: c.valid ? 'valid' : 'invalid',
      name: String(c.index),
      text: `chunk ${c.index}: ${c.valid ? 'valid' : 'invalid'}`,
      sources: [c.span],
    })),
  });
  return ok(
    {
      match,
      provided: s.provided,
      providedSpan: s.span,
      trace: {
        scheme: v4a ? 'sigv4a' : 'sigv4-s3',
        mode: 'chunked',
        stages,
        signature: s.provided,
        signatureEncoding: 'hex',
        added: { headers: [], query: [] },
        signedRequest: request.source,
        notes,
        details,
      },
      notes,
    },
    notes,
  );
}

/** The decoded payload: the chunks' data joined. */
function decodedPayload(bytes: Uint8Array, chunks: readonly ReadChunk[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.data.end - c.data.start, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(bytes.subarray(c.data.start, c.data.end), at);
    at += c.data.end - c.data.start;
  }
  return out;
}

/** Checks x-amz-decoded-content-length and Content-Length against the body as read. */
function checkLengths(
  request: HttpRequest,
  chunks: readonly ReadChunk[],
  bodyLength: number,
  notes: Problem[],
  toPaste: ToPaste,
): void {
  const decoded = findHeader(request, 'x-amz-decoded-content-length');
  const sum = chunks.reduce((n, c) => n + c.size, 0);
  if (!decoded) {
    notes.push(
      problem(
        'no-decoded-length',
        'An aws-chunked upload sends x-amz-decoded-content-length, the size of the object itself.',
        request.targetSpan,
        { severity: 'warning' },
      ),
    );
  } else if (Number(decoded.value) !== sum) {
    notes.push(
      problem(
        'decoded-length',
        `x-amz-decoded-content-length says ${decoded.value} but the chunks hold ${sum} bytes.`,
        decoded.valueSpan,
      ),
    );
  }
  const length = findHeader(request, 'content-length');
  if (length && Number(length.value) !== bodyLength) {
    notes.push(
      problem(
        'content-length',
        `Content-Length says ${length.value} but the encoded body is ${bodyLength} bytes.`,
        length.valueSpan,
        {
          severity: 'warning',
          hint: 'Content-Length counts the aws-chunked encoding: sizes, signatures and line breaks too.',
        },
      ),
    );
  }
  for (const c of chunks.slice(0, -2)) {
    if (c.size < MIN_CHUNK_SIZE) {
      notes.push(
        problem(
          'chunk-too-small',
          `Chunk ${c.index} has ${c.size} bytes; S3 wants at least ${MIN_CHUNK_SIZE} in every chunk but the last.`,
          toPaste(c.header),
          { severity: 'warning' },
        ),
      );
      break;
    }
  }
}

/** Checks the trailing headers against x-amz-trailer, and the trailer signature. */
async function checkTrailer(
  request: HttpRequest,
  read: ReturnType<typeof readAwsChunked>,
  mode: StreamingMode,
  ctx: ChainContext,
  key: LinkKey,
  previous: string,
  payload: Uint8Array,
  notes: Problem[],
  toPaste: ToPaste,
  onBreak: (b: ChainBreak) => void,
): Promise<NonNullable<ChunkedVerifyDetails['trailer']>> {
  const declared = findHeader(request, 'x-amz-trailer');
  const names = (declared?.value ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const sent = read.trailers.map((t) => t.name.toLowerCase());
  for (const name of names) {
    if (!sent.includes(name))
      notes.push(
        problem(
          'trailer-missing',
          `x-amz-trailer names ${name}, but no such trailing header follows the final chunk.`,
          declared!.valueSpan,
        ),
      );
  }
  for (const t of read.trailers) {
    if (!names.includes(t.name.toLowerCase()))
      notes.push(
        problem(
          'trailer-undeclared',
          `The trailing header ${t.name} is not named in x-amz-trailer.`,
          toPaste(t.span),
          { severity: 'warning' },
        ),
      );
  }
  for (const t of read.trailers) {
    const computed = await payloadChecksum(t.name.toLowerCase(), payload);
    if (computed !== undefined && computed !== t.value) {
      notes.push(
        problem(
          'trailer-checksum',
          `${t.name} is ${t.value}, but the chunks' data has ${computed}: the data is not what the client checksummed.`,
          toPaste(t.span),
        ),
      );
    }
  }
  const canonical = canonicalTrailers(read.trailers.map((t) => ({ name: t.name, value: t.value })));
  if (!mode.signedTrailer) return { canonical, valid: true };
  const stringToSign = trailerStringToSign(ctx, previous, await sha256Hex(canonical));
  if (!read.trailerSignature) {
    const p = problem(
      'trailer-unsigned',
      `${mode.literal} signs the trailer, but no x-amz-trailer-signature follows the trailing headers.`,
      toPaste({ start: read.chunks.at(-1)?.data.end ?? 0, end: read.chunks.at(-1)?.data.end ?? 0 }),
    );
    notes.push(p);
    onBreak({ at: 'trailer', problem: p });
    return { canonical, stringToSign, valid: false };
  }
  const provided =
    ctx.algorithm === 'sigv4a' ? trimV4aSignature(read.trailerSignature.value) : read.trailerSignature.value;
  const judged = linkValid(key, stringToSign, provided);
  if (!judged.valid) {
    onBreak({
      at: 'trailer',
      problem: problem(
        'trailer-signature',
        `The trailer signature does not sign these trailing headers on the final chunk's signature.`,
        toPaste(read.trailerSignature.span),
        {
          hint: 'The trailer signs the canonical trailers (name:value\\n, lower-case names, sorted): a trailing header changed after signing, or the client chained on another signature.',
        },
      ),
    });
  }
  return {
    canonical,
    stringToSign,
    provided,
    ...(judged.expected ? { expected: judged.expected } : {}),
    valid: judged.valid,
  };
}
