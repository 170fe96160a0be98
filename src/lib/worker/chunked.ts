/**
 * A pasted aws-chunked upload (x-amz-content-sha256 STREAMING-…) on the page: its chain verified link by link by
 * the engine (sig/streaming) and turned into the rows of the chain table, the first break marked with its reason.
 */

import { findHeader, type HttpRequest } from '../sig/request/model';
import { streamingModeOf, type StreamingMode } from '../sig/registry-sigv4';
import {
  verifyChunked,
  type ChunkedVerifyDetails,
  type ChunkLink,
  type TrailerLink,
} from '../sig/registry-sigv4-modes';
import type { ChainBreakView, ChunkTableView, InputProblem, RunInput } from './protocol';
import { requestProblem, type SpanMapper } from './span-map';

/** The streaming mode a request declares in x-amz-content-sha256, if it declares one. */
export function declaredStreaming(request: HttpRequest | undefined): StreamingMode | undefined {
  const header = request && findHeader(request, 'x-amz-content-sha256');
  return header ? streamingModeOf(header.value) : undefined;
}

function breakView(details: ChunkedVerifyDetails, map: SpanMapper): ChainBreakView | undefined {
  const b = details.firstBreak;
  if (!b) return undefined;
  return {
    at: b.at,
    ...(b.index !== undefined ? { index: b.index } : {}),
    message: b.problem.message,
    ...(b.problem.hint ? { hint: b.problem.hint } : {}),
    sources: b.problem.span ? map([b.problem.span]) : [],
  };
}

/** The chain table of a verified upload. */
export function verifiedTable(
  details: ChunkedVerifyDetails,
  seed: string,
  match: boolean,
  map: SpanMapper,
): ChunkTableView {
  const view: ChunkTableView = {
    literal: details.mode.literal,
    algorithm: details.mode.algorithm,
    signedChunks: details.mode.signedChunks,
    seed,
    seedValid: details.seedMatch,
    rows: details.chunks.map((c) => ({
      index: c.index,
      size: c.size,
      stringToSign: c.stringToSign,
      sent: c.provided,
      ...(c.expected !== undefined ? { computed: c.expected } : {}),
      valid: c.valid,
      sources: map([c.span]),
    })),
    decodedLength: details.decodedLength,
    valid: match,
  };
  if (details.trailer) {
    const t = details.trailer;
    view.trailer = {
      canonical: t.canonical,
      ...(t.stringToSign !== undefined ? { stringToSign: t.stringToSign } : {}),
      ...(t.provided !== undefined ? { sent: t.provided } : {}),
      ...(t.expected !== undefined ? { computed: t.expected } : {}),
      valid: t.valid,
    };
  }
  const brk = breakView(details, map);
  if (brk) view.firstBreak = brk;
  return view;
}

/** The chain table of a signed upload: every link valid, as signed. */
export function signedTable(
  mode: StreamingMode,
  seed: string,
  chunks: readonly ChunkLink[],
  trailer: TrailerLink | undefined,
  decodedLength: number,
): ChunkTableView {
  const view: ChunkTableView = {
    literal: mode.literal,
    algorithm: mode.algorithm,
    signedChunks: mode.signedChunks,
    seed,
    seedValid: true,
    rows: chunks.map((c) => ({
      index: c.index,
      size: c.size,
      stringToSign: c.stringToSign,
      sent: c.wire,
      valid: true,
      sources: [],
    })),
    decodedLength,
    valid: true,
  };
  if (trailer) {
    view.trailer = {
      canonical: trailer.canonical,
      ...(trailer.stringToSign !== undefined ? { stringToSign: trailer.stringToSign } : {}),
      ...(trailer.wire !== undefined ? { sent: trailer.wire } : {}),
      valid: true,
    };
  }
  return view;
}

/**
 * Verifies the chain of a pasted aws-chunked upload; `undefined` when the request declares none or there is no key
 * to judge it with (the seed's own verification says what is missing).
 */
export async function verifyPastedChain(
  request: HttpRequest,
  input: Pick<RunInput, 'accessKeyId' | 'publicKey' | 'settings'> & { secret: string },
  map: SpanMapper,
  problems: InputProblem[],
): Promise<ChunkTableView | undefined> {
  const mode = declaredStreaming(request);
  if (!mode || request.body === '') return undefined;
  const publicKey = input.publicKey?.trim() ?? '';
  if (!input.secret && !(mode.algorithm === 'sigv4a' && publicKey)) return undefined;
  const verified = await verifyChunked({
    request,
    secretAccessKey: input.secret,
    ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
    ...(publicKey ? { publicKey } : {}),
    settings: input.settings,
  });
  for (const p of verified.problems) problems.push(requestProblem(map)(p));
  if (!verified.ok) return undefined;
  const v = verified.value;
  return verifiedTable(v.trace.details!, v.provided, v.match, map);
}
