/**
 * The seed of an aws-chunked upload: the request signed (SigV4 or SigV4A) with the streaming literal in
 * x-amz-content-sha256, Content-Encoding aws-chunked, x-amz-decoded-content-length and the encoded
 * Content-Length, and what the chain needs to go on: its context, its key, the chunk sizes. It needs only the
 * payload's length, so the page's worker can sign the seed of a large file first and then hash it slice by
 * slice, calling `signChunk` with each digest.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

import { findHeader } from '../request/model';
import { fail, ok, problem, type Problem, type Result } from '../types';
import { S3_SETTINGS } from '../v4/settings';
import { signV4 } from '../v4/sign';
import { deriveSigningKey, scopeOf } from '../v4/signing-key';
import type { SigV4Trace } from '../v4/types';
import { SIGV4_VARIANT, variantScope, type SigningVariant } from '../v4/variant';
import { deriveV4aKey } from '../v4a/key-derivation';
import { ecdsaSignDigest } from '../v4a/p256';
import { renderRegionSet } from '../v4a/region-set';
import { V4A_S3_SETTINGS, type SigV4aSettings } from '../v4a/settings';
import { v4aDigest, v4aVariant } from '../v4a/sign';
import { TRAILER_SIGNATURE } from './aws-chunked';
import { encodedLength } from './aws-chunked-write';
import type { ChainKey } from './chain';
import type { ChainContext } from './chunk-string-to-sign';
import { MIN_CHUNK_SIZE, streamingMode, V4A_SIGNATURE_WIDTH, type StreamingMode } from './payload-mode';
import type { SignChunksInput } from './sign-chunks';

/** What signing the seed takes: the upload's inputs, with the payload's length in place of the payload. */
export type UploadSeedInput = Omit<SignChunksInput, 'payload' | 'renderBody'> & { payloadLength: number };

/** The signed seed and what the chain needs. */
export interface UploadSeed {
  mode: StreamingMode;
  seed: SigV4Trace;
  context: ChainContext;
  key: ChainKey;
  /** The chunk sizes, the final zero-size chunk included. */
  sizes: number[];
  trailers: { name: string; value: string }[];
  contentLength: number;
  notes: Problem[];
}

/** The chunk sizes a payload of `length` bytes splits into, the final zero-size chunk included. */
export function chunkSizes(length: number, chunkSize: number): number[] {
  const sizes: number[] = [];
  for (let at = 0; at < length; at += chunkSize) sizes.push(Math.min(chunkSize, length - at));
  sizes.push(0);
  return sizes;
}

/** Signs the seed request of an upload of `payloadLength` bytes. */
export async function signUploadSeed(input: UploadSeedInput): Promise<Result<UploadSeed>> {
  const notes: Problem[] = [];
  if (!Number.isInteger(input.chunkSize) || input.chunkSize < 1) {
    return fail([
      problem('chunk-size', `The chunk size must be a whole number of bytes; got ${input.chunkSize}.`),
    ]);
  }
  if (input.chunkSize < MIN_CHUNK_SIZE && input.payloadLength > input.chunkSize) {
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
  const sizes = chunkSizes(input.payloadLength, input.chunkSize);
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
    ['x-amz-decoded-content-length', String(input.payloadLength)],
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

  return ok({ mode, seed: s, context: ctx, key, sizes, trailers, contentLength, notes }, notes);
}
