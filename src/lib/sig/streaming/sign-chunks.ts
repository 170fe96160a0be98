/**
 * Signing an upload in aws-chunked encoding: the seed request (SigV4 or SigV4A, with the streaming literal in
 * x-amz-content-sha256, Content-Encoding aws-chunked, x-amz-decoded-content-length and the encoded
 * Content-Length), then each chunk chained on the previous signature, then the trailer when there is one.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
 */

import { sha256Hex, toBytes } from '../crypto';
import type { HttpRequest } from '../request/model';
import type { SchemeCredentials, SchemeTrace, TraceStage } from '../trace';
import { fail, ok, type Result } from '../types';
import type { SigV4aSettings } from '../v4a/settings';
import { TRAILER_SIGNATURE } from './aws-chunked';
import { chunkFrameHeader } from './aws-chunked-write';
import { hashSlices, signChunk, signLink, type ChunkLink } from './chain';
import { canonicalTrailers, trailerStringToSign, type ChainContext } from './chunk-string-to-sign';
import { padV4aSignature, type ChunkedKind, type StreamingMode } from './payload-mode';
import { signUploadSeed } from './seed';
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
  const payload = toBytes(input.payload);
  const planned = await signUploadSeed({ ...input, payloadLength: payload.length });
  if (!planned.ok) return fail(planned.problems);
  const { mode, seed: s, context: ctx, key, sizes, trailers, contentLength, notes } = planned.value;

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
