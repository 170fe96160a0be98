/**
 * The SigV4 pipeline from a signing plan to the signature: canonical request, its hash, string to sign, key chain,
 * signature. Signing and verifying build the plan differently and share this.
 */

import { hmacHexWithKey, sha256HexNow } from '../crypto';
import type { Span } from '../types';
import { canonicalHeaders, type HeaderField } from './canonical-headers';
import { canonicalPath } from './canonical-path';
import { canonicalQueryPairs, type WireQueryPair } from './canonical-query';
import {
  canonicalRequestLines,
  renderCanonicalRequest,
  type CanonicalLine,
  type CanonicalRequest,
} from './canonical-request';
import type { SigV4Settings } from './settings';
import { deriveSigningKey, type CredentialScope, type KeyChainStep } from './signing-key';
import { renderStringToSign, type StringToSign } from './string-to-sign';
import { SIGV4_VARIANT, variantScope, type SigningVariant } from './variant';

/** Everything the pipeline needs, already chosen: which headers and parameters, which hash, which time. */
export interface SigningPlan {
  method: string;
  methodSources: Span[];
  /** The path exactly as sent. */
  wirePath: string;
  pathSources: Span[];
  /** Every query parameter to sign, still percent-encoded as sent (or as the signer will send it). */
  query: WireQueryPair[];
  /** Only the header fields to sign. */
  headers: HeaderField[];
  payloadHash: string;
  payloadSources: Span[];
  /** `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
  scope: CredentialScope;
  secretAccessKey: string;
  settings: Pick<SigV4Settings, 'doubleEncodePath' | 'normalizePath'>;
}

/** Every intermediate stage of a SigV4 signature. */
export interface SignatureStages {
  canonicalRequest: CanonicalRequest;
  /** The canonical request text, exactly as hashed. */
  canonicalRequestText: string;
  canonicalRequestLines: CanonicalLine[];
  canonicalRequestHash: string;
  stringToSign: StringToSign;
  stringToSignText: string;
  keyChain: KeyChainStep[];
  /** kSigning as hex. */
  signingKey: string;
  signature: string;
}

/** Builds the canonical request of a plan. */
export function buildCanonicalRequest(plan: SigningPlan): CanonicalRequest {
  const headers = canonicalHeaders(plan.headers);
  return {
    method: plan.method,
    path: canonicalPath(plan.wirePath, plan.settings),
    query: canonicalQueryPairs(plan.query),
    headers,
    signedHeaders: headers.map((h) => h.name),
    payloadHash: plan.payloadHash,
    sources: { method: plan.methodSources, path: plan.pathSources, payloadHash: plan.payloadSources },
  };
}

/**
 * Runs a plan through every stage to the signature (at once: every input here is small). A variant that signs
 * on its own (SigV4A) derives no HMAC key chain: `keyChain` is empty and `signingKey` is `''`.
 */
export function computeStages(
  plan: SigningPlan,
  variant: Readonly<SigningVariant> = SIGV4_VARIANT,
): SignatureStages {
  const canonicalRequest = buildCanonicalRequest(plan);
  const canonicalRequestText = renderCanonicalRequest(canonicalRequest);
  const canonicalRequestHash = sha256HexNow(canonicalRequestText);
  const stringToSign: StringToSign = {
    algorithm: variant.algorithm,
    requestDateTime: plan.amzDate,
    credentialScope: variantScope(plan.scope, variant),
    canonicalRequestHash,
  };
  const stringToSignText = renderStringToSign(stringToSign);
  const key = variant.sign ? undefined : deriveSigningKey(plan.secretAccessKey, plan.scope);
  const signature = key ? hmacHexWithKey(key.key, stringToSignText) : variant.sign!(stringToSignText);
  // The labelled lines are for showing the stages; a signature alone never reads them. Made on first read, by an
  // own enumerable accessor (spreading, JSON and structured cloning see it as a value).
  let lines: CanonicalLine[] | undefined;
  return {
    canonicalRequest,
    canonicalRequestText,
    get canonicalRequestLines(): CanonicalLine[] {
      return (lines ??= canonicalRequestLines(canonicalRequest));
    },
    set canonicalRequestLines(value: CanonicalLine[]) {
      lines = value;
    },
    canonicalRequestHash,
    stringToSign,
    stringToSignText,
    keyChain: key?.chain ?? [],
    signingKey: key?.hex ?? '',
    signature,
  };
}
