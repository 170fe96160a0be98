/**
 * Chunked uploads as a mode of the SigV4-family schemes: a request whose `x-amz-content-sha256` names a
 * STREAMING-* payload is verified link by link (seed, chunks, trailer), and a sign asked for chunks encodes the
 * body as aws-chunked. The SigV4 and SigV4A schemes hand such requests here, so the registry's `verify` and `sign`
 * cover uploads without a scheme of their own. The chain's engine is loaded on first use: a request that is no
 * upload never loads or compiles it.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

import { bodyBytesOf, findHeader, type HttpRequest } from '../request/model';
import type { ChunkedSigning, SchemeSignInput, SchemeVerifyInput } from '../scheme';
import type { SchemeTrace, SchemeVerification } from '../trace';
import type { Result } from '../types';
import type { SigV4aSettings } from '../v4a/settings';
import { streamingModeOf } from './payload-mode';

/** Whether a request declares an aws-chunked upload in `x-amz-content-sha256`. */
export function isChunkedUpload(request: HttpRequest): boolean {
  const declared = findHeader(request, 'x-amz-content-sha256');
  return declared !== undefined && streamingModeOf(declared.value) !== undefined;
}

/** Verifies an aws-chunked upload with the scheme's settings. */
export async function verifyChunkedMode(
  input: SchemeVerifyInput,
  settings: Partial<SigV4aSettings>,
): Promise<Result<SchemeVerification>> {
  const { verifyChunked } = await import('./verify-chunked');
  return verifyChunked({
    request: input.request,
    ...(input.secretAccessKey ? { secretAccessKey: input.secretAccessKey } : {}),
    ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
    ...(input.publicKey ? { publicKey: input.publicKey } : {}),
    settings,
  });
}

/** Signs the request's body as an aws-chunked upload, the chain's stages in the trace. */
export async function signChunkedMode(
  input: SchemeSignInput & { chunked: ChunkedSigning },
  scope: { algorithm: 'sigv4' | 'sigv4a'; region?: string; service: string },
  settings: Partial<SigV4aSettings>,
): Promise<Result<SchemeTrace>> {
  const { signChunks } = await import('./sign-chunks');
  const { chunked } = input;
  return signChunks({
    request: input.request,
    payload: bodyBytesOf(input.request),
    chunkSize: chunked.chunkSize,
    kind: chunked.kind ?? (chunked.trailers?.length ? 'signed-trailer' : 'signed'),
    algorithm: scope.algorithm,
    credentials: input.credentials,
    service: scope.service,
    ...(scope.region !== undefined ? { region: scope.region } : {}),
    ...(input.regionSet !== undefined ? { regionSet: input.regionSet } : {}),
    ...(chunked.trailers ? { trailers: chunked.trailers } : {}),
    ...(input.time ? { time: input.time } : {}),
    settings,
  });
}
