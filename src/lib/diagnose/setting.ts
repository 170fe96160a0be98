/**
 * What every step of an explanation reads: the input, the explanation so far, the scheme's settings, and the
 * server's expected canonical request and string to sign when its reply carried them.
 */

import type { CanonicalRequest, StringToSign } from '../sig/registry-sigv4';
import type { SigV4Settings } from '../sig/registry-settings';
import type { Explanation, ExplainInput } from './types';

/** The shared state of one explanation. */
export interface Setting {
  input: ExplainInput;
  out: Explanation;
  settings: SigV4Settings;
  s3: boolean;
  serverCr?: CanonicalRequest;
  serverSts?: StringToSign;
}
