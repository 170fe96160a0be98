/**
 * Signing a request with SigV4A: SigV4's canonical request with the regions in `X-Amz-Region-Set`, the string to
 * sign `AWS4-ECDSA-P256-SHA256` with a region-less scope, and an ECDSA P-256 signature under the key derived from
 * the secret; in the Authorization header or a presigned URL. Never changes the caller's request.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-sigv4a-request
 */

import { fromHex, sha256HexNow } from '../crypto';
import type { HttpRequest } from '../request/model';
import type { SchemeCredentials, SchemeTrace } from '../trace';
import { fail, ok, problem, type Result } from '../types';
import type { SignatureStages } from '../v4/compute';
import { signV4 } from '../v4/sign';
import type { SigV4Mode, UnsignedHeader } from '../v4/types';
import type { SigningVariant } from '../v4/variant';
import { deriveV4aKey, type DerivationTry } from './key-derivation';
import {
  ecdsaSignDigest,
  parseDerSignature,
  uncompressedHex,
  type EcdsaParts,
  type P256PublicKey,
} from './p256';
import { renderRegionSet } from './region-set';
import { V4A_GENERIC_SETTINGS, type SigV4aSettings } from './settings';
import { keyChainOf, keyStage, requestStages, signatureStage } from './stages';
import { ALGORITHM_V4A, REGION_SET } from './string-to-sign';

/** Everything a SigV4A signature depends on, passed in. */
export interface SigV4aSignInput {
  request: HttpRequest;
  credentials: SchemeCredentials;
  /** The regions the signature is valid in, as a list or comma-separated; `*` for all. */
  regionSet: string | readonly string[];
  service: string;
  mode: SigV4Mode;
  /** Overrides of `V4A_GENERIC_SETTINGS` (use `V4A_S3_SETTINGS` as the base for S3 by passing it whole). */
  settings?: Partial<SigV4aSettings>;
  /** The signing time; by default the request's X-Amz-Date, else its Date. */
  time?: Date;
  /** Presigned URL lifetime in seconds; by default the URL's X-Amz-Expires, else 3600. */
  expires?: number;
}

/** What the SigV4A trace carries besides the common shape. */
export interface SigV4aDetails {
  /** The SigV4 stages, typed: canonical request, its lines and hash, string to sign. */
  stages: SignatureStages;
  /** The `X-Amz-Region-Set` value signed. */
  regionSet: string;
  amzDate: string;
  /** `AKID/date/service/aws4_request`. */
  credential: string;
  signedHeaders: string[];
  unsignedHeaders: UnsignedHeader[];
  key: { counter: number; tries: DerivationTry[]; publicKey: P256PublicKey };
  signatureParts: EcdsaParts;
  settings: SigV4aSettings;
}

/** The SigV4A trace. */
export type SigV4aTrace = SchemeTrace<SigV4aDetails>;

/** The SHA-256 digest ECDSA signs: of the string to sign as UTF-8. */
export function v4aDigest(stringToSign: string): Uint8Array {
  return fromHex(sha256HexNow(stringToSign))!;
}

/** The SigV4 variant that SigV4A is, signing with a given key. */
export function v4aVariant(regionSet: string, sign: (sts: string) => string): SigningVariant {
  return { algorithm: ALGORITHM_V4A, regionlessScope: true, authParams: [[REGION_SET, regionSet]], sign };
}

/** Signs a request with SigV4A in header or query mode and returns every stage. */
export async function signV4a(input: SigV4aSignInput): Promise<Result<SigV4aTrace>> {
  const settings: SigV4aSettings = { ...V4A_GENERIC_SETTINGS, ...input.settings };
  const regions = renderRegionSet(input.regionSet);
  if (!regions.ok) return fail(regions.problems);
  const key = deriveV4aKey(input.credentials.accessKeyId, input.credentials.secretAccessKey);
  if (!key) {
    return fail([
      problem('v4a-key', 'No SigV4A key can be derived from this secret: every counter value was rejected.'),
    ]);
  }
  const variant = v4aVariant(regions.value, (sts) =>
    ecdsaSignDigest(v4aDigest(sts), key.privateKey, settings.nonce),
  );
  const signed = await signV4({
    request: input.request,
    credentials: input.credentials,
    region: '',
    service: input.service,
    mode: input.mode,
    settings,
    variant,
    ...(input.time ? { time: input.time } : {}),
    ...(input.expires !== undefined ? { expires: input.expires } : {}),
  });
  if (!signed.ok) return fail([...regions.problems, ...signed.problems]);
  const v4 = signed.value;
  // Our own signature always parses: it came from the library's DER encoder.
  const parts = parseDerSignature(fromHex(v4.signature)!)!;
  const notes = [...regions.problems, ...v4.notes];
  const trace: SigV4aTrace = {
    scheme: 'sigv4a',
    mode: v4.mode,
    stages: [...requestStages(v4), keyStage(key), signatureStage(v4.signature, parts)],
    keyChain: keyChainOf(key),
    signature: v4.signature,
    signatureEncoding: 'hex',
    added: v4.added,
    signedRequest: v4.signedRequest,
    ...(v4.authorization ? { authorization: v4.authorization } : {}),
    ...(v4.url ? { url: v4.url } : {}),
    publicKey: uncompressedHex(key.publicKey),
    notes,
    details: {
      stages: v4,
      regionSet: regions.value,
      amzDate: v4.amzDate,
      credential: v4.credential,
      signedHeaders: v4.signedHeaders,
      unsignedHeaders: v4.unsignedHeaders,
      key: { counter: key.counter, tries: key.tries, publicKey: key.publicKey },
      signatureParts: parts,
      settings,
    },
  };
  return ok(trace, notes);
}
