/**
 * What a server's error reply says, whatever its shape: S3 XML (with or without `*Bytes`), Query-API
 * `ErrorResponse`, EC2 `Response/Errors`, JSON `{"message"}` / `__type`, plain text, GCS and MinIO; bare, behind an
 * HTTP status line and headers, inside botocore's `Response body:\nb'...'` debug line, or an SDK's one-line wrapper.
 */

import type { Span } from '../types';

/** The body's shape; `object` is a Python or JavaScript object as a program printed it (repr, util.inspect). */
export type ServerErrorFormat = 's3-xml' | 'query-xml' | 'ec2-xml' | 'json' | 'object' | 'text';

/**
 * What wrapped the body when it was pasted: `node-error` is Node's print of an SDK error (its stack, then the
 * error object's members); `printed-object` a Python or JavaScript object printed on its own (pprint, repr).
 */
export type ServerErrorEnvelope =
  'bare' | 'http' | 'botocore-bytes' | 'sdk-line' | 'node-error' | 'printed-object';

/** Where a pasted text ends before the thing being read does: the last part read, and what was cut. */
export interface Truncation {
  /** The end of what was read (the last partial line or token), in the paste. */
  span: Span;
  /** What the paste ends inside: "the canonical request", "the XML reply", … */
  what: string;
}

/** A text the server says it expected, decoded, and where it came from. */
export interface ExpectedText {
  text: string;
  /** `bytes` when read from `*Bytes` (hex, or decimal as some S3-compatible servers send), else `text`. */
  from: 'bytes' | 'text';
  /** Where the value sits in the pasted text. */
  span: Span;
  /** Set when the paste ends inside this value: only the part read (`text`) can be compared. */
  truncated?: Truncation;
  /** What was normalized in this value to read it (surrounding blank lines, spaces that stood for newlines). */
  normalized?: string[];
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
  /** Set when the paste ends inside this reply (cut off): where it ends, and inside what. */
  truncated?: Truncation;
  /** What was normalized in the paste to read this reply (a per-line prefix, CRLF, doubled blank lines, …). */
  normalized?: string[];
}
