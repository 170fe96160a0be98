/**
 * Signing a file of any size into an aws-chunked upload, in the worker: the seed request is signed first (it
 * needs only the file's length), then the file is read slice by slice, each chunk's SHA-256 computed incrementally
 * (hash-wasm: WebCrypto's digest has no streaming form) and its signature chained on the one before. Memory stays
 * bounded whatever the file's size; the chain comes back as the rows of the page's table.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

import { createSHA256 } from 'hash-wasm';
import { inferEndpoint } from '../sig/endpoint';
import { fromHex, sha256Hex, toBase64 } from '../sig/crypto';
import { parseHttpRequest } from '../sig/request/http';
import { findHeader, requestHost } from '../sig/request/model';
import { EMPTY_SHA256 } from '../sig/registry-sigv4';
import {
  canonicalTrailers,
  hashSlices,
  padV4aSignature,
  signChunk,
  signLink,
  signUploadSeed,
  trailerStringToSign,
  type ChunkLink,
  type TrailerLink,
} from '../sig/registry-sigv4-modes';
import { fail, ok, type Result } from '../sig/types';
import { readRequest } from './adapters';
import { signedTable } from './chunked';
import type { SignedFileView, SignFileJob } from './protocol';
import { settingsFor } from './scheme-trace';
import { readTime } from './stages';

/** Bytes read from the file at a time. */
export const SLICE = 4 * 1024 * 1024;

/** The trailer a file's upload carries: its SHA-256, which the worker computes in the same pass as the chunks'. */
const TRAILER_NAME = 'x-amz-checksum-sha256';
/** A SHA-256 in base64 is 44 characters: the trailer's length is known before the file is read. */
const TRAILER_PLACEHOLDER = 'A'.repeat(44);

/** Throughput in MB/s (10^6 bytes a second). */
export const mbps = (bytes: number, ms: number) => (ms > 0 ? bytes / 1e6 / (ms / 1000) : 0);

/** Signs `file` as an aws-chunked upload of the request in `job`, reporting progress after each slice. */
export async function signFile(
  file: Blob,
  name: string,
  job: SignFileJob,
  onProgress: (done: number, total: number) => void,
): Promise<Result<SignedFileView>> {
  const t0 = performance.now();
  const { input } = job;
  const pasted = readRequest(input.request);
  if (!pasted.value) return fail(pasted.problems);
  const parsed = parseHttpRequest(pasted.value.http);
  if (!parsed.ok) return fail(parsed.problems);
  const request = { ...parsed.value, body: '' };
  const algorithm = input.scheme === 'sigv4a' ? 'sigv4a' : 'sigv4';
  const host = requestHost(request);
  const endpoint = host ? inferEndpoint(host) : undefined;
  const region = input.region || pasted.value.hints.region || endpoint?.region;
  const dated = findHeader(request, 'x-amz-date') ?? findHeader(request, 'date');
  const time = (input.time ? readTime(input.time) : undefined) ?? (dated ? undefined : new Date(input.now));
  const trailer = job.kind !== 'signed';
  const regionSet = input.regionSet?.trim() || endpoint?.region || '*';
  const planned = await signUploadSeed({
    request,
    payloadLength: file.size,
    chunkSize: job.chunkSize,
    kind: job.kind,
    algorithm,
    credentials: {
      accessKeyId: input.accessKeyId || pasted.value.hints.accessKeyId || '',
      secretAccessKey: input.secretAccessKey || pasted.value.hints.secretAccessKey || '',
      ...(input.sessionToken ? { sessionToken: input.sessionToken } : {}),
    },
    ...(region ? { region } : {}),
    regionSet,
    service: input.service || endpoint?.service || 's3',
    ...(trailer ? { trailers: [[TRAILER_NAME, TRAILER_PLACEHOLDER]] } : {}),
    ...(time ? { time } : {}),
    settings: settingsFor({ settings: NAMES }, input.settings),
  });
  if (!planned.ok) return fail(planned.problems);
  const { mode, seed, context, key, sizes, contentLength } = planned.value;

  // The whole file's SHA-256 (the trailer's checksum) needs a streaming hasher; each chunk's does not.
  const fileHasher = trailer ? await createSHA256() : undefined;
  fileHasher?.init();
  const links: ChunkLink[] = [];
  let previous = seed.signature;
  let offset = 0;
  const close = (dataSha256: string) => {
    const index = links.length;
    const chunk = { index: index + 1, size: sizes[index]!, offset, dataSha256 };
    const link = mode.signedChunks
      ? signChunk(context, key, previous, chunk)
      : { ...chunk, previous: '', stringToSign: '', signature: '', wire: '' };
    links.push(link);
    if (mode.signedChunks) previous = link.signature;
    offset += chunk.size;
  };
  const chunkHashes =
    job.chunkSize <= NATIVE_CHUNK_LIMIT
      ? nativeChunkHashes(file, job.chunkSize, fileHasher, onProgress)
      : streamedChunkHashes(file, sizes, await createSHA256(), fileHasher, onProgress);
  for await (const hex of chunkHashes) close(hex);
  close(EMPTY_SHA256); // the final, empty chunk
  if (file.size === 0) onProgress(0, 0);

  let trailerLink: TrailerLink | undefined;
  if (fileHasher) {
    const checksum = toBase64(fromHex(fileHasher.digest('hex'))!);
    const canonical = canonicalTrailers([{ name: TRAILER_NAME, value: checksum }]);
    trailerLink = { canonical, canonicalSha256: await sha256Hex(canonical), previous };
    if (mode.signedTrailer) {
      trailerLink.stringToSign = trailerStringToSign(context, previous, trailerLink.canonicalSha256);
      trailerLink.signature = signLink(key, trailerLink.stringToSign);
      trailerLink.wire =
        algorithm === 'sigv4a' ? padV4aSignature(trailerLink.signature) : trailerLink.signature;
    }
  }
  const ms = performance.now() - t0;
  return ok(
    {
      name,
      size: file.size,
      chunkSize: job.chunkSize,
      table: signedTable(mode, seed.signature, links, trailerLink, file.size),
      seedStringToSign: seed.stringToSignText,
      ...(seed.authorization ? { authorization: seed.authorization } : {}),
      signedHead: seed.signedRequest,
      contentLength,
      ms,
      mbps: mbps(file.size, ms),
    },
    planned.problems,
  );
}

