/**
 * What SigV4 signing takes and what it returns.
 */

import type { HttpRequest } from '../request/model';
import type { Problem, Span } from '../types';
import type { SignatureStages } from './compute';
import type { SigV4Settings } from './settings';
import type { CredentialScope } from './signing-key';
import type { SigningVariant } from './variant';

/** Where the signature goes: the `Authorization` header, or the query string of a presigned URL. */
export type SigV4Mode = 'header' | 'query';

/** AWS credentials; the session token only for temporary credentials. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Everything a SigV4 signature depends on, passed in: nothing is read from the clock or the environment. */
export interface SigV4Input {
  request: HttpRequest;
  credentials: Credentials;
  region: string;
  service: string;
  mode: SigV4Mode;
  settings: SigV4Settings;
  /** The signing time; by default the request's X-Amz-Date, else its Date. */
  time?: Date;
  /** Presigned URL lifetime in seconds; by default the URL's X-Amz-Expires, else 3600. */
  expires?: number;
  /** Another member of the SigV4 family (SigV4A); SigV4 itself when absent. */
  variant?: Readonly<SigningVariant>;
}

/** A header on the request that the signature leaves out, and why. */
export interface UnsignedHeader {
  name: string;
  reason: string;
  span?: Span;
}

/** A signature with every stage that led to it, and what to add to the request. */
export interface SigV4Trace extends SignatureStages {
  mode: SigV4Mode;
  settings: SigV4Settings;
  /** The signing time, ISO 8601. */
  time: string;
  /** `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
  scope: CredentialScope;
  /** `AKID/date/region/service/aws4_request`. */
  credential: string;
  signedHeaders: string[];
  unsignedHeaders: UnsignedHeader[];
  /** Headers and query parameters the signer added or changed, in the order they go on the request. */
  added: { headers: [string, string][]; query: [string, string][] };
  /** The `Authorization` header value (header mode). */
  authorization?: string;
  /** The presigned URL (query mode). */
  url?: string;
  /** The request as it should be sent, as raw HTTP/1.1. */
  signedRequest: string;
  /** Warnings and notes about what the signer did with the request. */
  notes: Problem[];
}
