/**
 * Signing an upload in aws-chunked encoding: the seed request (SigV4 or SigV4A, with the streaming literal in
 * x-amz-content-sha256, Content-Encoding aws-chunked, x-amz-decoded-content-length and the encoded
 * Content-Length), then each chunk chained on the previous signature, then the trailer when there is one.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
 */

import { sha256Hex, toBytes } from '../crypto';
import { findHeader, type HttpRequest } from '../request/model';
import type { SchemeCredentials, SchemeTrace, TraceStage } from '../trace';
import { fail, ok, problem, type Problem, type Result } from '../types';
import { S3_SETTINGS } from '../v4/settings';
import { signV4 } from '../v4/sign';
import { deriveSigningKey, scopeOf } from '../v4/signing-key';
import { SIGV4_VARIANT, variantScope, type SigningVariant } from '../v4/variant';
import { deriveV4aKey } from '../v4a/key-derivation';
import { renderRegionSet } from '../v4a/region-set';
import { V4A_S3_SETTINGS, type SigV4aSettings } from '../v4a/settings';
import { v4aDigest, v4aVariant } from '../v4a/sign';
import { ecdsaSignDigest } from '../v4a/p256';
import { chunkFrameHeader, encodedLength, TRAILER_SIGNATURE } from './aws-chunked';
import { hashSlices, signChunk, signLink, type ChainKey, type ChunkLink } from './chain';
import { canonicalTrailers, trailerStringToSign, type ChainContext } from './chunk-string-to-sign';
import {
  MIN_CHUNK_SIZE,
  padV4aSignature,
  streamingMode,
  V4A_SIGNATURE_WIDTH,
  type ChunkedKind,
  type StreamingMode,
} from './payload-mode';
import { chainStages, STREAMING_DOC } from './stages';

/** Everything a streaming upload's signatures depend on, passed in. */
export interface SignChunksInput {
  /** The request line and headers; its body is ignored (the payload is given on its own). */
  request: HttpRequest;
  /** The decoded payload: the object's bytes. */
  payload: Uint8Array | string;
  /** Bytes per chunk; S3 wants at least 8 KiB in every chunk but the last. */
  chunkSize: number;
  kind: ChunkedKind;
  algorithm: 'sigv4' | 'sigv4a';
  credentials: SchemeCredentials;
  /** SigV4: the region. */
  region?: string;
  /** SigV4A: the region set. */
  regionSet?: string | readonly string[];
  /** `s3` unless given. */
  service?: string;
  /** Trailing headers (with the trailer kinds), such as `x-amz-checksum-crc32c`. */
  trailers?: readonly (readonly [string, string])[];
  time?: Date;
  settings?: Partial<SigV4aSettings>;
  /**
   * Add the encoded body's Content-Length before signing, so that it is signed. The S3 streaming example signs
   * it; the trailer example leaves it to the HTTP client, after signing. On by default.
   */
  signContentLength?: boolean;
  /** Render the encoded body into `signedRequest` (off for a large file the page does not show). */
  renderBody?: boolean;
}

/** The trailer step of a chain. */
export interface TrailerLink {
  canonical: string;
  canonicalSha256: string;
  previous: string;
  stringToSign?: string;
  signature?: string;
  wire?: string;
}

/** What the chunked trace carries besides the common shape. */
export interface ChunkedDetails {
  mode: StreamingMode;
  seedSignature: string;
  context: ChainContext;
  chunks: ChunkLink[];
  trailer?: TrailerLink;
  /** The aws-chunked body as bytes. */
  body: Uint8Array;
  decodedLength: number;
  contentLength: number;
}

/** The chunked upload's trace. */
export type ChunkedTrace = SchemeTrace<ChunkedDetails>;

const CRLF = Uint8Array.of(0x0d, 0x0a);

