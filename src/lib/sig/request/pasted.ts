/**
 * What people paste as "the request": raw HTTP, `curl -v` output, a curl command, a HAR file or entry, or a
 * presigned URL. Each form is read into raw HTTP/1.1 text, which the engine signs, plus what the paste says about
 * signing (curl's `--aws-sigv4` and `--user`).
 */

import type { SchemeId } from '../registry';
import type { Problem, Span } from '../types';
import type { SigV4Mode } from '../registry-settings';

/** The forms a pasted request can take. */
export type RequestForm = 'http' | 'curl-verbose' | 'curl' | 'har' | 'url';

/** What a paste says about how it was signed, beside the request itself. */
export interface SigningHints {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
  service?: string;
  scheme?: SchemeId;
  mode?: SigV4Mode;
}

/** A pasted request read into raw HTTP. */
export interface PastedRequest {
  form: RequestForm;
  /** The request as raw HTTP/1.1 text: what the engine parses and signs. */
  http: string;
  /**
   * For each line of `http`, the span of the paste it came from (same length as `http.split('\n')`), so that a
   * problem found in the HTTP text can point at the paste. Empty spans for lines the reader wrote itself.
   */
  lineSources: Span[];
  hints: SigningHints;
  /** Warnings and notes about what was read and what was left out. */
  notes: Problem[];
}
