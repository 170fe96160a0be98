/**
 * How another member of the SigV4 family differs from SigV4 itself, so that it can reuse SigV4's canonical
 * request, header selection, presigning and verification planning instead of copying them. SigV4A is one: its
 * algorithm name, its scope without a region, the `X-Amz-Region-Set` it adds and its ECDSA signature.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-sigv4a-request
 */

import { renderScope, type CredentialScope } from './signing-key';
import { ALGORITHM } from './string-to-sign';

/** What a SigV4 variant changes; everything else is SigV4's. */
export interface SigningVariant {
  /** The algorithm name in the string to sign, `Authorization` and `X-Amz-Algorithm`. */
  algorithm: string;
  /**
   * The scope leaves the region out (`date/service/aws4_request`): SigV4A, whose regions go in
   * `X-Amz-Region-Set` instead.
   */
  regionlessScope: boolean;
  /**
   * What the variant adds before signing, values decoded: as headers in header mode, as query parameters in a
   * presigned URL (SigV4A's `X-Amz-Region-Set`).
   */
  authParams: readonly (readonly [string, string])[];
  /**
   * Signs the string to sign and returns the signature as sent. SigV4 signs with HMAC under the derived key;
   * SigV4A with ECDSA under the derived P-256 key.
   */
  sign?: (stringToSign: string) => string;
}

/** SigV4 itself. */
export const SIGV4_VARIANT: Readonly<SigningVariant> = Object.freeze({
  algorithm: ALGORITHM,
  regionlessScope: false,
  authParams: [],
});

/** The scope text of a variant: `date/region/service/aws4_request`, or without the region. */
export function variantScope(
  scope: CredentialScope,
  variant: Pick<SigningVariant, 'regionlessScope'>,
): string {
  return variant.regionlessScope ? `${scope.date}/${scope.service}/${scope.terminator}` : renderScope(scope);
}
