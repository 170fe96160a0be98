/**
 * Why a chunk breaks the chain: the usual client mistakes are tried (the chain not carried on, the framing
 * hashed with the data), and the one whose string to sign reproduces the signature sent is named.
 */

import { linkValid, type ChunkCheck, type LinkKey } from './chunked-types';
import { sha256HexNow, toBytes } from '../crypto';
import { problem, type Problem, type Span } from '../types';
import { chunkStringToSign, type ChainContext } from './chunk-string-to-sign';

/** The client mistakes tried on a broken chunk, each a different string to sign. */
export function explainChunk(
  key: LinkKey,
  ctx: ChainContext,
  check: ChunkCheck,
  seed: string,
  frame: Uint8Array,
  data: Uint8Array,
  expectedPrevious: string | undefined,
  span: Span,
): Problem {
  const tries: [string, () => string][] = [];
  if (expectedPrevious !== undefined && expectedPrevious !== check.previous) {
    tries.push([
      `chunk ${check.index} is signed on the previous signature the server expects, not on the one sent before it`,
      () => chunkStringToSign(ctx, expectedPrevious, check.dataSha256),
    ]);
  }
  if (check.index > 1) {
    tries.push([
      `chunk ${check.index} is signed on the seed signature, not on chunk ${check.index - 1}'s: the client did not carry the chain on`,
      () => chunkStringToSign(ctx, seed, check.dataSha256),
    ]);
  }
  tries.push(
    [
      `chunk ${check.index}'s signature covers its data with the line break after it: the client hashed the framing`,
      () => chunkStringToSign(ctx, check.previous, sha256HexNow(concat(data, toBytes('\r\n')))),
    ],
    [
      `chunk ${check.index}'s signature covers the whole frame (size line and data): the client hashed the encoded chunk`,
      () => chunkStringToSign(ctx, check.previous, sha256HexNow(frame)),
    ],
  );
  for (const [why, sts] of tries) {
    if (linkValid(key, sts(), check.provided).valid) {
      return problem('chunk-signature', `The chain breaks at chunk ${check.index}: ${why}.`, span, {
        hint: 'Shown: this string to sign reproduces the signature sent.',
      });
    }
  }
  return problem(
    'chunk-signature',
    `The chain breaks at chunk ${check.index}: its signature does not sign these ${check.size} bytes (SHA-256 ${check.dataSha256}) on the previous signature.`,
    span,
    {
      hint: "The seed's key and scope sign the chunks, so the bytes differ from what was signed: the body was changed, re-chunked or transformed (compressed, re-encoded) after signing.",
    },
  );
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
