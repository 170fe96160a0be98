/**
 * An aws-chunked upload (STREAMING-AWS4-HMAC-SHA256-PAYLOAD and its kin) explained: with the secret, the chain
 * is verified link by link and the first broken chunk named with the reason the engine shows; a server reply whose
 * StringToSign is a chunk's is read into the chunk it is about (by the previous signature it chains on) and
 * compared with ours line by line, which shows a chunk's bytes changed on the way even without the secret.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

import { sha256HexNow, toBytes } from '../sig/crypto';
import { bodyBytesOf, findHeader, type HttpRequest } from '../sig/request/model';
import type { ExpectedStringKind } from '../sig/server-error/signing-reply';
import { streamingModeOf, readProvidedSignature } from '../sig/registry-sigv4';
import {
  bodySpanMapper,
  canonicalTrailers,
  hashSlices,
  readAwsChunked,
  trimV4aSignature,
  verifyChunked,
  type ChunkedVerifyDetails,
} from '../sig/registry-sigv4-modes';
import {
  chainBreakFindings,
  chunkLineFindings,
  noBody,
  trailerLineFindings,
  type SentChunk,
  type SentTrailer,
} from './chunked-findings';
import type { Setting } from './setting';

type ChunkString = Extract<ExpectedStringKind, { kind: 'chunk' | 'trailer' }>;

/** Whether the request declares an aws-chunked body with signed chunks or a trailer. */
export function isChunkedUpload(request: HttpRequest): boolean {
  const literal = findHeader(request, 'x-amz-content-sha256')?.value.trim() ?? '';
  return streamingModeOf(literal) !== undefined;
}

/**
 * The chunks as sent: each one's previous signature (the seed's for the first) and its data's SHA-256; and the
 * trailer, chained on the last chunk's signature.
 */
async function sentChunks(request: HttpRequest): Promise<{ chunks: SentChunk[]; trailer: SentTrailer }> {
  const bytes = toBytes(bodyBytesOf(request));
  const read = readAwsChunked(bytes);
  const toPaste = bodySpanMapper(request.body, request.bodySpan.start, request.bodyBytes !== undefined);
  const hashes = await hashSlices(
    bytes,
    read.chunks.map((c) => c.data),
  );
  const seed = readProvidedSignature(request, true);
  let previous = seed.ok ? trimV4aSignature(seed.value.signature.toLowerCase()) : '';
  const chunks = read.chunks.map((c, i) => {
    const sent: SentChunk = {
      index: c.index,
      size: c.size,
      previous,
      dataSha256: hashes[i]!,
      span: toPaste(c.header),
    };
    previous = trimV4aSignature((c.signature ?? '').toLowerCase());
    return sent;
  });
  const canonical = canonicalTrailers(read.trailers.map((t) => ({ name: t.name, value: t.value })));
  return { chunks, trailer: { previous, canonical, sha256: sha256HexNow(canonical) } };
}

/** Explains the chunks of an aws-chunked upload into the explanation. */
export async function chunkedSide(
  c: Setting,
  request: HttpRequest,
  secret: string | undefined,
  expected: readonly ChunkString[],
): Promise<void> {
  const { out, input } = c;
  let details: ChunkedVerifyDetails | undefined;
  if (secret !== undefined) {
    const verified = await verifyChunked({
      request,
      secretAccessKey: secret,
      ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
    });
    if (verified.ok) {
      details = verified.value.trace.details!;
      if (out.verdict !== 'mismatch') out.verdict = verified.value.match ? 'match' : 'mismatch';
      out.findings.push(...chainBreakFindings(details, verified.value.notes));
    }
  }
  if (expected.length === 0) return;
  const sent = await sentChunks(request);
  if (sent.chunks.length === 0) {
    out.findings.push(noBody(expected[0]!));
    return;
  }
  for (const server of expected) {
    if (server.kind === 'trailer') {
      const onLast = sent.trailer.previous === trimV4aSignature(server.previous.toLowerCase());
      if (onLast && details?.trailer?.stringToSign) {
        out.sides.ours = { ...out.sides.ours, stringToSign: details.trailer.stringToSign };
      }
      out.findings.push(...trailerLineFindings(server, onLast ? sent.trailer : undefined));
      continue;
    }
    const chunk = sent.chunks.find((s) => s.previous === trimV4aSignature(server.previous.toLowerCase()));
    const check = chunk && details?.chunks.find((k) => k.index === chunk.index);
    if (check) {
      // Ours beside the server's, for the same chunk: the diff then reads line by line.
      out.sides.ours = {
        ...out.sides.ours,
        stringToSign: check.stringToSign,
        ...(check.expected ? { signature: check.expected } : {}),
      };
    }
    out.findings.push(...chunkLineFindings(server, chunk, details?.context));
  }
}
