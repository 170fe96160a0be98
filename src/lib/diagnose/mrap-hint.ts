/**
 * A hint that needs no secret: a request to an S3 Multi-Region Access Point signed with SigV4's HMAC. Such an
 * endpoint takes SigV4A only (the region set `*`), so the signature cannot pass whatever its canonical request.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiRegionAccessPointRequests.html
 */

import { findHeader, requestHost, sameName, type HttpRequest } from '../sig/request/model';
import type { Finding } from './types';

const MRAP_HOST = /\.mrap\.accesspoint\.s3-global\.amazonaws\.com$/i;

/** The hint, when the request goes to a Multi-Region Access Point and carries a SigV4 (HMAC) signature. */
export function mrapHint(request: HttpRequest): Finding[] {
  const host = (requestHost(request) ?? '').replace(/:\d+$/, '');
  if (!MRAP_HOST.test(host)) return [];
  const auth = findHeader(request, 'authorization')?.value.trim() ?? '';
  const query = request.params.find((p) => sameName(p.name, 'X-Amz-Algorithm'))?.value ?? '';
  if (!auth.startsWith('AWS4-HMAC-SHA256') && query !== 'AWS4-HMAC-SHA256') return [];
  return [
    {
      kind: 'client',
      basis: 'suspected',
      component: 'algorithm',
      cause: 'mrap-needs-sigv4a',
      message: `${host} is an S3 Multi-Region Access Point, which takes SigV4A signatures only; this request is signed with SigV4 (AWS4-HMAC-SHA256).`,
      fix: 'Sign with SigV4A (AWS4-ECDSA-P256-SHA256, X-Amz-Region-Set: *); the SDKs do when given the access point ARN and their SigV4A support (the CRT) is installed.',
      evidence: { ours: host, note: 'The host names a Multi-Region Access Point; the signature is SigV4.' },
    },
  ];
}
