/**
 * Judging each chunk of an upload on the signature sent before it, and finding the first that breaks the chain.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

import { problem, type Problem } from '../types';
import type { ReadChunk } from './aws-chunked';
import type { ToPaste } from './body-spans';
import { hashSlices } from './chain';
import { explainChunk } from './chain-break';
import { chunkStringToSign, type ChainContext } from './chunk-string-to-sign';
import { linkValid, type ChainBreak, type ChunkCheck, type LinkKey } from './chunked-types';
import { trimV4aSignature, type StreamingMode } from './payload-mode';

/** The verified seed, as the chain needs it. */
export interface SeedLink {
  match: boolean;
  /** The seed signature sent (unpadded). */
  provided: string;
  key: LinkKey;
}

/** What checking the chunks found. */
export interface ChunkChain {
  checks: ChunkCheck[];
  firstBreak?: ChainBreak;
  /** Every chunk signs on the signature sent before it. */
  allChunksChain: boolean;
  /** The last signature of the chain sent: what the trailer is signed on. */
  previous: string;
}

/** Checks each chunk in turn; `start` is the break found before the chunks (a failing seed), if any. */
export async function checkChunks(
  bytes: Uint8Array,
  chunks: readonly ReadChunk[],
  mode: StreamingMode,
  ctx: ChainContext,
  s: SeedLink,
  start: ChainBreak | undefined,
  notes: Problem[],
  toPaste: ToPaste,
): Promise<ChunkChain> {
  const v4a = ctx.algorithm === 'sigv4a';
  const checks: ChunkCheck[] = [];
  let firstBreak = start;
  let previous = s.provided;
  let expectedPrevious: string | undefined = s.match ? s.provided : undefined;
  let allChunksChain = true;
  const hashes = await hashSlices(
    bytes,
    chunks.map((c) => c.data),
  );
  for (const chunk of chunks) {
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
  return { checks, ...(firstBreak ? { firstBreak } : {}), allChunksChain, previous };
}
