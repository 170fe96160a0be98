/**
 * SigV4A: the entry points the registry, the CLI and the page use.
 */

export { deriveV4aKey, fixedInput, MAX_COUNTER, type DerivationTry, type V4aKey } from './key-derivation';
export { parsePublicKey } from './public-key';
export {
  ecdsaVerifyDigest,
  parseDerSignature,
  uncompressedHex,
  type EcdsaParts,
  type P256PublicKey,
} from './p256';
export { renderRegionSet } from './region-set';
export { V4A_GENERIC_SETTINGS, V4A_S3_SETTINGS, type SigV4aSettings } from './settings';
export { signV4a, v4aDigest, type SigV4aDetails, type SigV4aSignInput, type SigV4aTrace } from './sign';
export { ALGORITHM_V4A, parseStringToSignV4a, REGION_SET } from './string-to-sign';
export { verifyV4a, type SigV4aVerifyDetails, type SigV4aVerifyInput } from './verify';
