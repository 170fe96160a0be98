/**
 * The typed surface of the SigV4 family's modes and of SigV4A, beside registry-sigv4.ts: event streams, POST
 * policies, chunked uploads and SigV4A's ECDSA, for the pages, the worker and diagnosis that work on them. A
 * separate file so that importing SigV4's own surface does not load these engines (a CLI sign of a plain request
 * compiles none of them); the scheme objects of the registry load them when a mode is used.
 */

export { decodeFrames, readMessages, verifyEventStream } from './event-stream/index';
export type { ReadMessage } from './event-stream/index';
export { encodeMessage } from './event-stream/message';
export type { EventHeaderValue } from './event-stream/message';
export { SIGNATURE_HEADER, dateHeader, eventStringToSign } from './event-stream/string-to-sign';
export { verifyPostPolicy } from './post-policy/index';
export type {
  CheckStatus,
  ConditionCheck,
  PolicySignatureCheck,
  PostPolicy,
  PostPolicyVerifyDetails,
} from './post-policy/index';
export {
  bodySpanMapper,
  canonicalTrailers,
  hashSlices,
  padV4aSignature,
  readAwsChunked,
  signChunk,
  signLink,
  signUploadSeed,
  trailerStringToSign,
  trimV4aSignature,
  verifyChunked,
} from './streaming/index';
export type { ChainContext, ChunkLink, ChunkedVerifyDetails, TrailerLink } from './streaming/index';
export { V4A_GENERIC_SETTINGS, V4A_S3_SETTINGS, signV4a, verifyV4a } from './v4a/index';
export { regionSetOf } from './v4a/region-set-check';
export { v4aVariant } from './v4a/sign';
