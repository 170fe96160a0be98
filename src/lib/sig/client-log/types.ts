/**
 * What a client printed about its own signing: botocore / `aws --debug`, aws-sdk-go v1 `LogDebugWithSigning` and
 * aws-sigv4-proxy, aws-sdk-go v2, AWS SDK for Java v1 and v2, `awscurl -v`, `curl -v --aws-sigv4`, and `aws4`.
 */

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
  | 'aws4';

/** A value read from the log and where it sits. */
export interface LoggedText {
  text: string;
  span: Span;
}

/** What the client says it signed. */
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
}

/** One string to sign a client logged, and the signature it logged for it. */
export interface Signing {
  stringToSign: LoggedText;
  signature?: LoggedText;
  canonicalRequest?: LoggedText;
}
