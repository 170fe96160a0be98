/**
 * Verifying an aws-chunked upload as S3 does: the seed request first, then each chunk's signature on the
 * previous one, then the trailer. Every link is judged on the signature the client sent before it, so the first
 * break is found and the links after it are still judged; for a break, the usual client mistakes are tried (a
 * chain not carried on, line breaks hashed with the data) and the one that reproduces the signature is named.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

import { toBytes } from '../crypto';
import { bodyBytesOf, findHeader } from '../request/model';
import type { SchemeVerification } from '../trace';
import { fail, ok, problem, type Problem, type Result } from '../types';
import { ALGORITHM_V4A } from '../v4a/string-to-sign';
import { readAwsChunked } from './aws-chunked';
import { bodySpanMapper, type ToPaste } from './body-spans';
import type { ChainContext } from './chunk-string-to-sign';
import { streamingModeOf } from './payload-mode';
import { chainStages, STREAMING_DOC } from './stages';

import type { ChainBreak, ChunkedVerifyDetails, VerifyChunkedInput } from './chunked-types';
import { checkLengths, checkTrailer, decodedPayload } from './upload-checks';
import { verifySeed } from './verify-seed';
import { checkChunks } from './chain-check';

export type { ChainBreak, ChunkCheck, ChunkedVerifyDetails, VerifyChunkedInput } from './chunked-types';

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
  const chain = await checkChunks(bytes, read.chunks, mode, ctx, s, firstBreak, notes, toPaste);
  const { checks, allChunksChain, previous } = chain;
  firstBreak = chain.firstBreak;
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
      ...(firstBreak ? { reason: firstBreak.problem } : {}),
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
