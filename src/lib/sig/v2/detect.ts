/**
 * Telling a Query API request's signature version: `SignatureVersion=2`, `1` or `0` among its parameters, in the
 * query or a form body. SigV2, SigV1 and SigV0 each detect their own number through this.
 */

import type { HttpRequest } from '../request/model';
import { opt, type AnySchemeId, type Detection } from '../scheme';
import { paramLocation, requestParams } from './params';

/** The detection of `scheme` when the request's SignatureVersion is `version`. */
export function signatureVersionDetection(
  request: HttpRequest,
  version: '0' | '1' | '2',
  scheme: AnySchemeId,
  label: string,
): Detection | undefined {
  const location = paramLocation(request);
  const found = requestParams(request, location).find((p) => p.name === 'SignatureVersion');
  if (found?.value !== version) return undefined;
  const where = location === 'body' ? 'form body' : 'query';
  const reason = `SignatureVersion=${version} in the ${where} (${label}).`;
  return { scheme, mode: location, reason, ...opt('span', found.span) };
}
