/**
 * The checks of an upload around its chain: the lengths it declares, and its trailer (declared names, checksum,
 * signature).
 */

import { linkValid, type ChainBreak, type ChunkedVerifyDetails, type LinkKey } from './chunked-types';
import { sha256Hex } from '../crypto';
import { findHeader, type HttpRequest } from '../request/model';
import { problem, type Problem } from '../types';
import { readAwsChunked, type ReadChunk } from './aws-chunked';
import type { ToPaste } from './body-spans';
import { payloadChecksum } from './trailer-checksum';
import { canonicalTrailers, trailerStringToSign, type ChainContext } from './chunk-string-to-sign';
import { MIN_CHUNK_SIZE, trimV4aSignature, type StreamingMode } from './payload-mode';

/** The decoded payload: the chunks' data joined. */
export function decodedPayload(bytes: Uint8Array, chunks: readonly ReadChunk[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.data.end - c.data.start, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(bytes.subarray(c.data.start, c.data.end), at);
    at += c.data.end - c.data.start;
  }
  return out;
}

/** Checks x-amz-decoded-content-length and Content-Length against the body as read. */
export function checkLengths(
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
export async function checkTrailer(
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
