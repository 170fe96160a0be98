/**
 * Which prior signature a message was really signed on, when it is not the one before it: the seed, or another
 * message's signature sent in the same paste. Reproducing the signature exactly is the evidence ("shown"); when
 * no candidate does, nothing is said.
 * https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html
 */

import { hmacWithKey, timingSafeEqual, toHex } from '../sig/crypto';
import { deriveSigningKey, renderScope, scopeOf } from '../sig/registry-sigv4';
import { eventStringToSign } from '../sig/registry-sigv4-modes';

/** One message's signed parts and the signature it carries. */
export interface SignedParts {
  secretAccessKey: string;
  region: string;
  service: string;
  amzDate: string;
  /** The encoded `:date` header, as in the frame. */
  encodedDate: Uint8Array;
  payload: Uint8Array;
  provided: string;
}

/** The first candidate (a name and a hex signature) whose use as prior signature reproduces `provided`. */
export function signedOn(
  parts: SignedParts,
  candidates: readonly { name: string; signature: string }[],
): string | undefined {
  const scope = scopeOf(parts.amzDate, parts.region, parts.service);
  const key = deriveSigningKey(parts.secretAccessKey, scope).key;
  const rendered = renderScope(scope);
  return candidates.find((c) => {
    const sts = eventStringToSign(parts.amzDate, rendered, c.signature, parts.encodedDate, parts.payload);
    return timingSafeEqual(toHex(hmacWithKey(key, sts)), parts.provided);
  })?.name;
}
