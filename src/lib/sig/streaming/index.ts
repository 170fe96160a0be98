/**
 * Streaming uploads (aws-chunked, signed chunks and trailers): the entry points the registry, the CLI and the
 * page use.
 */

export {
  readAwsChunked,
  TRAILER_SIGNATURE,
  type ReadChunk,
  type ReadChunkedBody,
  type ReadTrailer,
} from './aws-chunked';
export { signChunk, signLink, type ChainKey, type ChunkLink } from './chain';
export {
  canonicalTrailers,
  chunkStringToSign,
  trailerStringToSign,
  type ChainContext,
} from './chunk-string-to-sign';
export {
  MIN_CHUNK_SIZE,
  padV4aSignature,
  streamingMode,
  streamingModeOf,
  STREAMING_MODES,
  trimV4aSignature,
  type ChunkedKind,
  type StreamingMode,
} from './payload-mode';
export {
  signChunks,
  type ChunkedDetails,
  type ChunkedTrace,
  type SignChunksInput,
  type TrailerLink,
} from './sign-chunks';
export {
  verifyChunked,
  type ChainBreak,
  type ChunkCheck,
  type ChunkedVerifyDetails,
  type VerifyChunkedInput,
} from './verify-chunked';
export { bodySpanMapper, type ToPaste } from './body-spans';
export { payloadChecksum } from './trailer-checksum';
export { chunkSizes, signUploadSeed, type UploadSeed, type UploadSeedInput } from './seed';
export { hashSlices } from './chain';