/** The chunk sizes a payload of `length` bytes splits into, the final zero-size chunk included. */
export function chunkSizes(length: number, chunkSize: number): number[] {
  const sizes: number[] = [];
  for (let at = 0; at < length; at += chunkSize) sizes.push(Math.min(chunkSize, length - at));
  sizes.push(0);
  return sizes;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Signs a payload as an aws-chunked upload and returns the seed's stages, the chain and the encoded body. */
export async function signChunks(input: SignChunksInput): Promise<Result<ChunkedTrace>> {
  const notes: Problem[] = [];
  if (!Number.isInteger(input.chunkSize) || input.chunkSize < 1) {
    return fail([
      problem('chunk-size', `The chunk size must be a whole number of bytes; got ${input.chunkSize}.`),
    ]);
  }
  const payload = toBytes(input.payload);
  if (input.chunkSize < MIN_CHUNK_SIZE && payload.length > input.chunkSize) {
    notes.push(
      problem(
        'chunk-too-small',
        `S3 rejects chunks under ${MIN_CHUNK_SIZE} bytes (8 KiB) but the last; these are ${input.chunkSize}.`,
        undefined,
        {
          severity: 'warning',
        },
      ),
    );
  }
  const mode = streamingMode(input.algorithm, input.kind);
  const trailers = (input.trailers ?? []).map(([name, value]) => ({ name, value }));
  if (mode.trailer && trailers.length === 0) {
    notes.push(
      problem(
        'no-trailers',
        'A trailer upload names at least one trailing header (such as x-amz-checksum-crc32c).',
        undefined,
        { severity: 'warning' },
      ),
    );
  }
  const sizes = chunkSizes(payload.length, input.chunkSize);
  const width = mode.signedChunks ? (input.algorithm === 'sigv4a' ? V4A_SIGNATURE_WIDTH : 64) : undefined;
  const trailerLines = trailers.map((t) => `${t.name}:${t.value}`);
  if (mode.signedTrailer) trailerLines.push(`${TRAILER_SIGNATURE}:${''.padEnd(width!)}`);
  const contentLength = encodedLength(sizes, width, trailerLines);

  const contentEncoding = findHeader(input.request, 'content-encoding')?.value;
  const encoding =
    contentEncoding && !/\baws-chunked\b/.test(contentEncoding)
      ? `aws-chunked,${contentEncoding}`
      : 'aws-chunked';
  const streamingHeaders: [string, string][] = [
    ['x-amz-content-sha256', mode.literal],
    ['Content-Encoding', encoding],
    ['x-amz-decoded-content-length', String(payload.length)],
  ];
  if (input.signContentLength !== false) streamingHeaders.push(['Content-Length', String(contentLength)]);
  if (mode.trailer)
    streamingHeaders.push(['x-amz-trailer', trailers.map((t) => t.name.toLowerCase()).join(',')]);

  // The seed: SigV4 or SigV4A over the request with the streaming headers.
  let variant: SigningVariant;
  let v4aKey: Uint8Array | undefined;
  let settings: SigV4aSettings;
  const service = input.service ?? 's3';
  if (input.algorithm === 'sigv4a') {
    const regions = renderRegionSet(input.regionSet ?? '');
    if (!regions.ok) return fail(regions.problems);
    notes.push(...regions.problems);
    const v4aSettings: SigV4aSettings = { ...V4A_S3_SETTINGS, ...input.settings };
    const derived = deriveV4aKey(input.credentials.accessKeyId, input.credentials.secretAccessKey);
    if (!derived) return fail([problem('v4a-key', 'No SigV4A key can be derived from this secret.')]);
    v4aKey = derived.privateKey;
    const base = v4aVariant(regions.value, (sts) =>
      ecdsaSignDigest(v4aDigest(sts), derived.privateKey, v4aSettings.nonce),
    );
    variant = { ...base, authParams: [...base.authParams, ...streamingHeaders] };
    settings = v4aSettings;
  } else {
    if (!input.region) return fail([problem('scope', 'Give the region to sign a SigV4 upload for.')]);
    settings = { ...S3_SETTINGS, nonce: 'deterministic', ...input.settings };
    variant = { ...SIGV4_VARIANT, authParams: streamingHeaders };
  }
  const seed = await signV4({
    request: input.request,
    credentials: input.credentials,
    region: input.region ?? '',
    service,
    mode: 'header',
    settings: { ...settings, payload: 'auto' },
    variant,
    ...(input.time ? { time: input.time } : {}),
  });
  if (!seed.ok) return fail([...notes, ...seed.problems]);
  const s = seed.value;
  const scope = scopeOf(s.amzDate, input.region ?? '', service);
  const key: ChainKey = v4aKey
    ? { algorithm: 'sigv4a', privateKey: v4aKey, nonce: settings.nonce }
    : { algorithm: 'sigv4', key: deriveSigningKey(input.credentials.secretAccessKey, scope).key };
  const ctx: ChainContext = {
    algorithm: input.algorithm,
    amzDate: s.amzDate,
    scope: variantScope(scope, variant),
  };

  // The chain.
  const parts: Uint8Array[] = [];
  const links: ChunkLink[] = [];
  let previous = s.signature;
  const offsets: number[] = [];
  for (let i = 0, at = 0; i < sizes.length; at += sizes[i]!, i++) offsets.push(at);
  const hashes = await hashSlices(
    payload,
    sizes.map((size, i) => ({ start: offsets[i]!, end: offsets[i]! + size })),
  );
  for (const [i, size] of sizes.entries()) {
    const offset = offsets[i]!;
    const chunk = { index: i + 1, size, offset, dataSha256: hashes[i]! };
    if (mode.signedChunks) {
      const link = signChunk(ctx, key, previous, chunk);
      links.push(link);
      previous = link.signature;
      parts.push(toBytes(chunkFrameHeader(size, link.wire)));
    } else {
      links.push({ ...chunk, previous: '', stringToSign: '', signature: '', wire: '' });
      parts.push(toBytes(chunkFrameHeader(size, undefined)));
    }
    if (size > 0) parts.push(payload.subarray(offset, offset + size), CRLF);
  }
  let trailer: TrailerLink | undefined;
  if (mode.trailer) {
    const canonical = canonicalTrailers(trailers);
    const canonicalSha256 = await sha256Hex(canonical);
    trailer = { canonical, canonicalSha256, previous };
    for (const t of trailers) parts.push(toBytes(`${t.name}:${t.value}\r\n`));
    if (mode.signedTrailer) {
      trailer.stringToSign = trailerStringToSign(ctx, previous, canonicalSha256);
      trailer.signature = signLink(key, trailer.stringToSign);
      trailer.wire = input.algorithm === 'sigv4a' ? padV4aSignature(trailer.signature) : trailer.signature;
      parts.push(toBytes(`${TRAILER_SIGNATURE}:${trailer.wire}\r\n`));
    }
  }
  parts.push(toBytes('\r\n'));
  const body = concat(parts, contentLength);

  const head = s.signedRequest.slice(0, s.signedRequest.length - input.request.body.length);
  const signedRequest = input.renderBody === false ? head : head + new TextDecoder().decode(body);
  const details: ChunkedDetails = {
    mode,
    seedSignature: s.signature,
    context: ctx,
    chunks: links,
    ...(trailer ? { trailer } : {}),
    body,
    decodedLength: payload.length,
    contentLength,
  };
  const stages: TraceStage[] = [
    {
      id: 'seed-string-to-sign',
      title: 'Seed string to sign',
      rule: `The request signed as usual, its payload hash the literal ${mode.literal}.`,
      docUrl: STREAMING_DOC,
      text: s.stringToSignText,
      lines: s.stringToSignText.split('\n').map((text) => ({ label: 'string-to-sign', text, sources: [] })),
    },
    ...chainStages(details),
  ];
  return ok(
    {
      scheme: input.algorithm === 'sigv4a' ? 'sigv4a' : 'sigv4-s3',
      mode: 'chunked',
      stages,
      keyChain: s.keyChain.map((k) => ({ label: k.name, hex: k.hex })),
      signature: s.signature,
      signatureEncoding: 'hex',
      added: s.added,
      signedRequest,
      ...(s.authorization ? { authorization: s.authorization } : {}),
      notes: [...notes, ...s.notes],
      details,
    },
    [...notes, ...s.notes],
  );
}
