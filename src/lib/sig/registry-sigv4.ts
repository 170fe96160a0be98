/**
 * The SigV4 family's typed surface, for the layers that work on its artefacts themselves: diagnosis diffs a
 * server's canonical request and string to sign against ours part by part, the worker and the CLI render SigV4's
 * typed trace, the page keeps its settings. Outside the scheme folders (`v4/`, `v4a/`, `streaming/`,
 * `event-stream/`, `post-policy/`) and the registry nothing imports them (eslint.config.js enforces it): what
 * the rest of the code uses of them is listed here, so the seam is one reviewable file. The modes' engines
 * (event streams, POST policies, chunked uploads, SigV4A's ECDSA) are in registry-sigv4-modes.ts, so that what
 * signs or checks a plain SigV4 request does not load them.
 */

/** Reading a pasted POST form is a reader like the request's: light, and needed before any mode is chosen. */
export { isPostForm, readPostForm } from './post-policy/form';
export type { PostForm } from './post-policy/form';
export { CHUNK_ALGORITHM, TRAILER_ALGORITHM, streamingModeOf } from './streaming/payload-mode';
export type { StreamingMode } from './streaming/payload-mode';
export { parseAuthorization, parseCredential } from './v4/authorization';
export { canonicalHeaderValue } from './v4/canonical-headers';
export { normalizePathSegments } from './v4/canonical-path';
export { parseCanonicalRequest, renderCanonicalRequest } from './v4/canonical-request';
export type { CanonicalPart, CanonicalRequest } from './v4/canonical-request';
export { computeStages } from './v4/compute';
export type { SignatureStages } from './v4/compute';
export { REGIONS, SERVICES, SIGV4_MISTAKES } from './v4/mistakes';
export type { CanonicalVariant, SigV4Mistake } from './v4/mistakes';
export { EMPTY_SHA256, bodyHashOf } from './v4/payload-hash';
export { scopeOrFail } from './v4/scope-inference';
export { signV4 } from './v4/sign';
export { QUERY_AUTH } from './v4/sign-query';
export { deriveSigningKey, renderScope, scopeOf } from './v4/signing-key';
export type { CredentialScope, KeyChainStep } from './v4/signing-key';
export { ALGORITHM, parseStringToSign, renderStringToSign } from './v4/string-to-sign';
export type { StringToSign } from './v4/string-to-sign';
export { parseAmzDate, parseHttpDate, toAmzDate } from './v4/time';
export { v4SchemeTrace } from './v4/trace';
export { planVerification, readProvidedSignature, verifyV4 } from './v4/verify';
export type { ProvidedSignature, SigV4Verification, VerificationPlan } from './v4/verify';
export { ALGORITHM_V4A } from './v4a/string-to-sign';
