/**
 * Choosing how to treat a pasted request: which scheme (an S3 host means SigV4 as S3 checks it), whether to sign it
 * or verify the signature it carries, and header or query mode.
 */

import { inferEndpoint } from '../sig/endpoint';
import { percentDecodeText } from '../sig/encoding';
import { findHeader, requestHost, sameName, type HttpRequest } from '../sig/request/model';
import type { RequestForm, SigningHints } from '../sig/request/pasted';
import { parseQueryString } from '../sig/request/query';
import type { SigV4Mode } from '../sig/registry-settings';
import type { Action, Seen } from './protocol';

/** What was chosen, and why, in words the page shows: `Seen` less the paste's form and the HTTP read from it. */
export type Detection = Omit<Seen, 'form' | 'http'>;

const CREDENTIAL = /Credential=([^,\s]+)/i;

function scopeParts(
  credential: string,
): { akid: string; date: string; region: string; service: string } | null {
  const parts = credential.split('/');
  if (parts.length !== 5) return null;
  return { akid: parts[0]!, date: parts[1]!, region: parts[2]!, service: parts[3]! };
}

/** Reads the scheme, action, mode and scope a request suggests. */
export function detect(
  request: HttpRequest | undefined,
  hints: SigningHints = {},
  form?: RequestForm,
): Detection {
  const facts: string[] = [];
  const params = request?.query ? parseQueryString(request.query) : [];
  const param = (name: string) => params.find((p) => sameName(p.name, name));
  const auth = request ? findHeader(request, 'authorization') : undefined;
  const querySig = param('X-Amz-Signature');
  const queryCred = param('X-Amz-Credential');

  let credential: string | undefined;
  let action: Action = 'sign';
  let actionReason = 'no signature on the request: signing it';
  let location: SigV4Mode = hints.mode ?? 'header';
  if (auth && /^AWS4-/i.test(auth.value)) {
    action = 'verify';
    actionReason = 'it carries an Authorization header: checking that signature';
    location = 'header';
    credential = CREDENTIAL.exec(auth.value)?.[1];
    facts.push('signed with an Authorization header');
  } else if (querySig) {
    action = 'verify';
    actionReason = 'it carries X-Amz-Signature: checking that presigned URL';
    location = 'query';
    credential = queryCred?.value ? percentDecodeText(queryCred.value) : undefined;
    facts.push('presigned: the signature is in the query string');
  } else if (auth) {
    facts.push(`an Authorization header that is not SigV4 (${auth.value.split(' ')[0]})`);
  } else {
    facts.push('not signed yet');
  }

  const scope = credential ? scopeParts(credential) : null;
  const host = request ? requestHost(request) : undefined;
  const endpoint = host ? inferEndpoint(host) : undefined;
  const out: Detection = {
    scheme: 'sigv4',
    schemeReason: 'the generic SigV4 rules apply to every service but S3',
    action,
    actionReason,
    location,
    facts,
  };
  if ((scope?.service ?? endpoint?.service) === 's3') {
    out.scheme = 'sigv4-s3';
    out.schemeReason = scope ? 'the credential scope names s3' : `${host} is an S3 host`;
  }
  if (hints.scheme && hints.scheme !== out.scheme) {
    out.scheme = hints.scheme;
    out.schemeReason = form === 'curl' ? 'named by the curl command' : 'read from the request';
  }
  if (scope) {
    out.region = { value: scope.region, from: 'the credential scope' };
    out.service = { value: scope.service, from: 'the credential scope' };
    out.accessKeyId = { value: scope.akid, from: 'the credential' };
  } else {
    const pasted = form === 'curl' ? 'the curl command' : 'the paste';
    if (hints.region) out.region = { value: hints.region, from: pasted };
    else if (endpoint) out.region = { value: endpoint.region, from: 'the host' };
    if (hints.service) out.service = { value: hints.service, from: pasted };
    else if (endpoint) out.service = { value: endpoint.service, from: 'the host' };
    if (hints.accessKeyId) out.accessKeyId = { value: hints.accessKeyId, from: pasted };
  }
  const amzDate =
    param('X-Amz-Date')?.value ?? (request ? findHeader(request, 'x-amz-date')?.value : undefined);
  const date = request ? findHeader(request, 'date')?.value : undefined;
  if (amzDate) out.time = { value: percentDecodeText(amzDate), from: 'X-Amz-Date' };
  else if (date) out.time = { value: date, from: 'the Date header' };
  if (host) facts.push(endpoint ? `host ${host}: ${endpoint.service} in ${endpoint.region}` : `host ${host}`);
  return out;
}
