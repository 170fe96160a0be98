/**
 * What a request says about its own signing: the credential in `Authorization` or `X-Amz-Credential`, the session
 * token, and whether it is for S3 (which signs its path differently).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */

import { percentDecodeText } from '../encoding';
import { parseAuthorization, parseCredential, QUERY_AUTH } from '../registry-sigv4';
import { findHeader, requestHost, type HttpRequest } from './model';
import type { SigningHints } from './pasted';
import { parseQueryString } from './query';

/** Whether a host is Amazon S3's: a label `s3` or one starting `s3-` (`bucket.s3.us-east-1.amazonaws.com`). */
export function isS3Host(host: string): boolean {
  return /(^|\.)s3[.-]/i.test(host);
}

function queryParam(request: HttpRequest, name: string): string | undefined {
  if (request.query === null) return undefined;
  const lower = name.toLowerCase();
  const found = parseQueryString(request.query).find((p) => p.name.toLowerCase() === lower);
  return found?.value == null ? undefined : percentDecodeText(found.value);
}

/** Reads the hints a request carries itself; fields it says nothing about are left out. */
export function requestHints(request: HttpRequest): SigningHints {
  const hints: SigningHints = {};
  let sigV2 = false;
  const auth = findHeader(request, 'authorization')?.value;
  const queryCredential = queryParam(request, QUERY_AUTH.credential);
  if (auth !== undefined && /^AWS4-/i.test(auth)) {
    const parsed = parseAuthorization(auth);
    hints.mode = 'header';
    if (parsed.ok) {
      hints.accessKeyId = parsed.value.credential.accessKeyId;
      hints.region = parsed.value.credential.scope.region;
      hints.service = parsed.value.credential.scope.service;
    }
  } else if (queryCredential !== undefined) {
    const parsed = parseCredential(queryCredential);
    hints.mode = 'query';
    if (parsed.ok) {
      hints.accessKeyId = parsed.value.accessKeyId;
      hints.region = parsed.value.scope.region;
      hints.service = parsed.value.scope.service;
    }
  } else {
    // Signature Version 2: `Authorization: AWS AKID:signature` (S3) or `AWSAccessKeyId=` in the query.
    const v2 = auth === undefined ? undefined : /^AWS\s+([^:\s]+):/.exec(auth)?.[1];
    const accessKeyId = v2 ?? queryParam(request, 'AWSAccessKeyId');
    if (accessKeyId) hints.accessKeyId = accessKeyId;
    sigV2 = accessKeyId !== undefined;
  }
  const token = findHeader(request, 'x-amz-security-token')?.value ?? queryParam(request, QUERY_AUTH.token);
  if (token) hints.sessionToken = token;
  const host = requestHost(request);
  // No scheme id names Signature Version 2 yet, so a V2 request gets none.
  if (sigV2) return hints;
  if (hints.service === 's3' || (host !== undefined && isS3Host(host))) hints.scheme = 'sigv4-s3';
  else if (hints.mode) hints.scheme = 'sigv4';
  return hints;
}
