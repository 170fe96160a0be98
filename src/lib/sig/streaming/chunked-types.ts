/**
 * What checking an aws-chunked upload takes and returns, and how one link of the chain is judged: HMAC
 * recomputed and compared (SigV4), or ECDSA verified (SigV4A).
 */

import { fromHex, timingSafeEqual } from '../crypto';
import type { HttpRequest } from '../request/model';
import type { Problem, Span } from '../types';
import type { P256PublicKey } from '../v4a/p256';
import type { SigV4aSettings } from '../v4a/settings';
import { verifyV4aLink } from './chain';
import type { ChainContext } from './chunk-string-to-sign';
import type { StreamingMode } from './payload-mode';

/** A signed aws-chunked request and what to check it with. */
export interface VerifyChunkedInput {
  /** The request as sent: headers, and the aws-chunked body (its `bodyBytes` when binary). */
  request: HttpRequest;
  secretAccessKey?: string;
  accessKeyId?: string;
  /** SigV4A: a pasted public key instead of the secret. */
  publicKey?: string;
  settings?: Partial<SigV4aSettings>;
}

/** One chunk as checked. */
export interface ChunkCheck {
  index: number;
  size: number;
  sizeHex: string;
  /** The chunk's header line in the paste. */
  span: Span;
  dataSha256: string;
  /** The previous signature this chunk was judged on (the one the client sent). */
  previous: string;
  stringToSign: string;
  /** The signature sent, unpadded; `''` for an unsigned chunk. */
  provided: string;
  /** What the signature should be (SigV4 only: ECDSA is checked, not recomputed). */
  expected?: string;
  valid: boolean;
}

/** Where the chain first breaks, and why. */
export interface ChainBreak {
  at: 'seed' | 'chunk' | 'trailer' | 'framing';
  index?: number;
  problem: Problem;
}

/** What the chunked verification carries besides the common shape. */
export interface ChunkedVerifyDetails {
  mode: StreamingMode;
  seedMatch: boolean;
  context: ChainContext;
  chunks: ChunkCheck[];
  trailer?: {
    canonical: string;
    stringToSign?: string;
    provided?: string;
    expected?: string;
    valid: boolean;
  };
  firstBreak?: ChainBreak;
  decodedLength: number;
}

export type LinkKey =
  { algorithm: 'sigv4'; sign: (sts: string) => string } | { algorithm: 'sigv4a'; publicKey: P256PublicKey };

/** Judges one link: its signature against its string to sign. */
export function linkValid(
  key: LinkKey,
  sts: string,
  provided: string,
): { valid: boolean; expected?: string } {
  if (key.algorithm === 'sigv4') {
    const expected = key.sign(sts);
    return { valid: timingSafeEqual(expected, provided.toLowerCase()), expected };
  }
  return { valid: verifyV4aLink(key.publicKey, sts, provided, fromHex(provided)) };
}
