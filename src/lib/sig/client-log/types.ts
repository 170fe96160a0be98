/**
 * What a client printed about its own signing: botocore / `aws --debug`, aws-sdk-go v1 `LogDebugWithSigning` and
 * aws-sigv4-proxy, aws-sdk-go v2, AWS SDK for Java v1 and v2, `awscurl -v`, `curl -v --aws-sigv4`, and `aws4`.
 */

import type { Truncation } from '../server-error/types';
import type { Span } from '../types';

/** Which client wrote the log. */
export type ClientLogSource =
  | 'botocore'
  | 'aws-sdk-go'
  | 'aws-sdk-go-v2'
  | 'aws-sdk-java-v1'
  | 'aws-sdk-java-v2'
  | 'awscurl'
  | 'curl'
  | 'aws4'
  | 'signer-log';

/** A value read from the log and where it sits. */
export interface LoggedText {
  text: string;
  span: Span;
  /** Set when the paste ends inside this value: only `text`, the part there, can be compared. */
  truncated?: Truncation;
  /** What was undone to read this value (literal `\n` escapes, a logger's quotes, …). */
  normalized?: string[];
}

/**
 * What the client says it signed: the primary (last) signing in the top-level fields. `signer-log` is any signer's
 * log read by its labels (`Canonical Request:`, `StringToSign:`, Ruby gems' `Signed string:`, s3cmd `--debug`,
 * Python logging in any format).
 */
export interface ClientLog {
  source: ClientLogSource;
  canonicalRequest?: LoggedText;
  stringToSign?: LoggedText;
  signature?: LoggedText;
  signingKey?: LoggedText;
  authorization?: LoggedText;
  /**
   * Every string to sign the log shows with the signature logged after it, in order, when it shows more than one
   * (a retry, a reconnect, a second request); the fields above keep the last.
   */
  signings?: Signing[];
  /** Which scheme the primary signing is for, when the log shows it is SigV2 (`GET\n\n\nDate\n/resource`). */
  scheme?: 'sigv4' | 'sigv2';
  /** The HTTP request the log shows being sent (`curl -v`'s `> ` lines), its prefixes removed. */
  request?: LoggedText;
  /** Set when the paste ends inside something being read: where it ends, and inside what. */
  truncated?: Truncation;
  /** What was normalized in the paste to read it (a per-line prefix, CRLF, doubled blank lines, …). */
  normalized?: string[];
}

/** One string to sign a client logged, and the signature it logged for it. */
export interface Signing {
  stringToSign: LoggedText;
  signature?: LoggedText;
  canonicalRequest?: LoggedText;
  /** `sigv2` for a SigV2 / S3 SigV2 string to sign (`GET\n\n\nDate\n/resource`); absent means SigV4. */
  scheme?: 'sigv4' | 'sigv2';
}
