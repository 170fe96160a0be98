/**
 * S3's refusals of a SigV4A request's region set, read from the reply, as S3 words them (measured against
 * s3.us-east-1.amazonaws.com and reproduced in brekkylab/backlot `backlot/auth.py`): `InvalidRequest` "Missing
 * required header for this request: x-amz-region-set"; `AuthorizationQueryParametersError` "SigV4a query auth
 * requires a non empty x-amz-region-set parameter."; `RegionSetMismatch` "The provided X-Amz-Region-Set doesn't
 * match against the requested S3 region." with `<RequestedRegion>` and `<RegionSet>`; `AccessDenied` "There were
 * headers present in the request which were not signed" with `<HeadersNotSigned>`; and a SigV4A credential with
 * a region in it: 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/SERVICE/aws4_request".'
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-canonical-request-sigv4a
 */

import type { Span } from '../types';
import { readMember, type Member } from './members';
import type { ServerError } from './types';

/** A refusal about the region set or the signed headers, by kind. */
export type RegionSetReply =
  | { kind: 'region-set-missing'; location: 'header' | 'query' }
  | { kind: 'region-set-mismatch'; regionSet?: Member; requestedRegion?: Member }
  | { kind: 'headers-not-signed'; headers: string[]; member?: Member }
  | { kind: 'v4a-credential' };

/** Reads a region-set or unsigned-header refusal; `undefined` when the reply is neither. */
export function readRegionSetReply(
  server: ServerError,
  paste: string,
  span: Span,
): RegionSetReply | undefined {
  const message = server.message ?? '';
  if (/Missing required header for this request:\s*x-amz-region-set/i.test(message)) {
    return { kind: 'region-set-missing', location: 'header' };
  }
  if (/requires a non[- ]empty x-amz-region-set parameter/i.test(message)) {
    return { kind: 'region-set-missing', location: 'query' };
  }
  if (server.code === 'RegionSetMismatch' || /X-Amz-Region-Set doesn't match/i.test(message)) {
    const regionSet = readMember(paste, span, 'RegionSet');
    const requestedRegion = readMember(paste, span, 'RequestedRegion');
    return {
      kind: 'region-set-mismatch',
      ...(regionSet ? { regionSet } : {}),
      ...(requestedRegion ? { requestedRegion } : {}),
    };
  }
  if (/headers present in the request which were not signed/i.test(message)) {
    const member = readMember(paste, span, 'HeadersNotSigned');
    const headers = (member?.value ?? '')
      .split(/[,\s]+/)
      .map((h) => h.toLowerCase())
      .filter(Boolean);
    return { kind: 'headers-not-signed', headers, ...(member ? { member } : {}) };
  }
  if (/expecting "<YOUR-AKID>\/YYYYMMDD\/SERVICE\/aws4_request"/i.test(message)) {
    return { kind: 'v4a-credential' };
  }
  return undefined;
}

const KINDS = new Set(['region-set-missing', 'region-set-mismatch', 'headers-not-signed', 'v4a-credential']);

/** Whether a reply read by `readSigningReply` is a region-set or unsigned-header refusal. */
export function isRegionSetReply(reply: { kind: string }): reply is RegionSetReply {
  return KINDS.has(reply.kind);
}