/** Chunks up to this size are hashed whole by the platform's native digest, several at once. */
const NATIVE_CHUNK_LIMIT = 8 * 1024 * 1024;

type Hasher = Awaited<ReturnType<typeof import('hash-wasm').createSHA256>>;

/**
 * Each chunk's SHA-256 by the native digest (WebCrypto's, several threads): the file is read a whole number of
 * chunks at a time (about `SLICE` bytes), the next read started while this one is hashed.
 */
async function* nativeChunkHashes(
  file: Blob,
  chunkSize: number,
  fileHasher: Hasher | undefined,
  onProgress: (done: number, total: number) => void,
): AsyncGenerator<string> {
  const step = Math.max(1, Math.floor(SLICE / chunkSize)) * chunkSize;
  const read = (at: number) =>
    at < file.size ? file.slice(at, Math.min(at + step, file.size)).arrayBuffer() : undefined;
  let next = read(0);
  for (let at = 0; at < file.size; at += step) {
    const bytes = new Uint8Array(await next!);
    next = read(at + step);
    fileHasher?.update(bytes);
    const slices: { start: number; end: number }[] = [];
    for (let o = 0; o < bytes.length; o += chunkSize)
      slices.push({ start: o, end: Math.min(o + chunkSize, bytes.length) });
    yield* await hashSlices(bytes, slices);
    onProgress(Math.min(at + step, file.size), file.size);
  }
}

/** Each chunk's SHA-256 by an incremental hasher, for chunks larger than a slice. */
async function* streamedChunkHashes(
  file: Blob,
  sizes: readonly number[],
  chunkHasher: Hasher,
  fileHasher: Hasher | undefined,
  onProgress: (done: number, total: number) => void,
): AsyncGenerator<string> {
  let index = 0;
  let left = sizes[0]!;
  chunkHasher.init();
  for (let at = 0; at < file.size; at += SLICE) {
    const bytes = new Uint8Array(await file.slice(at, Math.min(at + SLICE, file.size)).arrayBuffer());
    fileHasher?.update(bytes);
    for (let pos = 0; pos < bytes.length;) {
      const take = Math.min(left, bytes.length - pos);
      chunkHasher.update(bytes.subarray(pos, pos + take));
      pos += take;
      left -= take;
      if (left === 0) {
        yield chunkHasher.digest('hex');
        chunkHasher.init();
        left = sizes[++index] ?? 0;
      }
    }
    onProgress(Math.min(at + SLICE, file.size), file.size);
  }
}

/** The settings a chunked upload's seed takes: SigV4's (and SigV4A's nonce), by name. */
const NAMES = [
  'doubleEncodePath',
  'normalizePath',
  'contentSha256Header',
  'signSessionToken',
  'unsignedHeaders',
  'nonce',
].map((name) => ({ name }));
