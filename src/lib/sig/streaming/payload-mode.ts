/**
 * The streaming payload literals an S3 upload puts in `x-amz-content-sha256`, and what each one means: are the
 * chunks signed, is there a trailer, is its signature HMAC (SigV4) or ECDSA (SigV4A).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
 */

/** How an aws-chunked upload is signed. */
export interface StreamingMode {
  /** The `x-amz-content-sha256` literal. */
  literal: string;
  /** `sigv4` chains HMAC signatures, `sigv4a` ECDSA ones. */
  algorithm: 'sigv4' | 'sigv4a';
  /** Every chunk carries `;chunk-signature=`. */
  signedChunks: boolean;
  /** Trailing headers follow the final chunk (their names in `x-amz-trailer`). */
  trailer: boolean;
  /** The trailer carries `x-amz-trailer-signature`. */
  signedTrailer: boolean;
}

/** Every streaming literal S3 knows. */
export const STREAMING_MODES: readonly StreamingMode[] = [
  {
    literal: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    algorithm: 'sigv4',
    signedChunks: true,
    trailer: false,
    signedTrailer: false,
  },
  {
    literal: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
    algorithm: 'sigv4',
    signedChunks: true,
    trailer: true,
    signedTrailer: true,
  },
  {
    literal: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    algorithm: 'sigv4',
    signedChunks: false,
    trailer: true,
    signedTrailer: false,
  },
  {
    literal: 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
    algorithm: 'sigv4a',
    signedChunks: true,
    trailer: false,
    signedTrailer: false,
  },
  {
    literal: 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
    algorithm: 'sigv4a',
    signedChunks: true,
    trailer: true,
    signedTrailer: true,
  },
];

/** The mode of an `x-amz-content-sha256` value, or `undefined` when it is not a streaming literal. */
export function streamingModeOf(literal: string): StreamingMode | undefined {
  return STREAMING_MODES.find((m) => m.literal === literal.trim());
}

/** How a caller names the kind of upload to sign. */
export type ChunkedKind = 'signed' | 'signed-trailer' | 'unsigned-trailer';

/** The mode for a kind of upload under an algorithm; SigV4A has no unsigned-trailer literal of its own. */
export function streamingMode(algorithm: 'sigv4' | 'sigv4a', kind: ChunkedKind): StreamingMode {
  const signedChunks = kind !== 'unsigned-trailer';
  const trailer = kind !== 'signed';
  return STREAMING_MODES.find(
    (m) =>
      m.signedChunks === signedChunks &&
      m.trailer === trailer &&
      (m.algorithm === algorithm || !signedChunks),
  )!;
}

/** S3's smallest chunk, for every chunk but the last. */
export const MIN_CHUNK_SIZE = 8192;

/** The algorithm line of a chunk's string to sign. */
export const CHUNK_ALGORITHM = {
  sigv4: 'AWS4-HMAC-SHA256-PAYLOAD',
  sigv4a: 'AWS4-ECDSA-P256-SHA256-PAYLOAD',
} as const;

/** The algorithm line of the trailer's string to sign. */
export const TRAILER_ALGORITHM = {
  sigv4: 'AWS4-HMAC-SHA256-TRAILER',
  sigv4a: 'AWS4-ECDSA-P256-SHA256-TRAILER',
} as const;

/**
 * SigV4A chunk and trailer signatures are DER of varying length; on the wire aws-c-auth pads them on the right
 * with `*` to 144 characters (the longest DER, 72 bytes, in hex) so that Content-Length can be known up front.
 * The chain (the previous signature line) uses the signature without the padding.
 */
export const V4A_SIGNATURE_WIDTH = 144;

/** Pads a SigV4A signature to its wire width. */
export function padV4aSignature(signature: string): string {
  return signature.padEnd(V4A_SIGNATURE_WIDTH, '*');
}

/** Removes the `*` padding of a SigV4A signature. */
export function trimV4aSignature(signature: string): string {
  return signature.replace(/\*+$/, '');
}
