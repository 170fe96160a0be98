/**
 * The named settings of SigV4A: SigV4's (canonical request, payload, headers) plus how the ECDSA nonce is chosen.
 */

import { GENERIC_SETTINGS, S3_SETTINGS, type SigV4Settings } from '../v4/settings';
import type { NonceMode } from './p256';

/** The settings that make one SigV4A signer differ from another. */
export interface SigV4aSettings extends SigV4Settings {
  /**
   * How each signature's ECDSA nonce is chosen. `deterministic` derives it from the key and the digest
   * (RFC 6979): the same request signs to the same bytes, so traces and share links are reproducible.
   * `random` adds fresh entropy as the AWS SDKs and aws-c-auth do, so every signature differs. Servers accept
   * both: they verify with the public key and never compare bytes.
   * https://www.rfc-editor.org/rfc/rfc6979
   */
  nonce: NonceMode;
}

/** SigV4A defaults for services other than S3 (global endpoints). */
export const V4A_GENERIC_SETTINGS: Readonly<SigV4aSettings> = Object.freeze({
  ...GENERIC_SETTINGS,
  nonce: 'deterministic',
});

/** SigV4A defaults for Amazon S3 (Multi-Region Access Points): S3's path and payload rules. */
export const V4A_S3_SETTINGS: Readonly<SigV4aSettings> = Object.freeze({
  ...S3_SETTINGS,
  nonce: 'deterministic',
});
