/**
 * What a server's error reply says, whatever its shape: S3 XML (with or without `*Bytes`), Query-API
 * `ErrorResponse`, EC2 `Response/Errors`, JSON `{"message"}` / `__type`, plain text, GCS and MinIO; bare, behind an
 * HTTP status line and headers, inside botocore's `Response body:\nb'...'` debug line, or an SDK's one-line wrapper.
 */

import type { Span } from '../types';

/** The body's shape. */
export type ServerErrorFormat = 's3-xml' | 'query-xml' | 'ec2-xml' | 'json' | 'text';

/** What wrapped the body when it was pasted. */
export type ServerErrorEnvelope = 'bare' | 'http' | 'botocore-bytes' | 'sdk-line';

/** A text the server says it expected, decoded, and where it came from. */
export interface ExpectedText {
  text: string;
  /** `bytes` when read from `*Bytes` (hex, or decimal as some S3-compatible servers send), else `text`. */
  from: 'bytes' | 'text';
  /** Where the value sits in the pasted text. */
  span: Span;
}

/** One server error reply, read. */
export interface ServerError {
  format: ServerErrorFormat;
  envelope: ServerErrorEnvelope;
  /** HTTP status, when a status line was pasted. */
  status?: number;
  /** `SignatureDoesNotMatch`, `RequestTimeTooSkewed`, `InvalidSignatureException`, … (JSON `__type` without its namespace). */
  code?: string;
  message?: string;
  /** The canonical request the server computed (SigV4), XML/JSON/bytes escaping undone. */
  canonicalRequest?: ExpectedText;
  /** The string to sign the server computed (SigV4 or SigV2). */
  stringToSign?: ExpectedText;
  signatureProvided?: string;
  accessKeyId?: string;
  /** Clock errors: the request's time, the server's time, the allowed skew (ms), the URL's expiry. */
  requestTime?: string;
  serverTime?: string;
  maxAllowedSkewMs?: number;
  expires?: string;
  /** A presigned URL's lifetime in seconds (`X-Amz-Expires`), when the server echoes it. */
  expiresInSeconds?: number;
  /** Scope errors: the region or service the server expected, and the one it was given. */
  expectedRegion?: string;
  givenRegion?: string;
  expectedService?: string;
  /** The service the request was scoped to, when the server names it ("incorrect service 's4'"). */
  givenService?: string;
  /** Which scheme the expected string to sign is for, judged from its shape. */
  scheme?: 'sigv4' | 'sigv2';
  /** True when the reply carries something to compare against (a canonical request or string to sign). */
  comparable: boolean;
  /** When there is nothing to compare: one sentence saying what to paste instead. */
  advice?: string;
  /** Where this reply sits in the pasted text (a paste may hold several). */
  span: Span;
}
